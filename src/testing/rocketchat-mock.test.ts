import { describe, expect, it } from 'vitest';
import { BASE_URL, setupRocketChatServer } from '../../test/helpers/node-server';
import { mockAgent, mockAgentOwnRoomsOnly, mockAgentWithoutPermission } from './fixtures';
import type { MockAgent } from './fixtures';

// Rocket.Chat's own API end-to-end suite for this endpoint (RocketChat/Rocket.Chat,
// apps/meteor/tests/end-to-end/api/livechat/00-rooms.ts, describe('livechat/room.closeByUser')),
// restated case by case against the mock, over HTTP as that suite does it:
//
// | Rocket.Chat's case                                                                   | restated as                  |
// | ------------------------------------------------------------------------------------ | ---------------------------- |
// | should fail if user is not logged in                                                  | e2e 1                        |
// | should fail if not all required params are passed (rid)                               | e2e 2                        |
// | should fail if user doesnt have close-livechat-room permission                        | e2e 3                        |
// | should fail if room is not found                                                      | e2e 4                        |
// | should fail if user is not serving and doesnt have close-others-livechat-room perm.   | e2e 5                        |
// | should not close a room without comment                                               | e2e 6                        |
// | should not close a room when comment is an empty string                               | e2e 7                        |
// | should close room if user has permission                                              | e2e 8                        |
// | should fail if room is closed                                                         | e2e 9                        |
// | should fail one of the requests if 3 simultaneous closes are attempted                | e2e 10                       |
// | should allow different rooms to be closed simultaneously                              | e2e 11                       |
// | when both user & visitor try to close room, only one will succeed                     | e2e 12                       |
// | when a close request is tried multiple times, the final state of the room is valid    | e2e 13 (room state; the mock has no inquiries or subscriptions) |
// | Force closing: not allowed if Omnichannel_allow_force_close_conversations is off      | e2e 14                       |
// | Force closing: allowed (even if the conversation is already closed)                   | e2e 15                       |
// | (EE) should close room and generate transcript pdf                                    | e2e 16                       |
// | (EE) should close room and not generate transcript pdf                                | e2e 17                       |

const { mock } = setupRocketChatServer();
const CLOSE = `${BASE_URL}/api/v1/livechat/room.closeByUser`;

const credentials = (agent: MockAgent = mockAgent) => ({ 'X-User-Id': agent.userId, 'X-Auth-Token': agent.authToken });

async function post(body: unknown, { agent = mockAgent, url = CLOSE }: { agent?: MockAgent | null; url?: string } = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(agent ? credentials(agent) : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await response.json();
  return { status: response.status, headers: response.headers, body: json as Record<string, unknown> };
}

const get = async (path: string, agent: MockAgent | null = mockAgent) => {
  const response = await fetch(`${BASE_URL}/api/v1/${path}`, { headers: agent ? credentials(agent) : {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

function roomOf(id: string) {
  const room = mock.rooms.get(id);
  if (!room) throw new Error(`no room ${id}`);
  return room;
}
const departmentOf = (id: string) => {
  const department = mock.departments.get(id);
  if (!department) throw new Error(`no department ${id}`);
  return department;
};

/** A fresh open room served by nobody (as the suite's createLivechatRoom makes one). */
function newRoom(id: string, servedBy?: string) {
  mock.rooms.set(id, {
    _id: id,
    fname: 'E2E Visitor',
    open: true,
    servedBy,
    visitor: { _id: `v-${id}`, name: 'E2E Visitor', username: 'e2e.visitor', token: `token-${id}` },
    ts: new Date().toISOString(),
  });
  return id;
}

describe("Rocket.Chat's own end-to-end cases for livechat/room.closeByUser", () => {
  it('e2e 1: fails with 401 when the user is not logged in', async () => {
    expect((await post({ rid: 'room-1' }, { agent: null })).status).toBe(401);
  });

  it('e2e 2: fails with 400 when no params are passed', async () => {
    const answer = await post(undefined);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ success: false, errorType: 'invalid-params' });
  });

  it('e2e 3: fails with 403 without close-livechat-room, before looking at the room', async () => {
    mock.setPermission('close-livechat-room', []);
    expect((await post({ rid: 'invalid-room-id' })).status).toBe(403);
    expect((await post({ rid: 'invalid-room-id' }, { agent: mockAgentWithoutPermission })).status).toBe(403);
  });

  it('e2e 4: fails with 400 when the room is not found', async () => {
    expect(await post({ rid: 'invalid-room-id' })).toMatchObject({ status: 400, body: { error: 'error-invalid-room' } });
  });

  it('e2e 5: fails with 400 when the user does not serve the room and lacks close-others-livechat-room', async () => {
    mock.setPermission('close-others-livechat-room', []);
    const rid = newRoom('e2e-unserved');
    expect(await post({ rid })).toMatchObject({ status: 400, body: { error: 'error-not-authorized' } });
    expect(await post({ rid: 'room-1', comment: 'x' }, { agent: mockAgentOwnRoomsOnly })).toMatchObject({ status: 400, body: { error: 'error-not-authorized' } });
  });

  it('e2e 6: does not close a room without comment', async () => {
    const rid = newRoom('e2e-no-comment');
    expect(await post({ rid })).toMatchObject({ status: 400, body: { success: false, error: 'error-comment-is-required' } });
    expect(mock.rooms.get(rid)?.open).toBe(true);
  });

  it('e2e 7: does not close a room when the comment is an empty string (or only spaces)', async () => {
    const rid = newRoom('e2e-empty-comment');
    expect(await post({ rid, comment: '' })).toMatchObject({ status: 400, body: { success: false } });
    expect(await post({ rid, comment: '   ' })).toMatchObject({ status: 400, body: { error: 'error-comment-is-required' } });
  });

  it('e2e 8: closes the room when the user has permission', async () => {
    const rid = newRoom('e2e-close');
    expect(await post({ rid, comment: 'test' })).toMatchObject({ status: 200, body: { success: true } });
  });

  it('e2e 9: fails when the room is closed already', async () => {
    const rid = newRoom('e2e-twice');
    expect((await post({ rid, comment: 'test' })).status).toBe(200);
    expect(await post({ rid, comment: 'test' })).toMatchObject({ status: 400, body: { error: 'error-room-already-closed' } });
  });

  it('e2e 10: of 3 simultaneous closes one succeeds and two fail with a conflict', async () => {
    const rid = newRoom('e2e-race');
    const answers = await Promise.all([post({ rid, comment: 'test' }), post({ rid, comment: 'test' }), post({ rid, comment: 'test' })]);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    const losers = answers.filter((answer) => answer.status !== 200);
    expect(losers).toHaveLength(2);
    for (const loser of losers) {
      expect(loser.body.success).toBe(false);
      expect(['error-room-cannot-be-closed-try-again', 'Error removing inquiry']).toContain(loser.body.error);
    }
    // Both strings occur, as Rocket.Chat's own test allows.
    expect(new Set(losers.map((loser) => loser.body.error)).size).toBe(2);
  });

  it('e2e 11: closes different rooms simultaneously', async () => {
    const [a, b] = [newRoom('e2e-a'), newRoom('e2e-b')];
    const answers = await Promise.all([post({ rid: a, comment: 'test' }), post({ rid: b, comment: 'test' })]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
  });

  it('e2e 12: when the agent and the visitor close at once, one wins and the room records who', async () => {
    const rid = newRoom('e2e-visitor-race');
    const answers = await Promise.all([
      post({ rid, comment: 'test' }),
      post({ rid, token: `token-${rid}` }, { url: `${BASE_URL}/api/v1/livechat/room.close` }),
    ]);
    const winners = answers.filter((answer) => answer.status === 200);
    expect(winners).toHaveLength(1);
    const loser = answers.find((answer) => answer.status !== 200);
    expect(['error-room-cannot-be-closed-try-again', 'Error removing inquiry']).toContain(loser?.body.error);
    const room = mock.rooms.get(rid);
    expect(room?.open).toBe(false);
    expect(room?.closer).toBe(answers[0]?.status === 200 ? 'user' : 'visitor');
  });

  it('e2e 13: after repeated simultaneous closes the room is validly closed by the user', async () => {
    const rid = newRoom('e2e-repeat');
    await Promise.all([post({ rid, comment: 'test' }), post({ rid, comment: 'test' }), post({ rid, comment: 'test' })]);
    const { body } = await get(`rooms.info?roomId=${rid}`);
    expect(body.room).not.toHaveProperty('open');
    expect(body.room).toHaveProperty('closedAt');
    expect(body.room).toHaveProperty('closer', 'user');
  });

  it('e2e 14: force close is refused while Omnichannel_allow_force_close_conversations is off', async () => {
    const rid = newRoom('e2e-force-off');
    await post({ rid, comment: 'test' });
    expect((await post({ rid, comment: 'test', forceClose: true })).body).toMatchObject({ success: false, error: 'error-room-already-closed' });
  });

  it('e2e 15: force close closes a conversation again when the setting is on', async () => {
    mock.set({ allowForceClose: true });
    const rid = newRoom('e2e-force-on');
    await post({ rid, comment: 'test' });
    expect((await post({ rid, comment: 'test', forceClose: true })).body).toMatchObject({ success: true });
  });

  it('e2e 16: (enterprise) closes the room and makes the PDF transcript afterwards', async () => {
    expect((await post({ rid: 'room-1', comment: 'test', generateTranscriptPdf: true })).status).toBe(200);
    expect(mock.rooms.get('room-1')?.pdfTranscriptFileId).toBeUndefined();
    await expect.poll(() => mock.rooms.get('room-1')?.pdfTranscriptFileId).toBe('pdf-room-1');
  });

  it('e2e 17: (enterprise) closes the room without a PDF when not asked', async () => {
    expect((await post({ rid: 'room-1', comment: 'test', generateTranscriptPdf: false })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(mock.rooms.get('room-1')?.pdfTranscriptFileId).toBeUndefined();
  });
});

describe('the mock in each configuration', () => {
  it('ignores generateTranscriptPdf without the enterprise licence', async () => {
    mock.set({ edition: 'community' });
    await post({ rid: 'room-1', comment: 'test', generateTranscriptPdf: true });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(mock.rooms.get('room-1')).toMatchObject({ open: false, pdfTranscriptRequested: false });
    expect(mock.rooms.get('room-1')?.pdfTranscriptFileId).toBeUndefined();
  });

  it('refuses forceClose as an unknown property on servers before 7.3', async () => {
    mock.set({ version: '7.2.1', allowForceClose: true });
    expect(await post({ rid: 'room-closed', comment: 'x', forceClose: true })).toMatchObject({
      status: 400,
      body: { error: 'must NOT have additional properties [invalid-params]', errorType: 'invalid-params' },
    });
    mock.set({ version: '7.3.0' });
    expect((await post({ rid: 'room-closed', comment: 'x', forceClose: true })).status).toBe(200);
  });

  it('refuses every agent close of a department that requires tags and has no closing tags, whatever is sent', async () => {
    for (const tags of [undefined, [], ['contract review']]) {
      expect((await post({ rid: 'room-legal', comment: 'x', tags })).body.error).toBe('error-tags-must-be-assigned-before-closing-chat');
    }
    // An administrator adds closing tags: the agent's tag now suffices.
    mock.departments.set('dept-legal', { ...departmentOf('dept-legal'), chatClosingTags: ['legal'] });
    expect((await post({ rid: 'room-legal', comment: 'x', tags: ['contract review'] })).status).toBe(200);
    expect(mock.rooms.get('room-legal')?.tags).toEqual(['contract review', 'legal']);
  });

  it("counts the room's own tags toward a department's tag rule", async () => {
    mock.rooms.set('room-2', { ...roomOf('room-2'), tags: ['already-tagged'] });
    expect((await post({ rid: 'room-2', comment: 'x' })).status).toBe(200);
    expect(mock.rooms.get('room-2')?.tags).toEqual(['already-tagged', 'sales']);
  });

  it('keeps, sends or cancels the transcript e-mail as the body says, and replaces it when the server always sends', async () => {
    const requested = { email: 'someone@example.com', subject: 'Asked earlier' };
    mock.rooms.set('room-1', { ...roomOf('room-1'), transcriptRequest: requested });
    mock.rooms.set('room-4', { ...roomOf('room-4'), transcriptRequest: requested });
    await post({ rid: 'room-1', comment: 'x' });
    expect(mock.rooms.get('room-1')?.transcriptRequest).toEqual(requested);
    await post({ rid: 'room-4', comment: 'x', transcriptEmail: { sendToVisitor: false } });
    expect(mock.rooms.get('room-4')?.transcriptRequest).toBeUndefined();
    mock.set({ transcriptSendAlways: true, transcriptEmailSubject: 'Your chat with ACME' });
    await post({ rid: 'room-2', comment: 'x', tags: ['quote'], transcriptEmail: { sendToVisitor: false } });
    expect(mock.rooms.get('room-2')?.transcriptRequest).toEqual({ email: 'john+orders@example.co.uk', subject: 'Your chat with ACME' });
  });

  it('rate-limits per user with the X-RateLimit headers, and opens a new window after it ends', async () => {
    mock.set({ rateLimit: { calls: 2, windowMs: 300 } });
    const first = await post({ rid: 'room-1', comment: 'x' });
    expect(first.headers.get('X-RateLimit-Limit')).toBe('2');
    expect(first.headers.get('X-RateLimit-Remaining')).toBe('1');
    expect(Number(first.headers.get('X-RateLimit-Reset'))).toBeGreaterThan(Date.now());
    expect((await post({ rid: 'room-3', comment: 'x' })).headers.get('X-RateLimit-Remaining')).toBe('0');
    const refused = await post({ rid: 'room-4', comment: 'x' });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatch(/^Error, too many requests\. Please slow down\. You must wait 1 seconds before trying this endpoint again\. \[error-too-many-requests\]$/);
    expect(mock.rooms.get('room-4')?.open).toBe(true);
    // Another user has a window of their own.
    expect((await post({ rid: 'room-5', comment: 'x' }, { agent: mockAgentOwnRoomsOnly })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 320));
    expect((await post({ rid: 'room-4', comment: 'x' })).status).toBe(200);
  });

  it('counts a rate-limited call before reading the body, as the server checks in that order', async () => {
    mock.set({ rateLimit: { calls: 1, windowMs: 60_000 } });
    expect((await post({ rid: 'room-1', extra: true })).status).toBe(400);
    expect((await post({ rid: 'room-1', comment: 'x' })).status).toBe(429);
  });

  it('serves the agent, the permission table, the licence and the settings an agent reads', async () => {
    mock.set({ transcriptSendAlways: true, transcriptEmailSubject: 'Hi', allowForceClose: true });
    expect((await get('me', mockAgentOwnRoomsOnly)).body).toMatchObject({
      roles: ['user', 'livechat-agent'],
      settings: { preferences: { omnichannelTranscriptEmail: true, omnichannelTranscriptPDF: true } },
    });
    const { body: table } = await get('permissions.listAll');
    expect(table.update).toContainEqual(expect.objectContaining({ _id: 'close-others-livechat-room', roles: ['livechat-manager', 'admin'] }));
    expect((await get('licenses.info')).body).toMatchObject({ license: { activeModules: expect.arrayContaining(['livechat-enterprise']) as unknown } });
    const { body } = await get(
      'settings.public?_id=Livechat_transcript_send_always,Livechat_transcript_email_subject,Omnichannel_allow_force_close_conversations',
      null,
    );
    expect(body.settings).toEqual([
      { _id: 'Livechat_transcript_send_always', value: true },
      { _id: 'Livechat_transcript_email_subject', value: 'Hi' },
      { _id: 'Omnichannel_allow_force_close_conversations', value: true },
    ]);
  });

  it('answers as older servers do: no licenses.info before 6.5, no force-close setting before 7.3', async () => {
    mock.set({ version: '6.4.0' });
    expect((await get('licenses.info')).status).toBe(404);
    const { body } = await get('settings.public?_id=Omnichannel_allow_force_close_conversations', null);
    expect(body.settings).toEqual([]);
  });

  it('answers the community edition: no licence modules, no tag list', async () => {
    mock.set({ edition: 'community' });
    expect((await get('licenses.info')).body).toMatchObject({ license: { activeModules: [] } });
    expect((await get('livechat/tags?text=')).status).toBe(404);
  });

  it('refuses the visitor and department reads without the permissions, and others’ rooms without view-livechat-rooms', async () => {
    expect((await get('livechat/visitors.info?visitorId=visitor-1', mockAgentWithoutPermission)).status).toBe(403);
    expect((await get('livechat/department/dept-legal', mockAgentWithoutPermission)).status).toBe(403);
    expect((await get('rooms.info?roomId=room-1', mockAgentOwnRoomsOnly)).status).toBe(403);
    expect((await get('rooms.info?roomId=room-5', mockAgentOwnRoomsOnly)).status).toBe(200);
    mock.setPermission('view-l-room', []);
    expect((await get('livechat/visitors.info?visitorId=visitor-1')).status).toBe(403);
  });

  it('refuses a version it cannot compare', () => {
    expect(() => mock.set({ version: 'banana' })).toThrow('version must look like "7.3.0", got "banana"');
  });
});
