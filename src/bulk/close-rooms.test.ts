import { describe, expect, it } from 'vitest';
import { manyMockRooms, memoryStorage, toBulkRooms, until } from '../../test/helpers/bulk';
import { setupRocketChatServer, testClient } from '../../test/helpers/node-server';
import { createMockRooms, mockAgentOwnRoomsOnly } from '../testing';
import { checkCloseRooms, readCloseRoomsFacts } from './checks';
import { closeRooms } from './close-rooms';
import { createCloseRoomsJob, restoreCloseRoomsJob } from './close-rooms-job';

const bulk = manyMockRooms(30);
const { mock } = setupRocketChatServer({ rooms: [...createMockRooms(), ...bulk], closeDurationMs: 0 });
const wrapUp = { comment: 'Abandoned', tags: ['stale'] };
const postsFor = (rid: string) => mock.closeRequests.filter((request) => (request.body as { rid?: string }).rid === rid).length;

describe('closeRooms', () => {
  it('applies one wrap-up to every room, the transcript to each visitor’s own address, and keeps every answer by room', async () => {
    const rooms = toBulkRooms(createMockRooms());
    const result = await closeRooms(testClient(), rooms, { ...wrapUp, transcriptEmail: { subject: 'Your chat' } });
    const byRid = Object.fromEntries(result.rooms.map((room) => [room.rid, room]));
    expect(byRid['room-1']).toMatchObject({ status: 'closed', transcriptSent: true, posts: 1 });
    expect(byRid['room-3']).toMatchObject({ status: 'closed', transcriptSent: false });
    expect(byRid['room-closed']).toMatchObject({ status: 'already-closed' });
    expect(byRid['room-legal']).toMatchObject({ status: 'failed', error: 'tags-required' });
    expect(mock.rooms.get('room-1')?.transcriptRequest).toEqual({ email: 'maria.silva@example.com', subject: 'Your chat' });
    expect(mock.rooms.get('room-4')?.transcriptRequest).toEqual({ email: 'kenji@example.jp', subject: 'Your chat' });
    // No e-mail known: no transcript field at all, so nothing the visitor asked for is cancelled.
    expect(mock.closeRequests.find((request) => (request.body as { rid: string }).rid === 'room-3')?.body).toEqual({ rid: 'room-3', comment: 'Abandoned', tags: ['stale'] });
    expect(result.phase).toBe('done');
    expect(result.counts).toMatchObject({ closed: 5, 'already-closed': 1, failed: 1 });
  });

  it('paces itself on the X-RateLimit headers: the whole allowance, not one 429', async () => {
    mock.set({ rateLimit: { calls: 4, windowMs: 300 } });
    const started = Date.now();
    const result = await closeRooms(testClient(), toBulkRooms(bulk.slice(0, 13)), wrapUp);
    const took = Date.now() - started;
    expect(result.counts.closed).toBe(13);
    expect(result.rateLimited).toEqual({ total: 0, afterFirstWindow: 0 });
    // 13 rooms at 4 a window need 4 windows: three full waits, no more.
    expect(took).toBeGreaterThanOrEqual(3 * 300 - 20);
    expect(took).toBeLessThan(4 * 300 + 400);
    expect(result.rateLimit).toMatchObject({ limit: 4 });
    expect(result.rateLimit.windowMs).toBeGreaterThanOrEqual(290);
  });

  it('waits out a 429 caused elsewhere (another tab spent the window) and then sends no faster than allowed', async () => {
    mock.set({ rateLimit: { calls: 3, windowMs: 400 } });
    const client = testClient();
    // Another tab of the same agent uses the whole window.
    for (let index = 0; index < 3; index += 1) await client.request({ method: 'POST', path: 'livechat/room.closeByUser', body: { rid: 'room-closed' } });
    const result = await closeRooms(client, toBulkRooms(bulk.slice(0, 7)), wrapUp);
    expect(result.counts.closed).toBe(7);
    expect(result.rateLimited).toEqual({ total: 1, afterFirstWindow: 0 });
    for (const room of bulk.slice(0, 7)) expect(postsFor(room._id)).toBe(2 - Number(room._id !== 'bulk-0001'));
  });

  it('pauses on a 401, asks to sign in again, then resumes without losing or repeating a room', async () => {
    let token = 'mock-token-ana';
    const client = testClient({ credentials: () => ({ userId: 'agent-ana', authToken: token }) });
    let asked = 0;
    const rooms = toBulkRooms(bulk.slice(0, 6));
    const result = await closeRooms(client, rooms, wrapUp, {
      onProgress: (snapshot) => {
        if (snapshot.finished === 2 && token === 'mock-token-ana' && asked === 0) token = 'expired';
      },
      onUnauthorized: () => {
        asked += 1;
        token = 'mock-token-ana';
      },
    });
    expect(asked).toBe(1);
    expect(result.counts.closed).toBe(6);
    const effective = mock.closeRequests.filter((request) => request.userId === 'agent-ana');
    expect(new Set(effective.map((request) => (request.body as { rid: string }).rid)).size).toBe(6);
  });

  it('a sign-in that does not help (the server still answers 401) ends in cancelled rooms, not a loop of posts', async () => {
    const client = testClient({ credentials: { userId: 'agent-ana', authToken: 'expired' } });
    let asked = 0;
    const result = await closeRooms(client, toBulkRooms(bulk.slice(0, 2)), wrapUp, { onUnauthorized: () => (asked += 1) });
    expect(asked).toBe(3);
    expect(result.counts).toMatchObject({ cancelled: 2, closed: 0 });
    expect(mock.closeRequests.length).toBeLessThanOrEqual(4);
  });

  it('keeps a 500 on some rooms as `server`, and retry() closes them once they answer again', async () => {
    mock.set({ roomFailures: { 'bulk-0002': 'server-error', 'bulk-0004': 'bad-gateway-html' } });
    const job = createCloseRoomsJob(testClient(), toBulkRooms(bulk.slice(0, 5)), wrapUp, { storage: null, storageKey: 'test-500' });
    job.start();
    await until(() => job.getSnapshot().phase === 'done');
    expect(job.getSnapshot().counts).toMatchObject({ closed: 3, failed: 2 });
    expect(job.getSnapshot().rooms.filter((room) => room.status === 'failed').map((room) => room.error)).toEqual(['server', 'server']);
    mock.set({ roomFailures: {} });
    job.retry();
    await until(() => job.getSnapshot().phase === 'done');
    expect(job.getSnapshot()).toMatchObject({ attempt: 2, counts: { closed: 5, failed: 0 } });
    expect(postsFor('bulk-0001')).toBe(1);
    expect(postsFor('bulk-0002')).toBe(2);
    job.discard();
  });

  it('pauses after three network failures in a row rather than failing every room', async () => {
    mock.set({ failure: 'network' });
    const job = createCloseRoomsJob(testClient(), toBulkRooms(bulk.slice(0, 8)), wrapUp, { storage: null, storageKey: 'test-network' });
    job.start();
    await until(() => job.getSnapshot().phase === 'paused');
    expect(job.getSnapshot()).toMatchObject({ pauseReason: 'network', counts: { failed: 3, queued: 5 } });
    mock.set({ failure: 'none' });
    job.resume();
    await until(() => job.getSnapshot().phase === 'done');
    expect(job.getSnapshot().counts).toMatchObject({ closed: 5, failed: 3 });
    job.retry();
    await until(() => job.getSnapshot().phase === 'done');
    expect(job.getSnapshot().counts).toMatchObject({ closed: 8, failed: 0 });
    job.discard();
  });

  it('cancel: the request in flight finishes and is reported, nothing new leaves', async () => {
    mock.set({ delayMs: 40 });
    const job = createCloseRoomsJob(testClient(), toBulkRooms(bulk.slice(0, 6)), wrapUp, { storage: null, storageKey: 'test-cancel' });
    job.start();
    await until(() => job.getSnapshot().finished === 2 && job.getSnapshot().current !== undefined);
    job.cancel();
    expect(job.getSnapshot().phase).toBe('cancelling');
    await until(() => job.getSnapshot().phase === 'done');
    expect(job.getSnapshot().counts).toMatchObject({ closed: 3, cancelled: 3 });
    const sent = mock.closeRequests.length;
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(mock.closeRequests.length).toBe(sent);
    job.discard();
  });

  it('pause and resume while a request is in flight keep one request at a time', async () => {
    mock.set({ delayMs: 30 });
    let inFlight = 0;
    let most = 0;
    const base = testClient();
    const client = { ...base, request: async (request: Parameters<typeof base.request>[0]) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await base.request(request);
      } finally {
        inFlight -= 1;
      }
    } };
    const job = createCloseRoomsJob(client, toBulkRooms(bulk.slice(0, 4)), wrapUp, { storage: null, storageKey: 'test-pause-resume' });
    job.start();
    await until(() => job.getSnapshot().current !== undefined);
    job.pause();
    expect(job.getSnapshot().phase).toBe('pausing');
    job.resume();
    await until(() => job.getSnapshot().phase === 'done');
    expect(most).toBe(1);
    expect(job.getSnapshot().counts.closed).toBe(4);
    job.discard();
  });

  it('survives a reload: the saved job is offered paused, what was done is kept, and the rest closes', async () => {
    mock.set({ delayMs: 30 });
    const storage = memoryStorage();
    const first = createCloseRoomsJob(testClient(), toBulkRooms(bulk.slice(0, 6)), wrapUp, { storage, storageKey: 'test-reload' });
    first.start();
    await until(() => first.getSnapshot().finished === 3 && first.getSnapshot().current !== undefined);
    first.dispose(); // the page goes away with a request in flight
    const saved = storage.getItem('test-reload') ?? '';
    expect(saved).not.toContain('mock-token-ana');
    expect(saved).not.toContain('agent-ana');
    const restored = await restoreCloseRoomsJob(testClient(), { storage, storageKey: 'test-reload' });
    expect(restored?.getSnapshot()).toMatchObject({ phase: 'paused', pauseReason: 'reload', counts: { closed: 3, queued: 3 } });
    expect(restored?.getSnapshot().rooms[3]).toMatchObject({ uncertain: true });
    restored?.resume();
    await until(() => restored?.getSnapshot().phase === 'done');
    const rooms = restored?.getSnapshot().rooms ?? [];
    expect(rooms.map((room) => room.status)).toEqual(['closed', 'closed', 'closed', expect.stringMatching(/^(already-)?closed$/), 'closed', 'closed']);
    restored?.discard();
    expect(storage.getItem('test-reload')).toBeNull();
  });

  it('closeRooms keeps the job in storage while it runs and removes it once it resolves: nothing finished is offered again', async () => {
    mock.set({ delayMs: 20 });
    const storage = memoryStorage();
    let seenWhileRunning = false;
    const result = await closeRooms(testClient(), toBulkRooms(bulk.slice(0, 3)), wrapUp, {
      storage,
      storageKey: 'test-promise',
      onProgress: () => (seenWhileRunning ||= storage.getItem('test-promise') !== null),
    });
    expect(result.counts.closed).toBe(3);
    expect(seenWhileRunning).toBe(true);
    expect(storage.getItem('test-promise')).toBeNull();
    expect(await restoreCloseRoomsJob(testClient(), { storage, storageKey: 'test-promise' })).toBeUndefined();
  });
});

describe('checkCloseRooms', () => {
  it('skips the tag dead end and others’ rooms without close-others, and asks for a tag and a comment', async () => {
    const rooms = toBulkRooms(createMockRooms());
    const facts = await readCloseRoomsFacts(testClient({ credentials: { userId: mockAgentOwnRoomsOnly.userId, authToken: mockAgentOwnRoomsOnly.authToken } }), rooms);
    expect(facts).toMatchObject({ agentId: 'agent-carla', canCloseOthers: false, requireComment: true });
    const check = checkCloseRooms(rooms, {}, facts);
    expect(check.skip).toEqual([
      { rid: 'room-1', reason: 'not-serving' },
      { rid: 'room-2', reason: 'not-serving' },
      { rid: 'room-3', reason: 'not-serving' },
      { rid: 'room-4', reason: 'not-serving' },
      { rid: 'room-legal', reason: 'tag-dead-end', department: 'Legal' },
      { rid: 'room-closed', reason: 'not-serving' },
    ]);
    expect(check.missing).toEqual(['comment']);
    const asManager = checkCloseRooms(rooms, { comment: 'x' }, await readCloseRoomsFacts(testClient(), rooms));
    expect(asManager.skip).toEqual([{ rid: 'room-legal', reason: 'tag-dead-end', department: 'Legal' }]);
    expect(asManager).toMatchObject({ tagsRequired: true, tagsRequiredBy: ['Sales'], missing: ['tags'] });
  });

  it('counts as having an e-mail only the rooms whose address the job will send a transcript to', () => {
    const rooms = toBulkRooms(bulk.slice(0, 4)).map((room, index) => ({ ...room, visitorEmail: ['ana@example.com', 'not an address', ' ', undefined][index] }));
    expect(checkCloseRooms(rooms, {}, { departments: {} }).withEmail).toBe(1);
  });
});
