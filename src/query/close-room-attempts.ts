import { useCallback, useSyncExternalStore } from 'react';
import type { OmnichannelClient } from '../client/client';
import { closeRoom } from '../client/close-room';
import type { CloseRoomOptions, CloseRoomRequest } from '../client/close-room';
import { CloseRoomError } from '../client/errors';
import { useOmnichannelClient } from '../provider/OmnichannelProvider';

/**
 * The latest close of one room through a client, whichever form, hook or caller started it. Every
 * form of a room reads it, so a room's pending close, its failure and its closing belong to the
 * room, not to whichever component happens to show it (#11: `rid` switches, two forms, one room).
 */
export type RoomCloseAttempt =
  | { status: 'pending'; request: CloseRoomRequest; startedAt: number }
  | { status: 'success'; request: CloseRoomRequest; startedAt: number; settledAt: number }
  | { status: 'error'; request: CloseRoomRequest; error: CloseRoomError; startedAt: number; settledAt: number };

interface InFlight {
  promise: Promise<void>;
  /** Callers that still want the close sent; when the last one abandons, it is abandoned. */
  holders: number;
  abandon: AbortController;
}

interface AttemptStore {
  attempts: Map<string, RoomCloseAttempt>;
  inFlight: Map<string, InFlight>;
  listeners: Set<() => void>;
}

const stores = new WeakMap<OmnichannelClient, AttemptStore>();

function storeOf(client: OmnichannelClient): AttemptStore {
  let store = stores.get(client);
  if (!store) {
    store = { attempts: new Map(), inFlight: new Map(), listeners: new Set() };
    stores.set(client, store);
  }
  return store;
}

function record(store: AttemptStore, rid: string, attempt: RoomCloseAttempt | undefined) {
  if (attempt) store.attempts.set(rid, attempt);
  else store.attempts.delete(rid);
  for (const listener of store.listeners) listener();
}

/** JSON with sorted keys: two requests are the same close when they would send the same body. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

/** `true` when both requests send the same body to the server. */
export function isSameCloseRequest(a: CloseRoomRequest, b: CloseRoomRequest): boolean {
  return canonical(a) === canonical(b);
}

/** The latest close of `rid` through `client`, or `undefined` when none was tried. */
export function getRoomCloseAttempt(client: OmnichannelClient, rid: string): RoomCloseAttempt | undefined {
  return stores.get(client)?.attempts.get(rid);
}

/**
 * `closeRoom`, one request per room at a time for each client. A call with the same body while a
 * close of the room is in flight joins it; a call with other values is refused at once with a
 * `conflict` error and sends nothing, because only one body can reach the server and values that
 * were not sent must never be reported as closed (#11). `abandonSignal` abandons a close that has
 * not been sent yet (a form dismissed while its credentials resolve). A joined close is abandoned
 * only when every caller that shares it has abandoned it: a caller without `abandonSignal` keeps it.
 */
export function closeRoomOnce(
  client: OmnichannelClient,
  request: CloseRoomRequest,
  { abandonSignal }: Pick<CloseRoomOptions, 'abandonSignal'> = {},
): Promise<void> {
  const store = storeOf(client);
  const rid = request?.rid;
  if (typeof rid !== 'string') return closeRoom(client, request, { abandonSignal }); // refused by closeRoom itself
  const pending = store.inFlight.get(rid);
  if (pending) {
    const current = store.attempts.get(rid);
    if (current && isSameCloseRequest(current.request, request)) {
      hold(pending, abandonSignal);
      return pending.promise;
    }
    return Promise.reject(
      new CloseRoomError('conflict', `closeRoom: a close of room ${rid} with other values is in flight; these values were not sent`),
    );
  }
  const startedAt = Date.now();
  const abandon = new AbortController();
  record(store, rid, { status: 'pending', request, startedAt });
  const settled = closeRoom(client, request, { abandonSignal: abandon.signal })
    .then(
      () => record(store, rid, { status: 'success', request, startedAt, settledAt: Date.now() }),
      (error: unknown) => {
        // An abandoned or aborted close is not an outcome of the room: forget the attempt.
        record(store, rid, error instanceof CloseRoomError ? { status: 'error', request, error, startedAt, settledAt: Date.now() } : undefined);
        throw error;
      },
    )
    .finally(() => store.inFlight.delete(rid));
  const entry: InFlight = { promise: settled, holders: 0, abandon };
  store.inFlight.set(rid, entry);
  hold(entry, abandonSignal);
  return settled;
}

/** One more caller wants the close sent, until its own `abandonSignal` (if any) aborts. */
function hold(entry: InFlight, abandonSignal: AbortSignal | undefined) {
  entry.holders += 1;
  if (!abandonSignal) return;
  const release = () => {
    entry.holders -= 1;
    if (entry.holders === 0) entry.abandon.abort(abandonSignal.reason);
  };
  if (abandonSignal.aborted) release();
  else abandonSignal.addEventListener('abort', release, { once: true });
}

/** Reads the client's attempts with `read`, re-rendering when any attempt changes. */
function useAttempts<T>(read: (store: AttemptStore, client: OmnichannelClient) => T): T {
  const client = useOmnichannelClient();
  const subscribe = useCallback(
    (listener: () => void) => {
      const { listeners } = storeOf(client);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    [client],
  );
  const snapshot = () => read(storeOf(client), client);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/**
 * The newest close through the client that was answered 429, whichever room it was for:
 * Rocket.Chat's limiter counts per user and endpoint, so its wait holds for every room.
 */
export function useLatestRateLimitedAttempt(): RoomCloseAttempt | undefined {
  return useAttempts((store) => {
    let latest: RoomCloseAttempt | undefined;
    for (const attempt of store.attempts.values()) {
      if (attempt.status === 'error' && attempt.error.kind === 'rate-limited' && (!latest || attempt.startedAt > latest.startedAt)) latest = attempt;
    }
    return latest;
  });
}

/** The latest close of `rid` through the `OmnichannelProvider`'s client; re-renders when it changes. */
export function useRoomCloseAttempt(rid: string): RoomCloseAttempt | undefined {
  return useAttempts((_store, client) => getRoomCloseAttempt(client, rid));
}
