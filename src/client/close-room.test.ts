import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { BASE_URL, testClient, setupRocketChatServer } from '../../test/helpers/node-server';
import { mockAgentOwnRoomsOnly, mockAgentWithoutPermission } from '../testing';
import { closeRoom, isForceCloseUnsupported } from './close-room';
import type { CloseRoomRequest } from './close-room';
import { CloseRoomError, errorFromResponse, isCloseRoomError } from './errors';
import type { CloseRoomErrorKind } from './errors';

const { mock, server } = setupRocketChatServer();

async function rejection(promise: Promise<unknown>): Promise<CloseRoomError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the promise to reject');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CloseRoomError);
  return error as CloseRoomError;
}

describe('closeRoom against the mock Rocket.Chat', () => {
  it('closes an open room and sends exactly the body it was given', async () => {
    const request: CloseRoomRequest = {
      rid: 'room-1',
      comment: 'Solved',
      tags: ['billing'],
      generateTranscriptPdf: true,
      transcriptEmail: { sendToVisitor: true, requestData: { email: 'maria.silva@example.com', subject: 'Your chat' } },
    };
    await expect(closeRoom(testClient(), request)).resolves.toBeUndefined();
    expect(mock.rooms.get('room-1')).toMatchObject({ open: false, closeComment: 'Solved', tags: ['billing'] });
    expect(mock.closeRequests).toEqual([{ userId: 'agent-ana', body: request }]);
  });

  it('merges the department closing tags, as the server does', async () => {
    await closeRoom(testClient(), { rid: 'room-2', comment: 'Quote sent', tags: ['quote'] });
    expect(mock.rooms.get('room-2')?.tags).toEqual(['quote', 'sales']);
  });

  it('drops properties the server schema would reject', async () => {
    const request = { rid: 'room-1', comment: 'x', extra: 'nope' } as CloseRoomRequest;
    await closeRoom(testClient(), request);
    expect(mock.closeRequests[0]?.body).toEqual({ rid: 'room-1', comment: 'x' });
  });

  describe('maps every row of the contract response table to one kind', () => {
    const cases: {
      name: string;
      kind: CloseRoomErrorKind;
      status?: number;
      serverError?: string;
      request?: CloseRoomRequest;
      client?: Parameters<typeof testClient>[0];
      setup?: () => void;
    }[] = [
      {
        name: 'bad credentials (current servers)',
        kind: 'unauthorized',
        status: 401,
        serverError: 'You must be logged in to do this.',
        client: { credentials: { userId: 'agent-ana', authToken: 'stale-token-7f3a' } },
      },
      {
        name: 'bad credentials (older servers: status and message only)',
        kind: 'unauthorized',
        status: 401,
        serverError: 'You must be logged in to do this.',
        client: { credentials: { userId: 'nobody', authToken: 'stale-token-7f3a' } },
        setup: () => mock.set({ unauthorizedShape: 'legacy' }),
      },
      {
        name: 'a body the schema rejects',
        kind: 'invalid-params',
        status: 400,
        serverError: 'must be string [invalid-params]',
        request: { rid: 'room-1', comment: 'x', tags: ['ok', 42 as unknown as string] },
      },
      {
        name: "missing the 'close-livechat-room' permission",
        kind: 'forbidden',
        status: 403,
        serverError: 'User does not have the permissions required for this action [error-unauthorized]',
        client: { credentials: { userId: mockAgentWithoutPermission.userId, authToken: mockAgentWithoutPermission.authToken } },
      },
      { name: 'an unknown room', kind: 'room-not-found', status: 400, serverError: 'error-invalid-room', request: { rid: 'no-such-room', comment: 'x' } },
      {
        name: "someone else's room without 'close-others-livechat-room'",
        kind: 'not-serving',
        status: 400,
        serverError: 'error-not-authorized',
        client: { credentials: { userId: mockAgentOwnRoomsOnly.userId, authToken: mockAgentOwnRoomsOnly.authToken } },
      },
      { name: 'a room already closed', kind: 'already-closed', status: 400, serverError: 'error-room-already-closed', request: { rid: 'room-closed', comment: 'x' } },
      { name: 'a whitespace-only comment where one is required', kind: 'comment-required', status: 400, serverError: 'error-comment-is-required', request: { rid: 'room-1', comment: '   ' } },
      {
        name: 'no tags in a department that requires them',
        kind: 'tags-required',
        status: 400,
        serverError: 'error-tags-must-be-assigned-before-closing-chat',
        request: { rid: 'room-2', comment: 'x', tags: [] },
      },
      { name: 'a conflict while closing', kind: 'conflict', status: 400, serverError: 'error-room-cannot-be-closed-try-again', setup: () => mock.set({ failure: 'conflict' }) },
      { name: 'a rate limit', kind: 'rate-limited', status: 429, setup: () => mock.set({ failure: 'rate-limited' }) },
      { name: 'a 500 with JSON', kind: 'server', status: 500, serverError: 'Internal server error', setup: () => mock.set({ failure: 'server-error' }) },
      { name: "a proxy's 502 HTML page", kind: 'server', status: 502, serverError: undefined, setup: () => mock.set({ failure: 'bad-gateway-html' }) },
      { name: "a proxy's 503 HTML page", kind: 'server', status: 503, serverError: undefined, setup: () => mock.set({ failure: 'unavailable-html' }) },
      { name: 'a 200 whose body is not JSON', kind: 'server', status: 200, setup: () => mock.set({ failure: 'non-json-success' }) },
      { name: 'a 200 with truncated JSON', kind: 'server', status: 200, setup: () => mock.set({ failure: 'truncated-json' }) },
      { name: 'the network failing', kind: 'network', status: undefined, setup: () => mock.set({ failure: 'network' }) },
      { name: 'no answer within timeoutMs', kind: 'timeout', status: undefined, client: { timeoutMs: 30 }, setup: () => mock.set({ failure: 'hang' }) },
    ];

    it.each(cases)('$name -> $kind', async ({ kind, status, serverError, request, client, setup }) => {
      setup?.();
      const error = await rejection(closeRoom(testClient(client), request ?? { rid: 'room-1', comment: 'Done' }));
      expect(error.kind).toBe(kind);
      expect(error.status).toBe(status);
      if (serverError !== undefined) expect(error.serverError).toBe(serverError);
      expect(error.message).not.toMatch(/mock-token|stale-token/);
    });
  });

  it('answers already-closed when the same room is closed twice', async () => {
    const client = testClient();
    await closeRoom(client, { rid: 'room-4', comment: 'Done' });
    expect((await rejection(closeRoom(client, { rid: 'room-4', comment: 'Done' }))).kind).toBe('already-closed');
  });

  it('reads the wait time of a rate limit from the server message', async () => {
    mock.set({ failure: 'rate-limited', rateLimitSeconds: 37 });
    const error = await rejection(closeRoom(testClient(), { rid: 'room-1', comment: 'x' }));
    expect(error.retryAfterSeconds).toBe(37);
  });

  it('maps both answers a loser of simultaneous closes gets to conflict', () => {
    for (const error of ['error-room-cannot-be-closed-try-again', 'Error removing inquiry']) {
      expect(errorFromResponse(400, { success: false, error }, new Headers()).kind).toBe('conflict');
    }
  });

  it('maps the race-time error-room-closed to already-closed', () => {
    const error = errorFromResponse(400, { success: false, error: 'error-room-closed' }, new Headers());
    expect(error.kind).toBe('already-closed');
  });

  it('falls back to X-RateLimit-Reset when the message has no wait time', () => {
    const now = 1_000_000;
    const error = errorFromResponse(429, { success: false, error: 'slow down' }, new Headers({ 'X-RateLimit-Reset': String(now + 4_200) }), now);
    expect(error.retryAfterSeconds).toBe(5);
  });

  it('maps an unrecognised 400, such as the raw JavaScript error, to unknown', () => {
    const error = errorFromResponse(400, { success: false, error: "Cannot read properties of undefined (reading 'email')" }, new Headers());
    expect(error.kind).toBe('unknown');
  });
});

describe('closeRoom before any request leaves', () => {
  it.each([
    ['an empty rid', { rid: '' }],
    ['a whitespace rid', { rid: '   ' }],
    ['sendToVisitor without requestData', { rid: 'room-1', transcriptEmail: { sendToVisitor: true } as unknown as CloseRoomRequest['transcriptEmail'] }],
    ['a requestData without subject', { rid: 'room-1', transcriptEmail: { sendToVisitor: true, requestData: { email: 'a@b.co', subject: '' } } }],
  ] as [string, CloseRoomRequest][])('refuses %s as invalid-params', async (_name, request) => {
    const error = await rejection(closeRoom(testClient(), request));
    expect(error.kind).toBe('invalid-params');
    expect(mock.closeRequests).toHaveLength(0);
  });

  it('turns a credentials function that throws into unauthorized, without a request', async () => {
    const client = testClient({
      credentials: () => {
        throw new Error('token store locked');
      },
    });
    const error = await rejection(closeRoom(client, { rid: 'room-1', comment: 'x' }));
    expect(error.kind).toBe('unauthorized');
    expect(mock.closeRequests).toHaveLength(0);
  });

  it('turns a credentials function that rejects into unauthorized', async () => {
    const client = testClient({ credentials: () => Promise.reject(new Error('refresh failed')) });
    expect((await rejection(closeRoom(client, { rid: 'room-1', comment: 'x' }))).kind).toBe('unauthorized');
  });

  it('rejects with the signal reason when aborted', async () => {
    mock.set({ delayMs: 200 });
    const controller = new AbortController();
    const pending = closeRoom(testClient(), { rid: 'room-1', comment: 'x' }, { signal: controller.signal });
    controller.abort(new DOMException('left the page', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'left the page' });
  });
});

describe('createOmnichannelClient', () => {
  it('calls the credentials function for every request, so tokens can rotate', async () => {
    const tokens = ['mock-token-ana', 'rotated-and-invalid'];
    let calls = 0;
    const client = testClient({ credentials: () => ({ userId: 'agent-ana', authToken: tokens[calls++] ?? '' }) });
    await closeRoom(client, { rid: 'room-1', comment: 'x' });
    expect((await rejection(closeRoom(client, { rid: 'room-4', comment: 'x' }))).kind).toBe('unauthorized');
    expect(calls).toBe(2);
  });

  it.each([`${BASE_URL}/`, BASE_URL, `${BASE_URL}//`])('accepts the base URL %s', async (baseUrl) => {
    const seen: string[] = [];
    server.events.on('request:start', ({ request }) => seen.push(request.url));
    await closeRoom(testClient({ baseUrl }), { rid: 'room-1', comment: 'x' });
    server.events.removeAllListeners();
    expect(seen).toEqual([`${BASE_URL}/api/v1/livechat/room.closeByUser`]);
  });

  it('keeps a path prefix of the base URL', async () => {
    const client = testClient({ baseUrl: 'https://example.org/chat' });
    const urls: string[] = [];
    server.use(
      http.post('https://example.org/chat/api/v1/livechat/room.closeByUser', ({ request }) => {
        urls.push(request.url);
        return HttpResponse.json({ success: true });
      }),
    );
    await closeRoom(client, { rid: 'room-1' });
    expect(urls).toEqual(['https://example.org/chat/api/v1/livechat/room.closeByUser']);
  });

  it('refuses a base URL that is not absolute http(s)', () => {
    expect(() => testClient({ baseUrl: 'chat.example.com' })).toThrow(/absolute http\(s\) URL/);
    expect(() => testClient({ baseUrl: 'ftp://chat.example.com' })).toThrow(/absolute http\(s\) URL/);
  });

  it('never follows a redirect, so the token never reaches another origin', async () => {
    const elsewhere: Request[] = [];
    server.use(
      http.post(`${BASE_URL}/api/v1/livechat/room.closeByUser`, () =>
        HttpResponse.text('', { status: 307, headers: { Location: 'https://attacker.example/steal' } }),
      ),
      http.all('https://attacker.example/*', ({ request }) => {
        elsewhere.push(request);
        return HttpResponse.json({ success: true });
      }),
    );
    const error = await rejection(closeRoom(testClient(), { rid: 'room-1', comment: 'x' }));
    expect(error.kind).toBe('server');
    expect(elsewhere).toHaveLength(0);
  });

  it('never sends credentials outside baseUrl, whatever path it is given', async () => {
    const client = testClient();
    await expect(client.request({ method: 'GET', path: 'https://attacker.example/x' })).rejects.toThrow(TypeError);
    await expect(client.request({ method: 'GET', path: '../../../../x' })).rejects.toThrow(/leaves/);
  });
});

describe('the wait of a rate limit', () => {
  const now = Date.parse('2015-10-21T07:00:00Z');
  const wait = (error: string, headers: Record<string, string> = {}) =>
    errorFromResponse(429, { success: false, error }, new Headers(headers), now).retryAfterSeconds;
  const rocketChat = (seconds: string) =>
    `Error, too many requests. Please slow down. You must wait ${seconds} before trying this endpoint again. [error-too-many-requests]`;

  it.each([
    ['0 seconds', 0],
    ['1 second', 1],
    ['1 second(s)', 1],
    ['12 seconds', 12],
    ['3600 seconds', 3_600],
    ['86400 seconds', 86_400],
  ])('reads "wait %s" in the message as %i', (text, seconds) => {
    expect(wait(rocketChat(text))).toBe(seconds);
  });

  it.each([
    ['0', 0],
    ['120', 120],
    ['86400', 86_400],
    ['Wed, 21 Oct 2015 07:28:00 GMT', 28 * 60],
    ['Wed, 21 Oct 2015 07:00:00 GMT', 0],
    ['Wed, 21 Oct 2015 06:00:00 GMT', 0],
    ['Wednesday, 21-Oct-15 07:00:01 GMT', 1],
    ['Wed Oct 21 07:00:30 2015', 30],
  ])('reads Retry-After: %s as %i', (header, seconds) => {
    expect(wait('slow down', { 'Retry-After': header })).toBe(seconds);
  });

  it('rounds a Retry-After date up to whole seconds', () => {
    const error = errorFromResponse(429, {}, new Headers({ 'Retry-After': 'Wed, 21 Oct 2015 07:00:02 GMT' }), now + 500);
    expect(error.retryAfterSeconds).toBe(2);
  });

  it.each(['soon', '-5', '1.5', '12abc', 'Wed, 32 Oct 2015 07:28:00 GMT', 'tomorrow 12:00', ''])('ignores the garbage Retry-After %j', (header) => {
    expect(wait('slow down', { 'Retry-After': header })).toBeUndefined();
    expect(wait('slow down', { 'Retry-After': header, 'X-RateLimit-Reset': String(now + 9_000) })).toBe(9);
  });

  it('ignores a garbage X-RateLimit-Reset', () => {
    expect(wait('slow down', { 'X-RateLimit-Reset': 'later' })).toBeUndefined();
  });

  it('prefers the message, then Retry-After, then X-RateLimit-Reset', () => {
    const headers = { 'Retry-After': '0', 'X-RateLimit-Reset': String(now + 60_000) };
    expect(wait(rocketChat('0 seconds'), { ...headers, 'Retry-After': '30' })).toBe(0);
    expect(wait('slow down', headers)).toBe(0);
    expect(wait('slow down', { 'X-RateLimit-Reset': headers['X-RateLimit-Reset'] })).toBe(60);
  });

  it("is narrowed by isCloseRoomError(e, 'rate-limited')", async () => {
    mock.set({ failure: 'rate-limited', rateLimitSeconds: 0 });
    const error: unknown = await closeRoom(testClient(), { rid: 'room-1', comment: 'x' }).catch((reason: unknown) => reason);
    expect(isCloseRoomError(error, 'rate-limited')).toBe(true);
    expect(isCloseRoomError(error, 'timeout')).toBe(false);
    if (isCloseRoomError(error, 'rate-limited')) expect(error.retryAfterSeconds).toBe(0);
  });
});

describe('closeRoom refuses mail-header injection in the transcript e-mail', () => {
  it.each([
    ['subject', 'CRLF', 'Your chat\r\nBcc: victim@example.org'],
    ['subject', 'LF', 'Your chat\nBcc: victim@example.org'],
    ['subject', 'CR', 'Your chat\r'],
    ['subject', 'NUL', 'Your\u0000chat'],
    ['subject', 'TAB', 'Your\tchat'],
    ['subject', 'NEL (U+0085)', 'Your\u0085chat'],
    ['subject', 'U+2028', 'Your\u2028chat'],
    ['subject', 'U+2029', 'Your\u2029chat'],
    ['email', 'CRLF', 'maria.silva@example.com\r\nBcc: victim@example.org'],
    ['email', 'DEL', 'maria.silva@example.com\u007f'],
  ] as const)('refuses requestData.%s with %s as invalid-params, before sending', async (field, _what, value) => {
    const requestData = { email: 'maria.silva@example.com', subject: 'Your chat', [field]: value };
    const seen: string[] = [];
    server.events.on('request:start', ({ request }) => seen.push(request.url));
    const error = await rejection(closeRoom(testClient(), { rid: 'room-1', comment: 'x', transcriptEmail: { sendToVisitor: true, requestData } }));
    server.events.removeAllListeners();
    expect(error.kind).toBe('invalid-params');
    expect(error.message).toBe(`closeRoom: transcriptEmail.requestData.${field} must not contain line breaks or control characters`);
    expect(seen).toEqual([]);
    expect(mock.closeRequests).toHaveLength(0);
  });

  it('still sends a subject with ordinary punctuation and non-Latin letters', async () => {
    const requestData = { email: 'maria.silva@example.com', subject: 'Transcrição: “Olá” — 会话记录' };
    await closeRoom(testClient(), { rid: 'room-1', comment: 'x', transcriptEmail: { sendToVisitor: true, requestData } });
    expect(mock.closeRequests).toHaveLength(1);
  });
});

describe('closeRoom with forceClose (Rocket.Chat 7.3+)', () => {
  it('sends forceClose only when it is true', async () => {
    await closeRoom(testClient(), { rid: 'room-1', comment: 'x', forceClose: false });
    expect(mock.closeRequests[0]?.body).toEqual({ rid: 'room-1', comment: 'x' });
  });

  it('closes a room recorded closed when the server allows force closing', async () => {
    mock.set({ allowForceClose: true });
    await expect(closeRoom(testClient(), { rid: 'room-closed', comment: 'x', forceClose: true })).resolves.toBeUndefined();
    expect(mock.closeRequests[0]?.body).toEqual({ rid: 'room-closed', comment: 'x', forceClose: true });
  });

  it('still answers already-closed when the setting is off', async () => {
    const error = await rejection(closeRoom(testClient(), { rid: 'room-closed', comment: 'x', forceClose: true }));
    expect(error.kind).toBe('already-closed');
  });

  it('tells a server before 7.3 refusing the unknown property apart from other bad bodies', async () => {
    mock.set({ version: '7.2.0', allowForceClose: true });
    const request = { rid: 'room-closed', comment: 'x', forceClose: true };
    const error = await rejection(closeRoom(testClient(), request));
    expect(error.kind).toBe('invalid-params');
    expect(isForceCloseUnsupported(request, error)).toBe(true);
    expect(isForceCloseUnsupported({ rid: 'room-closed' }, error)).toBe(false);
  });
});

describe('closeRoom checks the transcript address, which the server does not', () => {
  it.each([['a@b.co,c@d.e'], ['a\u202E@b.co'], ['no-at-sign.example.com'], ['x@example']])('refuses %j before sending', async (email) => {
    const error = await rejection(closeRoom(testClient(), { rid: 'room-1', comment: 'x', transcriptEmail: { sendToVisitor: true, requestData: { email, subject: 'Hi' } } }));
    expect(error.kind).toBe('invalid-params');
    expect(error.message).toBe('closeRoom: transcriptEmail.requestData.email must be a valid e-mail address');
    expect(mock.closeRequests).toHaveLength(0);
  });
});
