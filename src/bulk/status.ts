import type { CloseRoomErrorKind } from '../client/errors';
import type { BulkRoomCounts, BulkRoomState, BulkRoomStatus } from './types';

const FINAL: ReadonlySet<BulkRoomStatus> = new Set(['closed', 'already-closed', 'failed', 'skipped', 'cancelled']);

/** `true` for the five statuses a room ends in. */
export function isFinalStatus(status: BulkRoomStatus): boolean {
  return FINAL.has(status);
}

// Failures a second attempt with the same wrap-up can fix. The others (no permission, another
// agent's room, a room gone, a rule the wrap-up does not meet) would fail the same way again.
const RETRYABLE: ReadonlySet<CloseRoomErrorKind> = new Set(['network', 'timeout', 'server', 'conflict', 'unknown', 'rate-limited', 'unauthorized']);

/** Whether `retry()` queues a room that failed with this kind again. */
export function isRetryableBulkError(kind: CloseRoomErrorKind | undefined): boolean {
  return kind !== undefined && RETRYABLE.has(kind);
}

/** Rooms by status. */
export function countRooms(rooms: readonly BulkRoomState[]): BulkRoomCounts {
  const counts: BulkRoomCounts = { queued: 0, sending: 0, closed: 0, 'already-closed': 0, failed: 0, skipped: 0, cancelled: 0 };
  for (const room of rooms) counts[room.status] += 1;
  return counts;
}
