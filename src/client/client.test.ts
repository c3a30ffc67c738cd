import { afterEach, describe, expect, it } from 'vitest';
import { setupRocketChatServer, testClient } from '../../test/helpers/node-server';
import { mockAgent } from '../testing';
import { MAX_TIMEOUT_MS, OmnichannelRequestError } from './client';
import type { OmnichannelCredentials } from './client';
import { closeRoom } from './close-room';
import { CloseRoomError } from './errors';

const { mock, server } = setupRocketChatServer();

// Every request MSW saw, whatever its path: "nothing left" must mean nothing at all.
const seen: string[] = [];
server.events.on('request:start', ({ request }) => seen.push(request.url));
afterEach(() => {
  seen.length = 0;
});

const agent: OmnichannelCredentials = { userId: mockAgent.userId, authToken: mockAgent.authToken };
const never = () => new Promise<OmnichannelCredentials>(() => undefined);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function reason(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the promise to reject');
    },
    (error: unknown) => error,
  );
}

describe('the timeout covers the whole attempt', () => {
  it('ends a credentials function that never settles as a timeout, without a request', { timeout: 3_000 }, async () => {
    const started = performance.now();
    const error = await reason(closeRoom(testClient({ credentials: never, timeoutMs: 100 }), { rid: 'room-1', comment: 'x' }));
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(CloseRoomError);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(elapsed).toBeGreaterThanOrEqual(90);
    expect(elapsed).toBeLessThan(1_000);
    expect(seen).toEqual([]);
  });

  it('rejects the client request with OmnichannelRequestError timeout', { timeout: 3_000 }, async () => {
    const error = await reason(testClient({ credentials: never, timeoutMs: 50 }).request({ method: 'GET', path: 'me' }));
    expect(error).toBeInstanceOf(OmnichannelRequestError);
    expect(error).toMatchObject({ kind: 'timeout' });
  });

  it('sends nothing when the credentials settle after the deadline', { timeout: 3_000 }, async () => {
    const late = () => sleep(150).then(() => agent);
    const error = await reason(closeRoom(testClient({ credentials: late, timeoutMs: 50 }), { rid: 'room-1', comment: 'x' }));
    expect(error).toMatchObject({ kind: 'timeout' });
    await sleep(250); // well past the moment the credentials arrive
    expect(seen).toEqual([]);
    expect(mock.closeRequests).toEqual([]);
  });

  it('sends nothing once the deadline has passed, even when a busy page runs the timer late', { timeout: 3_000 }, async () => {
    // The credentials come back after the deadline having held the thread: the timer that marks
    // the deadline has not run yet when the request would leave.
    const busy = () =>
      Promise.resolve().then(() => {
        const until = performance.now() + 80;
        while (performance.now() < until) {
          // the page is busy
        }
        return agent;
      });
    const error = await reason(closeRoom(testClient({ credentials: busy, timeoutMs: 30 }), { rid: 'room-1', comment: 'x' }));
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(seen).toEqual([]);
    expect(mock.closeRequests).toEqual([]);
  });

  it('counts the credentials wait and the answer against one deadline', { timeout: 3_000 }, async () => {
    // 80 ms for credentials plus 80 ms of latency: each fits in 120 ms, together they do not.
    mock.set({ delayMs: 80 });
    const slow = () => sleep(80).then(() => agent);
    const started = performance.now();
    const error = await reason(closeRoom(testClient({ credentials: slow, timeoutMs: 120 }), { rid: 'room-1', comment: 'x' }));
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("ends a pending credentials wait at once when the caller aborts, with the signal's reason", { timeout: 3_000 }, async () => {
    const controller = new AbortController();
    const pending = closeRoom(testClient({ credentials: never }), { rid: 'room-1', comment: 'x' }, { signal: controller.signal });
    const started = performance.now();
    const why = new DOMException('left the page', 'AbortError');
    setTimeout(() => controller.abort(why), 20);
    expect(await reason(pending)).toBe(why);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(seen).toEqual([]);
  });
});

describe('timeoutMs', () => {
  it.each([
    ['0', 0],
    ['a negative value', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['2^31, where timers overflow', 2 ** 31],
    ['a value just above the maximum', MAX_TIMEOUT_MS + 0.5],
    ['a string', '15000'],
    ['null', null],
    ['a fraction below 1', 0.5],
  ])('refuses %s when the client is created, naming it and the accepted range', (_name, timeoutMs) => {
    let error: unknown;
    try {
      testClient({ timeoutMs: timeoutMs as number });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(RangeError);
    const { message } = error as RangeError;
    expect(message).toContain('timeoutMs');
    expect(message).toContain('from 1 to 2147483647');
    expect(message).toContain(`got ${typeof timeoutMs === 'string' ? `the string "${timeoutMs}"` : String(timeoutMs)}`);
    expect(seen).toEqual([]);
  });

  it('accepts 1 and MAX_TIMEOUT_MS, and a close with the maximum succeeds', async () => {
    expect(MAX_TIMEOUT_MS).toBe(2_147_483_647);
    expect(testClient({ timeoutMs: 1 }).timeoutMs).toBe(1);
    const client = testClient({ timeoutMs: MAX_TIMEOUT_MS });
    expect(client.timeoutMs).toBe(MAX_TIMEOUT_MS);
    await expect(closeRoom(client, { rid: 'room-1', comment: 'x' })).resolves.toBeUndefined();
  });

  it('defaults to 15000 when left out', () => {
    expect(testClient().timeoutMs).toBe(15_000);
  });
});

describe('baseUrl with a user name or password', () => {
  it.each(['https://ana:s3cret@chat.example.com', 'https://ana:s3cret@chat.example.com/chat/', 'https://ana@chat.example.com'])(
    'refuses %s, pointing to credentials, without repeating the userinfo',
    (baseUrl) => {
      expect(() => testClient({ baseUrl })).toThrow(TypeError);
      expect(() => testClient({ baseUrl })).toThrow(/credentials option/);
      expect(() => testClient({ baseUrl })).toThrow(/"https:\/\/\*\*\*@chat\.example\.com/);
      expect(() => testClient({ baseUrl })).not.toThrow(/s3cret|\bana\b/);
    },
  );

  it.each([
    'ftp://ana:s3cret@chat.example.com',
    'ana:s3cret@chat.example.com',
    'https://ana:s3cret@',
    'https://ana:s3/cret@chat.example.com',
    'https://ana:s3cret@chat.example.com:99999',
  ])('never echoes the password of %s in the absolute-URL message', (baseUrl) => {
    expect(() => testClient({ baseUrl })).toThrow(/absolute http\(s\) URL/);
    expect(() => testClient({ baseUrl })).not.toThrow(/s3|cret|\bana\b/);
  });
});
