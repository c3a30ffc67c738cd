import type { OmnichannelClient } from '../client/client';
import { createCloseRoomsJob } from './close-rooms-job';
import type { BulkSkip, CloseRoomsJob } from './close-rooms-job';
import type { BulkCloseRoom, CloseRoomsSnapshot, CloseRoomsWrapUp } from './types';

/** How many times `onUnauthorized` may resolve without the server accepting the credentials. */
const MAX_SIGN_INS_WITHOUT_PROGRESS = 3;

/** Options of `closeRooms`. */
export interface CloseRoomsOptions {
  /** Aborting cancels: nothing new is sent, the request in flight finishes and is reported, and the promise resolves. */
  signal?: AbortSignal;
  /** Called with a new snapshot after every change (a room sent, answered, a wait begun). */
  onProgress?: (snapshot: CloseRoomsSnapshot) => void;
  /** Rooms not to attempt (from `checkCloseRooms`). @default [] */
  skip?: readonly BulkSkip[];
  /**
   * Called when a close answers 401: sign the agent in again, then resolve; the job resumes. If it
   * throws, or is not given, or the server still answers 401 after three sign-ins in a row with
   * no room answered in between, the rooms left are cancelled.
   */
  onUnauthorized?: () => unknown;
  /** How long to wait before resuming after the connection failed several times in a row, in ms. @default 10000 */
  networkPauseMs?: number;
  /**
   * Where to keep the job for resumption after a reload (`restoreCloseRoomsJob`); removed from
   * there once the promise resolves. @default null (memory only)
   */
  storage?: Storage | null;
  /** @default DEFAULT_CLOSE_ROOMS_STORAGE_KEY */
  storageKey?: string;
}

/**
 * Closes many rooms with one wrap-up, paced by the server's rate limit, one request at a time.
 * Resolves with the final snapshot once every room is in a final state (`closed`,
 * `already-closed`, `failed` with its `CloseRoomError` kind, `skipped` or `cancelled`); never
 * rejects for a room's failure. For pause, resume and retry, use `createCloseRoomsJob`.
 */
export function closeRooms(client: OmnichannelClient, rooms: readonly BulkCloseRoom[], wrapUp: CloseRoomsWrapUp, options: CloseRoomsOptions = {}): Promise<CloseRoomsSnapshot> {
  const { signal, onProgress, skip, onUnauthorized, networkPauseMs = 10_000, storage = null, storageKey } = options;
  return new Promise((resolve) => {
    let job: CloseRoomsJob | undefined = undefined;
    let resuming = false;
    // Sign-ins that did not help: a 401 again before any room was answered otherwise.
    let signInsInARow = 0;
    let finishedAtSignIn = -1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      clearTimeout(timer);
      job?.cancel();
    };
    const react = () => {
      if (!job) return;
      const snapshot = job.getSnapshot();
      onProgress?.(snapshot);
      if (snapshot.phase === 'done') {
        signal?.removeEventListener('abort', onAbort);
        // The caller has the result: a finished job is not left in storage to be offered again.
        job.discard();
        resolve(snapshot);
      } else if (snapshot.phase === 'paused' && !resuming) {
        resuming = true;
        const current = job;
        if (snapshot.pauseReason === 'unauthorized' && onUnauthorized) {
          signInsInARow = snapshot.finished === finishedAtSignIn ? signInsInARow + 1 : 1;
          finishedAtSignIn = snapshot.finished;
          // onUnauthorized resolved, yet the server still refuses: the rooms left are cancelled
          // rather than posted again and again.
          if (signInsInARow > MAX_SIGN_INS_WITHOUT_PROGRESS) {
            resuming = false;
            current.cancel();
            return;
          }
          Promise.resolve()
            .then(onUnauthorized)
            .then(() => (signal?.aborted ? current.cancel() : current.resume()), () => current.cancel())
            .finally(() => (resuming = false));
        } else if (snapshot.pauseReason === 'network') {
          timer = setTimeout(() => {
            resuming = false;
            current.resume();
          }, networkPauseMs);
        } else {
          resuming = false;
          current.cancel();
        }
      }
    };
    job = createCloseRoomsJob(client, rooms, wrapUp, {
      skip,
      storage,
      // In memory, each call is its own job; with storage, the key says which job to resume.
      storageKey: storageKey ?? (storage ? undefined : `rocketchat-omnichannel-ui:close-rooms:${Math.random().toString(36).slice(2)}`),
    });
    job.subscribe(react);
    if (signal?.aborted) job.cancel();
    else {
      signal?.addEventListener('abort', onAbort, { once: true });
      job.start();
    }
    react();
  });
}
