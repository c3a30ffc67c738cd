/** Rocket.Chat's REST rate limiter: so many calls per window, per user and endpoint. */
export interface MockRateLimit {
  /** Calls allowed in one window (`API_Enable_Rate_Limiter_Limit_Calls_Default`). */
  calls: number;
  /** Length of the window, in ms (`API_Enable_Rate_Limiter_Limit_Time_Default`). */
  windowMs: number;
}

/** Rocket.Chat's defaults: 10 calls per 60 seconds (contract, "Rate limit"). */
export const ROCKET_CHAT_RATE_LIMIT: MockRateLimit = { calls: 10, windowMs: 60_000 };

export interface RateLimitVerdict {
  allowed: boolean;
  /** The `X-RateLimit-*` headers the server sends with the answer. */
  headers: Record<string, string>;
  /** Whole seconds until the window resets (the wait in a 429's message). */
  waitSeconds: number;
}

/**
 * A fixed window per key, as Rocket.Chat's limiter counts: the first call opens the window, the
 * window's calls are counted, and a call past the limit is refused until the window ends.
 */
export function createRateLimiter(now: () => number = Date.now) {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    take(key: string, limit: MockRateLimit): RateLimitVerdict {
      const time = now();
      let window = windows.get(key);
      if (!window || time >= window.startedAt + limit.windowMs) {
        window = { startedAt: time, count: 0 };
        windows.set(key, window);
      }
      const allowed = window.count < limit.calls;
      if (allowed) window.count += 1;
      const resetAt = window.startedAt + limit.windowMs;
      return {
        allowed,
        waitSeconds: Math.max(0, Math.ceil((resetAt - time) / 1000)),
        headers: {
          'X-RateLimit-Limit': String(limit.calls),
          'X-RateLimit-Remaining': String(Math.max(0, limit.calls - window.count)),
          'X-RateLimit-Reset': String(resetAt),
        },
      };
    },
    clear() {
      windows.clear();
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
