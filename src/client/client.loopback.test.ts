import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOmnichannelClient } from './client';
import { closeRoom } from './close-room';
import { CloseRoomError } from './errors';

// A real server on 127.0.0.1, because a body that stalls or breaks after the headers is what the
// body-reading path must face, and MSW answers with whole bodies only.
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections(); // the stalled response would otherwise keep close() waiting
      server.close(() => resolve());
    });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const credentials = { userId: 'agent-ana', authToken: 'loopback-token' };

async function closeError(baseUrl: string, timeoutMs: number, fetcher?: typeof fetch): Promise<CloseRoomError> {
  const error = await closeRoom(createOmnichannelClient({ baseUrl, credentials, timeoutMs, fetch: fetcher }), { rid: 'room-1', comment: 'x' }).then(
    () => {
      throw new Error('expected the close to fail');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CloseRoomError);
  return error as CloseRoomError;
}

describe('a 200 whose body does not arrive whole', () => {
  it('is a timeout when the body stalls after the headers', { timeout: 5_000 }, async () => {
    const baseUrl = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '16' });
      response.write('{"success":'); // then nothing, until the test closes the server
    });
    const started = performance.now();
    const error = await closeError(baseUrl, 300);
    const elapsed = performance.now() - started;
    expect(error.kind).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('is a network failure when the connection resets in the middle of the body', { timeout: 5_000 }, async () => {
    const baseUrl = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '16' });
      response.write('{"success":', () => setTimeout(() => response.socket?.destroy(), 20));
    });
    expect((await closeError(baseUrl, 2_000)).kind).toBe('network');
  });

  it('stays a server error when the body is complete but not JSON', { timeout: 5_000 }, async () => {
    const baseUrl = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<!DOCTYPE html><p>Welcome</p>');
    });
    expect((await closeError(baseUrl, 2_000)).kind).toBe('server');
  });
});

// An instrumentation or SSR wrapper that drops the abort signal, around the real fetch: the deadline
// must hold without the signal's help (found by the hostile review of #11).
const signalDropping: typeof fetch = (input, init) => fetch(input, { ...init, signal: undefined });

describe('a host fetch that ignores the abort signal', () => {
  it('still ends as a timeout when no answer comes', { timeout: 5_000 }, async () => {
    const baseUrl = await serve(() => {
      // never answers, until the test closes the server
    });
    const started = performance.now();
    expect((await closeError(baseUrl, 200, signalDropping)).kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('still ends as a timeout when the body stalls after the headers', { timeout: 5_000 }, async () => {
    const baseUrl = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '16' });
      response.write('{"success":');
    });
    const started = performance.now();
    expect((await closeError(baseUrl, 200, signalDropping)).kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
