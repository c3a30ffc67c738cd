import { afterEach, describe, expect, it } from 'vitest';
import { manyMockRooms, memoryStorage, toBulkRooms, until } from '../../test/helpers/bulk';
import { BASE_URL, setupRocketChatServer, testClient } from '../../test/helpers/node-server';
import { mockAgent, mockAgentOwnRoomsOnly } from '../testing';
import { createCloseRoomsJob, restoreCloseRoomsJob } from './close-rooms-job';
import { ownerDigest } from './owner';
import { liveJobs } from './registry';

const bulk = manyMockRooms(8);
const { mock } = setupRocketChatServer({ rooms: bulk, closeDurationMs: 0 });
const KEY = 'test-restore';
afterEach(() => liveJobs.get(KEY)?.dispose());

const valid = {
  version: 1,
  id: 'job-1',
  baseUrl: BASE_URL,
  createdAt: 1_700_000_000_000,
  attempt: 1,
  cancelled: false,
  wrapUp: { comment: 'Done' },
  rooms: [{ rid: bulk[0]?._id, status: 'queued', posts: 0 }],
  emails: {},
};
const without = (field: keyof typeof valid) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field));

const malformed: [string, unknown][] = [
  ['no emails', without('emails')],
  ['no wrapUp', without('wrapUp')],
  ['no rooms', without('rooms')],
  ['a room without posts', { ...valid, rooms: [{ rid: 'bulk-0001', status: 'queued' }] }],
  ['posts as a string', { ...valid, rooms: [{ rid: 'bulk-0001', status: 'queued', posts: '1' }] }],
  ['emails as an array', { ...valid, emails: ['a@example.com'] }],
  ['an e-mail that is a number', { ...valid, emails: { 'bulk-0001': 42 } }],
  ['tags as a string', { ...valid, wrapUp: { tags: 'stale' } }],
  ['transcriptEmail without subject', { ...valid, wrapUp: { transcriptEmail: {} } }],
  ['attempt as a string', { ...valid, attempt: '1' }],
  ['cancelled missing', { ...valid, cancelled: undefined }],
  ['an unknown error kind', { ...valid, rooms: [{ rid: 'bulk-0001', status: 'failed', posts: 1, error: 'boom' }] }],
  ['rooms as an object', { ...valid, rooms: {} }],
  ['not JSON', '{"version":1,'],
  ['null', null],
  ['owner as a number', { ...valid, owner: 7 }],
  ['one room twice', { ...valid, rooms: [{ rid: 'bulk-0001', status: 'queued', posts: 0 }, { rid: 'bulk-0001', status: 'closed', posts: 1 }] }],
];

describe('restoreCloseRoomsJob with what storage holds', () => {
  it.each(malformed)('%s: no job, removed from storage, nothing registered, and a new bulk close starts', async (_name, value) => {
    const storage = memoryStorage();
    // The signed-in agent's job but for the flaw: a job without an owner is refused anyway.
    const owner = await ownerDigest(BASE_URL, mockAgent.userId);
    const entry = typeof value === 'object' && value !== null && !Array.isArray(value) && !('owner' in value) ? { ...value, owner } : value;
    storage.setItem(KEY, typeof entry === 'string' ? entry : JSON.stringify(entry));
    expect(await restoreCloseRoomsJob(testClient(), { storage, storageKey: KEY })).toBeUndefined();
    expect(storage.getItem(KEY)).toBeNull();
    // Nothing stuck under the key: a second restore finds nothing, and a new job may start.
    expect(await restoreCloseRoomsJob(testClient(), { storage, storageKey: KEY })).toBeUndefined();
    const job = createCloseRoomsJob(testClient(), toBulkRooms(bulk), { comment: 'Done' }, { storage, storageKey: KEY });
    job.start();
    await until(() => job.getSnapshot().phase === 'done');
    expect(job.getSnapshot().counts.closed).toBe(8);
    job.discard();
  });

  it('a complete saved job is still offered to its owner', async () => {
    const storage = memoryStorage();
    storage.setItem(KEY, JSON.stringify({ ...valid, owner: await ownerDigest(BASE_URL, mockAgent.userId) }));
    const restored = await restoreCloseRoomsJob(testClient(), { storage, storageKey: KEY });
    expect(restored?.getSnapshot()).toMatchObject({ phase: 'paused', pauseReason: 'reload', counts: { queued: 1 } });
    restored?.discard();
  });
});

describe('restoreCloseRoomsJob and the agent signed in', () => {
  const other = { userId: mockAgentOwnRoomsOnly.userId, authToken: mockAgentOwnRoomsOnly.authToken };

  it('refuses another agent’s saved job after a reload, and removes it; the owner is stored only as a digest', async () => {
    const storage = memoryStorage();
    const first = createCloseRoomsJob(testClient(), toBulkRooms(bulk), { comment: 'Done' }, { storage, storageKey: KEY });
    mock.set({ delayMs: 30 });
    first.start();
    await until(() => first.getSnapshot().finished >= 1);
    first.dispose(); // the page reloads; the next agent signs in in the same tab
    const saved = storage.getItem(KEY) ?? '';
    expect(saved).not.toContain(mockAgent.userId);
    expect(JSON.parse(saved)).toMatchObject({ owner: await ownerDigest(BASE_URL, mockAgent.userId) });
    expect((JSON.parse(saved) as { owner?: string }).owner).toMatch(/^[0-9a-f]{64}$/);
    expect(await restoreCloseRoomsJob(testClient({ credentials: other }), { storage, storageKey: KEY })).toBeUndefined();
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('offers the job to the agent who started it after a reload', async () => {
    const storage = memoryStorage();
    const first = createCloseRoomsJob(testClient(), toBulkRooms(bulk), { comment: 'Done' }, { storage, storageKey: KEY });
    mock.set({ delayMs: 30 });
    first.start();
    await until(() => first.getSnapshot().finished >= 1);
    first.dispose();
    const restored = await restoreCloseRoomsJob(testClient(), { storage, storageKey: KEY });
    expect(restored?.getSnapshot()).toMatchObject({ phase: 'paused', pauseReason: 'reload' });
    restored?.discard();
  });

  it('keeps the job saved when the server cannot say who is signed in, and offers nothing', async () => {
    const storage = memoryStorage();
    storage.setItem(KEY, JSON.stringify({ ...valid, owner: await ownerDigest(BASE_URL, mockAgent.userId) }));
    expect(await restoreCloseRoomsJob(testClient({ credentials: { userId: mockAgent.userId, authToken: 'expired' } }), { storage, storageKey: KEY })).toBeUndefined();
    expect(storage.getItem(KEY)).not.toBeNull();
  });

  it('forgets the job when the client’s credentials start naming another agent in the same tab', async () => {
    const storage = memoryStorage();
    let credentials = { userId: mockAgent.userId, authToken: mockAgent.authToken };
    const client = testClient({ credentials: () => credentials });
    const job = createCloseRoomsJob(client, toBulkRooms(bulk), { comment: 'Done' }, { storage, storageKey: KEY });
    mock.set({ delayMs: 30 });
    job.start();
    await until(() => job.getSnapshot().finished >= 1);
    job.pause();
    await until(() => job.getSnapshot().phase === 'paused');
    credentials = other;
    await client.request({ method: 'GET', path: 'me' });
    expect(storage.getItem(KEY)).toBeNull();
    expect(job.getSnapshot().phase).toBe('done');
    expect(await restoreCloseRoomsJob(client, { storage, storageKey: KEY })).toBeUndefined();
    // The next agent's own bulk close may start at once.
    const next = createCloseRoomsJob(client, [], { comment: 'Mine' }, { storage, storageKey: KEY });
    expect(next.getSnapshot().phase).toBe('ready');
    next.discard();
  });
});
