import type { ApiResponse, OmnichannelClient } from '../client/client';
import { closeRoom } from '../client/close-room';
import type { CloseRoomRequest } from '../client/close-room';
import { CloseRoomError } from '../client/errors';
import type { CloseRoomErrorKind } from '../client/errors';
import type { CloseRoomsJob, CloseRoomsJobOptions } from './close-rooms-job';
import { lookUpOwner } from './owner';
import { createRateLimitPacer } from './pacer';
import { clearSavedCloseRoomsJob, DEFAULT_CLOSE_ROOMS_STORAGE_KEY, defaultCloseRoomsStorage, saveCloseRoomsJob } from './persistence';
import type { SavedCloseRoomsJob } from './persistence';
import { liveJobs } from './registry';
import { countRooms, isFinalStatus, isRetryableBulkError } from './status';
import type { BulkRoomState, CloseRoomsPauseReason, CloseRoomsPhase, CloseRoomsSnapshot } from './types';

/** How long a network failure waits before it is recorded, for a page that is going away. */
const UNLOAD_GRACE_MS = 1000;

/** Where a job starts: its saved state and phase. */
export interface JobStart {
  saved: SavedCloseRoomsJob;
  phase: CloseRoomsPhase;
  pauseReason?: CloseRoomsPauseReason;
}

const ROOM_FIELDS = ['rid', 'name', 'status', 'error', 'skipReason', 'department', 'posts', 'uncertain', 'transcriptSent'] as const;
const sameRoom = (a: BulkRoomState, b: BulkRoomState) => ROOM_FIELDS.every((field) => a[field] === b[field]);

/** The state machine of one job: sends one room at a time, paced, and keeps every room's state. */
export function runJob(client: OmnichannelClient, init: JobStart, options: CloseRoomsJobOptions): CloseRoomsJob {
  const key = options.storageKey ?? DEFAULT_CLOSE_ROOMS_STORAGE_KEY;
  const storage = options.storage === undefined ? defaultCloseRoomsStorage() : options.storage;
  const saved = init.saved;
  const rooms = saved.rooms.map((room) => ({ ...room }));
  let phase = init.phase;
  let pauseReason = init.pauseReason;
  let current: number | undefined;
  let waitingUntil: number | undefined;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let disposed = false;
  let persisted = storage !== null;
  let transportFailures = 0;
  let unsaved = false;
  // Another agent signed in: this job is no longer saved or offered, and sends nothing new.
  let forgotten = false;
  // The owner lookup answered without a user id: the job runs, but a reload will not offer it.
  let ownerUnknown = false;
  let firstWindowEndsAt: number | undefined;
  const rateLimited = { total: 0, afterFirstWindow: 0 };
  const pacer = createRateLimitPacer();
  const listeners = new Set<() => void>();
  let snapshot: CloseRoomsSnapshot | undefined;
  let previousRooms: readonly BulkRoomState[] = [];

  // Copies of the rooms for a snapshot, reusing the previous copy of every room that did not
  // change: a view of 1,000 rooms re-renders only the rows that moved.
  function frozen(): readonly BulkRoomState[] {
    const next = rooms.map((room, index) => {
      const before = previousRooms[index];
      return before && sameRoom(before, room) ? before : Object.freeze({ ...room });
    });
    previousRooms = next;
    return next;
  }

  function save() {
    if (disposed || forgotten || storage === null) return;
    const emails: Record<string, string> = {};
    for (const room of rooms) if (!isFinalStatus(room.status) && saved.emails[room.rid]) emails[room.rid] = saved.emails[room.rid] as string;
    persisted = saveCloseRoomsJob(storage, key, { ...saved, rooms, emails });
  }

  function changed() {
    unsaved = false;
    snapshot = undefined;
    save();
    for (const listener of [...listeners]) listener();
    options.onProgress?.(job.getSnapshot());
  }

  function requestFor(room: BulkRoomState): CloseRoomRequest {
    const { comment, tags, transcriptEmail, generateTranscriptPdf } = saved.wrapUp;
    const email = saved.emails[room.rid];
    return {
      rid: room.rid,
      ...(comment ? { comment } : {}),
      ...(tags?.length ? { tags } : {}),
      ...(generateTranscriptPdf ? { generateTranscriptPdf: true } : {}),
      // A room without a known e-mail gets no transcript field at all: `sendToVisitor: false`
      // would cancel a transcript its visitor asked for.
      ...(transcriptEmail && email ? { transcriptEmail: { sendToVisitor: true, requestData: { email, subject: transcriptEmail.subject } } } : {}),
    };
  }

  function pauseNow(reason: CloseRoomsPauseReason) {
    phase = 'paused';
    pauseReason = reason;
  }

  function cancelQueued() {
    for (const room of rooms) if (room.status === 'queued') room.status = 'cancelled';
    phase = 'done';
    pauseReason = undefined;
  }

  async function send(index: number) {
    const room = rooms[index] as BulkRoomState;
    room.status = 'sending';
    room.posts += 1;
    current = index;
    // Saved before the request leaves: a reload now knows this room may have reached the server.
    changed();
    let response: ApiResponse | undefined;
    // The client's own request path (deadline, credentials, origin rules), watched for headers.
    const watched: OmnichannelClient = { baseUrl: client.baseUrl, timeoutMs: client.timeoutMs, request: async (request) => (response = await client.request(request)) };
    const started = Date.now();
    let error: unknown;
    try {
      await closeRoom(watched, requestFor(room));
    } catch (caught) {
      error = caught;
    }
    if (disposed) return;
    const kind: CloseRoomErrorKind | undefined = error === undefined ? undefined : error instanceof CloseRoomError ? error.kind : 'unknown';
    if (kind === 'network' && pageKept) {
      // A page going away (reload, navigation) aborts the request in flight, sometimes before
      // `pagehide` (a service worker told at `beforeunload`). Wait a moment: if the page goes,
      // the job is disposed first and storage keeps the room as `sending`, to be queued again as
      // uncertain after the reload rather than recorded as a failure it may not be.
      await new Promise((resolve) => setTimeout(resolve, UNLOAD_GRACE_MS));
      if (disposed) return;
    }
    const now = Date.now();
    current = undefined;
    room.uncertain = undefined;
    if (kind === 'rate-limited') {
      pacer.rateLimited(error as CloseRoomError, response?.headers, now);
      rateLimited.total += 1;
      if (firstWindowEndsAt !== undefined && now >= firstWindowEndsAt) rateLimited.afterFirstWindow += 1;
      firstWindowEndsAt ??= now + pacer.waitMs(now);
      // The limiter answers before anything else: the server did nothing, so the room goes back.
      room.status = 'queued';
    } else if (kind === 'unauthorized') {
      // Authentication is the server's first check: nothing happened; back in the queue.
      room.status = 'queued';
      if (phase !== 'cancelling') pauseNow('unauthorized');
    } else {
      pacer.observe(kind === 'network' || kind === 'timeout' ? undefined : response?.headers, now - started, now);
      firstWindowEndsAt ??= pacer.state.resetAt;
      if (kind === undefined) {
        room.status = 'closed';
        room.transcriptSent = Boolean(saved.wrapUp.transcriptEmail && saved.emails[room.rid]);
      } else if (kind === 'already-closed') {
        room.status = 'already-closed';
      } else {
        room.status = 'failed';
        room.error = kind;
      }
      transportFailures = kind === 'network' || kind === 'timeout' ? transportFailures + 1 : 0;
      if (transportFailures >= (options.pauseAfterTransportFailures ?? 3) && phase === 'running') {
        transportFailures = 0;
        pauseNow('network');
      }
    }
    if (phase === 'pausing') pauseNow('user');
    if (phase === 'cancelling') cancelQueued();
  }

  function sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  }

  async function work() {
    while (!disposed && phase === 'running') {
      const index = rooms.findIndex((room) => room.status === 'queued');
      if (index < 0) {
        phase = 'done';
        changed();
        break;
      }
      if (storage !== null && saved.owner === undefined && !ownerUnknown) {
        // Whose job it is, before its first close: a reload offers it to that agent only.
        const found = await lookUpOwner(client);
        if (disposed) break;
        if (found.kind === 'owner') saved.owner = found.owner;
        else if (found.kind === 'unknown') ownerUnknown = true;
        else if (phase === 'running') pauseNow(found.kind === 'unauthorized' ? 'unauthorized' : 'network');
        changed();
        continue;
      }
      const wait = pacer.waitMs();
      if (wait > 0) {
        waitingUntil = Date.now() + wait;
        changed();
        await sleep(wait);
        waitingUntil = undefined;
        continue;
      }
      await send(index);
      // Saved and reported by whatever comes next: the next room's send (one write for both,
      // which halves the storage writes of a fast run), the wait, the end, or the exit below.
      unsaved = true;
    }
    loop = undefined;
    if (!disposed && (unsaved || waitingUntil !== undefined)) {
      waitingUntil = undefined;
      changed();
    }
  }

  function kick() {
    if (!loop && !disposed) loop = work();
  }

  const job: CloseRoomsJob = {
    getSnapshot() {
      if (snapshot) return snapshot;
      const counts = countRooms(rooms);
      const now = Date.now();
      snapshot = {
        id: saved.id,
        phase,
        pauseReason: phase === 'paused' ? pauseReason : undefined,
        cancelled: saved.cancelled,
        wrapUp: saved.wrapUp,
        rooms: frozen(),
        counts,
        finished: rooms.length - counts.queued - counts.sending,
        current: current === undefined ? undefined : { ...(rooms[current] as BulkRoomState) },
        waitingUntil,
        takenAt: now,
        estimatedMsLeft: phase === 'done' ? 0 : pacer.estimate(counts.queued + counts.sending, now),
        rateLimit: pacer.state,
        rateLimited: { ...rateLimited },
        createdAt: saved.createdAt,
        attempt: saved.attempt,
        persisted,
      };
      return snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (phase !== 'ready' || disposed) return;
      saved.attempt = 1;
      phase = 'running';
      changed();
      kick();
    },
    pause() {
      if (phase !== 'running') return;
      phase = current === undefined ? 'paused' : 'pausing';
      pauseReason = 'user';
      wake?.();
      changed();
    },
    resume() {
      if ((phase !== 'paused' && phase !== 'pausing') || disposed) return;
      phase = 'running';
      pauseReason = undefined;
      transportFailures = 0;
      changed();
      kick();
    },
    cancel() {
      if (phase === 'done' || disposed) return;
      saved.cancelled = true;
      if (current === undefined) cancelQueued();
      else phase = 'cancelling';
      wake?.();
      changed();
    },
    retry() {
      if (phase !== 'done' || disposed) return;
      let queued = 0;
      for (const room of rooms) {
        if (room.status === 'cancelled' || (room.status === 'failed' && isRetryableBulkError(room.error))) {
          room.status = 'queued';
          room.error = undefined;
          queued += 1;
        }
      }
      if (queued === 0) return;
      saved.attempt += 1;
      saved.cancelled = false;
      phase = 'running';
      changed();
      kick();
    },
    dispose() {
      disposed = true;
      stopWatchingUser?.();
      if (typeof removeEventListener === 'function') removeEventListener('pagehide', onPageHide);
      wake?.();
      if (liveJobs.get(key) === job) liveJobs.delete(key);
    },
    discard() {
      job.dispose();
      clearSavedCloseRoomsJob(storage, key);
    },
  };
  // Another agent signed in with the same client: the job is not theirs to see or resume. It is
  // forgotten (storage and registry) and cancelled, so nothing more is sent in their name; a
  // request already in flight finishes and is reported.
  const stopWatchingUser = client.onUserChange?.(() => {
    if (disposed || forgotten) return;
    forgotten = true;
    if (liveJobs.get(key) === job) liveJobs.delete(key);
    clearSavedCloseRoomsJob(storage, key);
    job.cancel();
  });
  // The page goes away (reload, navigation): the browser aborts the request in flight. The job
  // stops here, before that abort reads as a network failure, so storage keeps the room as
  // `sending` and a restore queues it again marked uncertain, and no next room is marked.
  function onPageHide(event: PageTransitionEvent) {
    if (!event.persisted) job.dispose();
  }
  const pageKept = storage !== null && typeof addEventListener === 'function';
  if (pageKept) addEventListener('pagehide', onPageHide);
  liveJobs.set(key, job);
  save();
  return job;
}
