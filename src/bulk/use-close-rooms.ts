import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useOmnichannelClient } from '../provider/OmnichannelProvider';
import { livechatRoomKeys } from '../query/keys';
import { createCloseRoomsJob, restoreCloseRoomsJob } from './close-rooms-job';
import { DEFAULT_CLOSE_ROOMS_STORAGE_KEY } from './persistence';
import { liveJobs } from './registry';
import type { BulkSkip, CloseRoomsJob } from './close-rooms-job';
import type { BulkCloseRoom, CloseRoomsSnapshot, CloseRoomsWrapUp } from './types';

/** Options of `useCloseRooms`. */
export interface UseCloseRoomsOptions {
  /** Where the job is kept across reloads; `null`: memory only. @default sessionStorage */
  storage?: Storage | null;
  /** @default DEFAULT_CLOSE_ROOMS_STORAGE_KEY */
  storageKey?: string;
  /** How often, at most, the room lists are invalidated while rooms close, in ms. @default 3000 */
  invalidateEveryMs?: number;
}

/** What `useCloseRooms` returns. */
export interface UseCloseRoomsResult {
  /** The job's picture, or `undefined` before `start` and when no saved job was found. */
  snapshot: CloseRoomsSnapshot | undefined;
  /** Starts a new job (throws while another one under the same key is not done). */
  start: (rooms: readonly BulkCloseRoom[], wrapUp: CloseRoomsWrapUp, options?: { skip?: readonly BulkSkip[] }) => void;
  pause: () => void;
  resume: () => void;
  cancel: () => void;
  /** Queues again the failed rooms a retry can fix, and the cancelled ones. */
  retry: () => void;
  /** Forgets the job (and its saved copy); `snapshot` becomes `undefined`. */
  discard: () => void;
}

const noJob = () => () => undefined;

/**
 * The listener at most once a frame: a fast run changes the job several times a frame, and the
 * view needs only the latest picture. Without `requestAnimationFrame` (tests, servers) a 16 ms timer.
 */
function oncePerFrame(listener: () => void): () => void {
  let pending = false;
  const schedule = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (callback: () => void) => setTimeout(callback, 16);
  return () => {
    if (pending) return;
    pending = true;
    schedule(() => {
      pending = false;
      listener();
    });
  };
}

/**
 * A bulk close through the `OmnichannelProvider`'s client, kept in the browser across reloads. On
 * mount it picks up the job running in this page, or the one saved under the key once the server
 * confirms the signed-in agent started it (paused, for the agent to resume). As rooms close, react-query's room lists and details are invalidated (at most every
 * `invalidateEveryMs`, and when the job ends), so lists drop the closed rooms without a reload.
 * The job keeps running when the component unmounts, and a new mount finds it. The component
 * re-renders at most once a frame, with the latest snapshot.
 */
export function useCloseRooms({ storage, storageKey, invalidateEveryMs = 3000 }: UseCloseRoomsOptions = {}): UseCloseRoomsResult {
  const client = useOmnichannelClient();
  const queryClient = useQueryClient();
  // The job running in this page at once (a remount shows it without a blink); a saved one once
  // the server has said the signed-in agent is its owner.
  const [job, setJob] = useState<CloseRoomsJob | undefined>(() => liveJobs.get(storageKey ?? DEFAULT_CLOSE_ROOMS_STORAGE_KEY));
  useEffect(() => {
    let mounted = true;
    void restoreCloseRoomsJob(client, { storage, storageKey }).then((found) => {
      if (mounted && found) setJob((shown) => shown ?? found);
    });
    // Another agent signed in with this client: their console shows nothing of the last one's job.
    const stop = client.onUserChange?.(() => setJob(undefined));
    return () => {
      mounted = false;
      stop?.();
    };
  }, [client, storage, storageKey]);
  const subscribe = useCallback((listener: () => void) => (job ? job.subscribe(oncePerFrame(listener)) : noJob()), [job]);
  const snapshot = useSyncExternalStore(subscribe, () => job?.getSnapshot(), () => job?.getSnapshot());

  const closedCount = snapshot ? snapshot.counts.closed + snapshot.counts['already-closed'] : 0;
  const done = snapshot?.phase === 'done';
  useEffect(() => {
    if (closedCount === 0) return;
    const invalidate = () => {
      void queryClient.invalidateQueries({ queryKey: livechatRoomKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: livechatRoomKeys.details() });
    };
    if (done) {
      invalidate();
      return;
    }
    const timer = setTimeout(invalidate, invalidateEveryMs);
    return () => clearTimeout(timer);
  }, [closedCount, done, queryClient, invalidateEveryMs]);

  const start = useCallback<UseCloseRoomsResult['start']>(
    (rooms, wrapUp, { skip } = {}) => {
      const next = createCloseRoomsJob(client, rooms, wrapUp, { storage, storageKey, skip });
      setJob(next);
      next.start();
    },
    [client, storage, storageKey],
  );
  return {
    snapshot,
    start,
    pause: () => job?.pause(),
    resume: () => job?.resume(),
    cancel: () => job?.cancel(),
    retry: () => job?.retry(),
    discard: () => {
      job?.discard();
      setJob(undefined);
    },
  };
}
