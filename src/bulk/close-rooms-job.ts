import type { ApiResponse, OmnichannelClient } from '../client/client';
import { closeRoom } from '../client/close-room';
import type { CloseRoomRequest } from '../client/close-room';
import { CloseRoomError } from '../client/errors';
import type { CloseRoomErrorKind } from '../client/errors';
import { isValidEmail } from '../schema/close-room-form-schema';
import { createRateLimitPacer } from './pacer';
import { clearSavedCloseRoomsJob, DEFAULT_CLOSE_ROOMS_STORAGE_KEY, defaultCloseRoomsStorage, loadSavedCloseRoomsJob, saveCloseRoomsJob } from './persistence';
import type { SavedCloseRoomsJob } from './persistence';
import { countRooms, isFinalStatus, isRetryableBulkError } from './status';
import type { BulkCloseRoom, BulkRoomState, BulkSkipReason, CloseRoomsPauseReason, CloseRoomsPhase, CloseRoomsSnapshot, CloseRoomsWrapUp } from './types';

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

const live = new Map<string, CloseRoomsJob>();

interface Init {
  saved: SavedCloseRoomsJob;
  phase: CloseRoomsPhase;
  pauseReason?: CloseRoomsPauseReason;
}

/** A new job over `rooms` (duplicate rids count once), `ready` to `start()`. */
export function createCloseRoomsJob(client: OmnichannelClient, rooms: readonly BulkCloseRoom[], wrapUp: CloseRoomsWrapUp, options: CloseRoomsJobOptions = {}): CloseRoomsJob {
  const key = options.storageKey ?? DEFAULT_CLOSE_ROOMS_STORAGE_KEY;
  const running = live.get(key);
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
 */
export function restoreCloseRoomsJob(client: OmnichannelClient, options: CloseRoomsJobOptions = {}): CloseRoomsJob | undefined {
  const key = options.storageKey ?? DEFAULT_CLOSE_ROOMS_STORAGE_KEY;
  const running = live.get(key);
  if (running) return running;
  const storage = options.storage === undefined ? defaultCloseRoomsStorage() : options.storage;
  const saved = loadSavedCloseRoomsJob(storage, key, client.baseUrl);
  if (!saved) return undefined;
  // Whether a request in flight when the page went away reached the server is unknown: it is
  // sent again (a closed room then answers "already closed", which counts as done).
  saved.rooms = saved.rooms.map((room) => (room.status === 'sending' ? { ...room, status: 'queued', uncertain: true } : room));
  const done = saved.rooms.every((room) => isFinalStatus(room.status));
  return runJob(client, { saved, phase: done ? 'done' : 'paused', pauseReason: done ? undefined : 'reload' }, options);
}

function runJob(client: OmnichannelClient, init: Init, options: CloseRoomsJobOptions): CloseRoomsJob {
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
  let firstWindowEndsAt: number | undefined;
  const rateLimited = { total: 0, afterFirstWindow: 0 };
  const pacer = createRateLimitPacer();
  const listeners = new Set<() => void>();
  let snapshot: CloseRoomsSnapshot | undefined;

  function save() {
    if (disposed || storage === null) return;
    const emails: Record<string, string> = {};
    for (const room of rooms) if (!isFinalStatus(room.status) && saved.emails[room.rid]) emails[room.rid] = saved.emails[room.rid] as string;
    persisted = saveCloseRoomsJob(storage, key, { ...saved, rooms, emails });
  }

  function changed() {
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
    const now = Date.now();
    const kind: CloseRoomErrorKind | undefined = error === undefined ? undefined : error instanceof CloseRoomError ? error.kind : 'unknown';
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
      const wait = pacer.waitMs();
      if (wait > 0) {
        waitingUntil = Date.now() + wait;
        changed();
        await sleep(wait);
        waitingUntil = undefined;
        continue;
      }
      await send(index);
      if (!disposed) changed();
    }
    loop = undefined;
    if (!disposed && waitingUntil !== undefined) {
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
        rooms: rooms.map((room) => ({ ...room })),
        counts,
        finished: rooms.length - counts.queued - counts.sending,
        current: current === undefined ? undefined : { ...(rooms[current] as BulkRoomState) },
        waitingUntil,
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
      wake?.();
      if (live.get(key) === job) live.delete(key);
    },
    discard() {
      job.dispose();
      clearSavedCloseRoomsJob(storage, key);
    },
  };
  live.set(key, job);
  save();
  return job;
}
