import { describe, expect, it } from 'vitest';
import { manyMockRooms, memoryStorage, toBulkRooms, until } from '../../test/helpers/bulk';
import { BASE_URL, setupRocketChatServer, testClient } from '../../test/helpers/node-server';
import { createCloseRoomsJob, restoreCloseRoomsJob } from './close-rooms-job';

const bulk = manyMockRooms(4);
setupRocketChatServer({ rooms: bulk, closeDurationMs: 0 });
const KEY = 'test-restore';

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
];

describe('restoreCloseRoomsJob with what storage holds', () => {
  it.each(malformed)('%s: no job, removed from storage, nothing registered, and a new bulk close starts', async (_name, value) => {
    const storage = memoryStorage();
    storage.setItem(KEY, typeof value === 'string' ? value : JSON.stringify(value));
    expect(restoreCloseRoomsJob(testClient(), { storage, storageKey: KEY })).toBeUndefined();
    expect(storage.getItem(KEY)).toBeNull();
    // Nothing stuck under the key: a second restore finds nothing, and a new job may start.
    expect(restoreCloseRoomsJob(testClient(), { storage, storageKey: KEY })).toBeUndefined();
    const job = createCloseRoomsJob(testClient(), toBulkRooms(bulk), { comment: 'Done' }, { storage, storageKey: KEY });
    job.start();
    await until(() => job.getSnapshot().phase === 'done');
    expect(job.getSnapshot().counts.closed).toBe(4);
    job.discard();
  });

  it('a complete saved job is still offered', () => {
    const storage = memoryStorage();
    storage.setItem(KEY, JSON.stringify(valid));
    const restored = restoreCloseRoomsJob(testClient(), { storage, storageKey: KEY });
    expect(restored?.getSnapshot()).toMatchObject({ phase: 'paused', pauseReason: 'reload', counts: { queued: 1 } });
    restored?.discard();
  });
});
