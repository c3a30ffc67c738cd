import type { CloseRoomError } from '../client/errors';
import type { ObservedRateLimit } from './types';

const whole = (value: string | null | undefined): number | undefined => {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : undefined;
};

/**
 * The shortest wait after a 429 saying "0 seconds": never a tight loop of refused requests. It
 * doubles with each 429 in a row (100 ms, 200 ms, … up to the longest wait believed), so a server
 * that keeps refusing while saying "wait 0 seconds" is asked about once a minute, not ten times a
 * second.
 */
const MIN_429_WAIT_MS = 100;
/** The window assumed before one is observed: Rocket.Chat's default is one minute. */
const ASSUMED_WINDOW_MS = 60_000;
/** The longest window believed: a longer one is a lying header, not a limit. */
const MAX_WINDOW_MS = 60 * 60_000;
/** Added to the window for the longest wait: the server's clock and ours drift a little. */
const WAIT_MARGIN_MS = 1000;
/** setTimeout fires at once past 2^31 - 1 ms: no wait may be longer. */
const MAX_TIMER_MS = 2_147_483_647;

/** `X-RateLimit-Reset` in epoch ms; values below 1e12 (before 2001 in ms) are epoch seconds. */
const resetMs = (reset: number | undefined) => (reset === undefined ? undefined : reset < 1e12 ? reset * 1000 : reset);

/**
 * How far the server's clock is ahead of ours, from the answer's `Date` header (whole seconds,
 * so only an offset beyond a second is believed); 0 without one.
 */
function clockOffset(headers: Headers | undefined, now: number): number | undefined {
  const date = headers?.get('date');
  const serverNow = date ? Date.parse(date) : Number.NaN;
  if (!Number.isFinite(serverNow)) return undefined;
  const offset = serverNow - now;
  return Math.abs(offset) > 1000 ? offset : 0;
}

/**
 * Paces requests on what the server says of its limit (Rocket.Chat: `X-RateLimit-Limit`,
 * `-Remaining`, `-Reset` on every answer of a limited endpoint, and a 429 saying how long to
 * wait). Sends as long as the window has calls left, then waits for the window to end: as fast as
 * the server allows and no faster. Without the headers (cross-origin without
 * `Access-Control-Expose-Headers`, a limiter turned off) it sends back to back and waits as each
 * 429 says.
 */
export function createRateLimitPacer() {
  const state: ObservedRateLimit = {};
  /** Smoothed time one request takes, for the estimate. */
  let latencyMs: number | undefined;
  /** Set while waiting after a 429 whose headers were not usable. */
  let blockedUntil: number | undefined;
  /** The server clock's lead over ours, as last measured. */
  let offset = 0;
  /** 429s in a row, without an answer in between. */
  let refusedInARow = 0;

  /** The longest wait believed: the observed window (or a minute) plus a margin. */
  const maxWait = () => Math.min(MAX_TIMER_MS, (state.windowMs ?? ASSUMED_WINDOW_MS) + WAIT_MARGIN_MS);
  /** A reset header on our clock, bounded by the longest wait believed; `undefined` when absurd. */
  function localReset(headers: Headers | undefined, now: number): number | undefined {
    const reset = resetMs(whole(headers?.get('x-ratelimit-reset')));
    if (reset === undefined) return undefined;
    offset = clockOffset(headers, now) ?? offset;
    const local = reset - offset;
    // Further than any window believed (a Reset 40 days ahead): not a window end at all. Without
    // it the pacer waits as each 429 says, which is bounded and right.
    if (local - now > MAX_WINDOW_MS) return undefined;
    return Math.min(local, now + maxWait());
  }

  return {
    get state(): ObservedRateLimit {
      return { ...state };
    },

    /** An answer arrived (any status but 429) after `tookMs`, with these headers (if any). */
    observe(headers: Headers | undefined, tookMs: number, now = Date.now()) {
      refusedInARow = 0;
      latencyMs = latencyMs === undefined ? tookMs : latencyMs * 0.8 + tookMs * 0.2;
      const limit = whole(headers?.get('x-ratelimit-limit'));
      // A negative count (a server or proxy off by some) means none left, not no limit.
      const rawRemaining = headers?.get('x-ratelimit-remaining')?.trim();
      const remaining = rawRemaining && /^-\d+$/.test(rawRemaining) ? 0 : whole(rawRemaining);
      const reset = localReset(headers, now);
      if (limit === undefined || remaining === undefined || reset === undefined) {
        // No figures (a proxy's page, an answer before the limiter): count the call as spent,
        // the safe side.
        if (state.remaining !== undefined) state.remaining = Math.max(0, state.remaining - 1);
        return;
      }
      if (state.resetAt !== undefined && reset > state.resetAt) {
        // A new window: the distance between two window ends is the window (plus any idle gap),
        // on the server's clock only, so clock skew does not enter.
        const distance = Math.min(MAX_WINDOW_MS, reset - state.resetAt);
        state.windowMs = state.windowMs === undefined ? distance : Math.min(state.windowMs, distance);
      } else if (state.windowMs === undefined && remaining === limit - 1 && reset > now) {
        // The first call of a window: it ends about one window from now.
        state.windowMs = Math.min(MAX_WINDOW_MS, reset - now);
      }
      Object.assign(state, { limit, remaining, resetAt: reset });
    },

    /** A 429 arrived: wait as the server says, then try again. */
    rateLimited(error: CloseRoomError, headers: Headers | undefined, now = Date.now()) {
      const limit = whole(headers?.get('x-ratelimit-limit'));
      const reset = localReset(headers, now);
      const said = error.retryAfterSeconds;
      if (limit !== undefined) state.limit = limit;
      state.remaining = 0;
      // The reset header is precise (ms) but on the server's clock; the message's wait is whole
      // seconds but needs no clock. Use the header when it agrees with the message.
      const headerWait = reset === undefined ? undefined : reset - now;
      const saidMs = said === undefined ? undefined : said * 1000;
      let wait: number;
      if (headerWait !== undefined && headerWait >= 0 && (saidMs === undefined || headerWait <= saidMs)) wait = headerWait;
      else wait = saidMs ?? 1000;
      refusedInARow += 1;
      const floor = Math.min(maxWait(), MIN_429_WAIT_MS * 2 ** Math.min(refusedInARow - 1, 30));
      wait = Math.min(MAX_TIMER_MS, Math.max(floor, wait));
      blockedUntil = now + wait;
      state.resetAt = reset ?? state.resetAt;
    },

    /** Milliseconds to wait before the next request may leave; 0 to send now. */
    waitMs(now = Date.now()): number {
      if (blockedUntil !== undefined) {
        if (now < blockedUntil) return Math.min(MAX_TIMER_MS, blockedUntil - now);
        blockedUntil = undefined;
        state.remaining = undefined;
      }
      if (state.remaining === 0 && state.resetAt !== undefined) {
        if (now < state.resetAt) return Math.min(maxWait(), state.resetAt - now);
        // The window is over: the next answer says how many calls the new one has.
        state.remaining = undefined;
      }
      return 0;
    },

    /** Estimated ms to send `left` more requests at the observed limit; `undefined` before any answer. */
    estimate(left: number, now = Date.now()): number | undefined {
      if (left <= 0) return 0;
      if (latencyMs === undefined) return undefined;
      const { limit, windowMs } = state;
      if (!limit || !windowMs) return left * latencyMs;
      const waiting = Math.max(0, (blockedUntil ?? 0) - now, state.remaining === 0 ? (state.resetAt ?? 0) - now : 0);
      const inThisWindow = waiting > 0 ? 0 : Math.min(left, state.remaining ?? limit);
      const after = left - inThisWindow;
      if (after === 0) return inThisWindow * latencyMs;
      const windows = Math.ceil(after / limit);
      const untilNextWindow = waiting > 0 ? waiting : Math.max(0, (state.resetAt ?? now) - now);
      const lastBatch = after - (windows - 1) * limit;
      return untilNextWindow + (windows - 1) * windowMs + lastBatch * latencyMs;
    },
  };
}

export type RateLimitPacer = ReturnType<typeof createRateLimitPacer>;
