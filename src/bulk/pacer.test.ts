import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { manyMockRooms, toBulkRooms } from '../../test/helpers/bulk';
import { BASE_URL, setupRocketChatServer, testClient } from '../../test/helpers/node-server';
import { closeRooms } from './close-rooms';

const rooms = manyMockRooms(6);
const { server } = setupRocketChatServer({ rooms, closeDurationMs: 0 });
const WINDOW_MS = 400;
const LIMIT = 2;

/**
 * A close endpoint with a true limit of LIMIT calls a WINDOW_MS window, whose headers lie as
 * `lie` says: what it does to the reset value and to the `Date` header.
 */
function lyingServer(lie: { reset: (trueReset: number) => number; clockMs?: number }) {
  const counts = { ok: 0, refused: 0 };
  let windowEnd = 0;
  let used = 0;
  server.use(
    http.post(`${BASE_URL}/api/v1/livechat/room.closeByUser`, () => {
      const now = Date.now();
      if (now >= windowEnd) {
        windowEnd = now + WINDOW_MS;
        used = 0;
      }
      const headers: Record<string, string> = { 'X-RateLimit-Limit': String(LIMIT), 'X-RateLimit-Reset': String(lie.reset(windowEnd)) };
      if (lie.clockMs !== undefined) headers.Date = new Date(now + lie.clockMs).toUTCString();
      if (used >= LIMIT) {
        counts.refused += 1;
        const seconds = Math.ceil((windowEnd - now) / 1000);
        return HttpResponse.json(
          { success: false, error: `Error, too many requests. Please slow down. You must wait ${seconds} seconds before trying this endpoint again. [error-too-many-requests]` },
          { status: 429, headers: { ...headers, 'X-RateLimit-Remaining': '0' } },
        );
      }
      used += 1;
      counts.ok += 1;
      return HttpResponse.json({ success: true }, { headers: { ...headers, 'X-RateLimit-Remaining': String(LIMIT - used) } });
    }),
  );
  return counts;
}

async function run() {
  const started = Date.now();
  const result = await closeRooms(testClient(), toBulkRooms(rooms), { comment: 'Done' });
  return { result, took: Date.now() - started };
}

// 6 rooms at 2 a window: 3 windows, two waits of about one window.
describe('the pacer, when the rate-limit headers lie', () => {
  it('a Reset 40 days ahead: waits about a window, not 40 days and not at once', async () => {
    const counts = lyingServer({ reset: (reset) => reset + 40 * 86_400_000 });
    const { result, took } = await run();
    expect(result.counts.closed).toBe(6);
    expect(took).toBeLessThan(6000);
    expect(counts.refused).toBeLessThanOrEqual(2);
  }, 15_000);

  it('a server clock 30 s ahead (its Date says so): waits one window, not 30 s', async () => {
    const counts = lyingServer({ reset: (reset) => reset + 30_000, clockMs: 30_000 });
    const { result, took } = await run();
    expect(result.counts.closed).toBe(6);
    expect(took).toBeLessThan(3 * WINDOW_MS + 1500);
    expect(counts.refused).toBe(0);
  }, 15_000);

  it('a server clock 30 s behind (its Date says so): waits for the window rather than sending into a 429', async () => {
    const counts = lyingServer({ reset: (reset) => reset - 30_000, clockMs: -30_000 });
    const { result } = await run();
    expect(result.counts.closed).toBe(6);
    expect(counts.refused).toBe(0);
    expect(result.rateLimited.total).toBe(0);
  }, 15_000);

  it('a Reset in epoch seconds: read as seconds, no 429 per window', async () => {
    const counts = lyingServer({ reset: (reset) => Math.ceil(reset / 1000) });
    const { result, took } = await run();
    expect(result.counts.closed).toBe(6);
    expect(counts.refused).toBe(0);
    expect(took).toBeLessThan(6000);
  }, 15_000);

  it('a 429 that always says "wait 0 seconds": the waits double, so the server is not asked ten times a second', async () => {
    let refused = 0;
    server.use(
      http.post(`${BASE_URL}/api/v1/livechat/room.closeByUser`, () => {
        refused += 1;
        return HttpResponse.json(
          { success: false, error: 'Error, too many requests. Please slow down. You must wait 0 seconds before trying this endpoint again. [error-too-many-requests]' },
          { status: 429 },
        );
      }),
    );
    const controller = new AbortController();
    const done = closeRooms(testClient(), toBulkRooms(rooms), { comment: 'Done' }, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    controller.abort();
    const result = await done;
    // 100 + 200 + 400 + 800 + 1600 ms: 5 or 6 requests in 3 s (a fixed 100 ms wait made 30).
    expect(refused).toBeGreaterThanOrEqual(4);
    expect(refused).toBeLessThanOrEqual(6);
    expect(result.counts.closed).toBe(0);
  }, 15_000);
});
