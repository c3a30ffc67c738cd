import type { OmnichannelClient } from '../client/client';
import { isValidEmail } from '../schema/close-room-form-schema';
import { runJob } from './job-machine';
import { clearSavedCloseRoomsJob, DEFAULT_CLOSE_ROOMS_STORAGE_KEY, defaultCloseRoomsStorage, readSavedCloseRoomsJob } from './persistence';
import type { SavedCloseRoomsJob } from './persistence';
import { lookUpOwner } from './owner';
import { liveJobs } from './registry';
import { isFinalStatus } from './status';
import type { BulkCloseRoom, BulkRoomState, BulkSkipReason, CloseRoomsSnapshot, CloseRoomsWrapUp } from './types';

/** A room found uncloseable before the first request: skipped, never posted. */
export interface BulkSkip {
  rid: string;
  reason: BulkSkipReason;
  /** The department's name, for the message. */
  department?: string;
}

/** Options of `createCloseRoomsJob` and `restoreCloseRoomsJob`. */
export interface CloseRoomsJobOptions {
  /** Where the job is kept across reloads; `null` keeps it in memory only. @default sessionStorage (see `defaultCloseRoomsStorage`) */
  storage?: Storage | null;
  /** The storage key; one job per key runs at a time in a page. @default DEFAULT_CLOSE_ROOMS_STORAGE_KEY */
  storageKey?: string;
  /** Rooms that must not be attempted (from `checkCloseRooms`). @default [] */
  skip?: readonly BulkSkip[];
  /** Transport failures (network, timeout) in a row after which the job pauses with `network`. @default 3 */
  pauseAfterTransportFailures?: number;
  /** Called with a new snapshot after every change. */
  onProgress?: (snapshot: CloseRoomsSnapshot) => void;
}

/** A running bulk close: a small state machine over the job's rooms. */
export interface CloseRoomsJob {
  /** The current picture; the same object until something changes (for `useSyncExternalStore`). */
  getSnapshot(): CloseRoomsSnapshot;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Starts a `ready` job. */
  start(): void;
  /** Sends nothing new; a request in flight finishes first (`pausing`, then `paused`). */
  pause(): void;
  /** Continues a paused job (after a sign-in, a network pause or a reload). */
  resume(): void;
  /** Sends nothing new; queued rooms become `cancelled`; a request in flight finishes and is reported. */
  cancel(): void;
  /** A `done` job: queues again the rooms that failed for a reason a retry can fix, and the cancelled ones. */
  retry(): void;
  /** Stops the job in this page without changing its state (a reload does the same); it writes nothing after. */
  dispose(): void;
  /** Forgets the saved job and disposes it. */
  discard(): void;
}


/** A new job over `rooms` (duplicate rids count once), `ready` to `start()`. */
export function createCloseRoomsJob(client: OmnichannelClient, rooms: readonly BulkCloseRoom[], wrapUp: CloseRoomsWrapUp, options: CloseRoomsJobOptions = {}): CloseRoomsJob {
  const key = options.storageKey ?? DEFAULT_CLOSE_ROOMS_STORAGE_KEY;
  const running = liveJobs.get(key);
  if (running && running.getSnapshot().phase !== 'done') throw new Error(`A bulk close is already under way under "${key}": cancel or finish it first`);
  running?.dispose();
  const skips = new Map((options.skip ?? []).map((skip) => [skip.rid, skip]));
  const seen = new Set<string>();
  const states: BulkRoomState[] = [];
  const emails: Record<string, string> = {};
  for (const room of rooms) {
    if (seen.has(room.rid)) continue;
    seen.add(room.rid);
    const skip = skips.get(room.rid);
    states.push({ rid: room.rid, name: room.name, status: skip ? 'skipped' : 'queued', skipReason: skip?.reason, department: skip?.department, posts: 0 });
    if (!skip && room.visitorEmail && isValidEmail(room.visitorEmail)) emails[room.rid] = room.visitorEmail;
  }
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const saved: SavedCloseRoomsJob = { version: 1, id, baseUrl: client.baseUrl, createdAt: Date.now(), attempt: 0, cancelled: false, wrapUp: structuredClone(wrapUp), rooms: states, emails };
  return runJob(client, { saved, phase: 'ready' }, options);
}

/**
 * The job saved under the key (or running in this page), for resumption: `paused` with reason
 * `reload`, a room that was being sent queued again and marked `uncertain`. `undefined` when none.
 * A saved job is offered only to the agent who started it: restore asks the server who the
 * client's credentials name (`GET me`) and compares a digest of it with the job's owner marker.
 * Another agent's job, one without an owner, and one that is not valid are removed from storage.
 * When the server cannot say (no connection, session expired), nothing is offered and the job
 * stays stored for a later restore.
 */
export async function restoreCloseRoomsJob(client: OmnichannelClient, options: CloseRoomsJobOptions = {}): Promise<CloseRoomsJob | undefined> {
  const key = options.storageKey ?? DEFAULT_CLOSE_ROOMS_STORAGE_KEY;
  const running = liveJobs.get(key);
  if (running) return running;
  const storage = options.storage === undefined ? defaultCloseRoomsStorage() : options.storage;
  const read = readSavedCloseRoomsJob(storage, key);
  if (read.kind === 'invalid') {
    // Half-written or from an unknown version: nothing can resume it, and left in place it would
    // be read (and refused) on every mount.
    clearSavedCloseRoomsJob(storage, key);
    return undefined;
  }
  if (read.kind === 'none' || read.job.baseUrl !== client.baseUrl) return undefined;
  const who = await lookUpOwner(client);
  // While the server answered, this page may have restored or started a job under the key.
  const meanwhile = liveJobs.get(key);
  if (meanwhile) return meanwhile;
  if (who.kind === 'unauthorized' || who.kind === 'unreachable') return undefined;
  const again = readSavedCloseRoomsJob(storage, key);
  if (again.kind !== 'job' || again.job.id !== read.job.id) return undefined;
  const saved = again.job;
  if (who.kind !== 'owner' || saved.owner !== who.owner) {
    // Another agent's job (or one whose agent is unknown): never shown to this one.
    clearSavedCloseRoomsJob(storage, key);
    return undefined;
  }
  // Whether a request in flight when the page went away reached the server is unknown: it is
  // sent again (a closed room then answers "already closed", which counts as done).
  saved.rooms = saved.rooms.map((room) => (room.status === 'sending' ? { ...room, status: 'queued', uncertain: true } : room));
  const done = saved.rooms.every((room) => isFinalStatus(room.status));
  return runJob(client, { saved, phase: done ? 'done' : 'paused', pauseReason: done ? undefined : 'reload' }, options);
}

