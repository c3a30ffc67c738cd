export { closeRooms } from './close-rooms';
export type { CloseRoomsOptions } from './close-rooms';
export { createCloseRoomsJob, restoreCloseRoomsJob } from './close-rooms-job';
export type { BulkSkip, CloseRoomsJob, CloseRoomsJobOptions } from './close-rooms-job';
export { checkCloseRooms, readCloseRoomsFacts } from './checks';
export type { CloseRoomsCheck, CloseRoomsFacts } from './checks';
export { useCloseRooms } from './use-close-rooms';
export type { UseCloseRoomsOptions, UseCloseRoomsResult } from './use-close-rooms';
export { useCloseRoomsChecks } from './use-close-rooms-checks';
export type { UseCloseRoomsChecksResult } from './use-close-rooms-checks';
export { clearSavedCloseRoomsJob, DEFAULT_CLOSE_ROOMS_STORAGE_KEY, defaultCloseRoomsStorage, loadSavedCloseRoomsJob } from './persistence';
export type { SavedCloseRoomsJob } from './persistence';
export { countRooms, isFinalStatus, isRetryableBulkError } from './status';
export type {
  BulkCloseRoom,
  BulkRoomCounts,
  BulkRoomState,
  BulkRoomStatus,
  BulkSkipReason,
  CloseRoomsPauseReason,
  CloseRoomsPhase,
  CloseRoomsSnapshot,
  CloseRoomsWrapUp,
  ObservedRateLimit,
} from './types';
