// A user's test setup with rocketchat-omnichannel-ui/testing, as the README shows it: compiled by
// tsc (nodenext, strict) and run by the Node the app is for. Any failed expectation exits non-zero.
import { strict as assert } from 'node:assert';
import { setupServer } from 'msw/node';
import { closeRoom, createOmnichannelClient, isCloseRoomError } from 'rocketchat-omnichannel-ui';
import { createRocketChatMock, mockAgent } from 'rocketchat-omnichannel-ui/testing';
// msw 2 calls the option onUnhandledRequest, msw 3 onUnhandledFrame: the test writes this file.
import { failOnUnhandled } from './unhandled.js';

const baseUrl = 'https://chat.example.com';
const rocketChat = createRocketChatMock({ baseUrl, requireComment: false });
const server = setupServer(...rocketChat.handlers);
server.listen(failOnUnhandled);

const client = createOmnichannelClient({ baseUrl, credentials: { userId: mockAgent.userId, authToken: mockAgent.authToken } });
const outcomes: string[] = [];

async function outcome(run: () => Promise<void>): Promise<string> {
  try {
    await run();
    return 'closed';
  } catch (error) {
    if (!isCloseRoomError(error)) throw error;
    return error.status === undefined ? error.kind : `${error.kind} ${error.status}`;
  }
}

try {
  outcomes.push(await outcome(() => closeRoom(client, { rid: 'room-1', comment: 'Solved' })));
  assert.equal(rocketChat.rooms.get('room-1')?.open, false);
  outcomes.push(await outcome(() => closeRoom(client, { rid: 'room-1' })));

  const expired = createOmnichannelClient({ baseUrl, credentials: { userId: mockAgent.userId, authToken: 'expired' } });
  outcomes.push(await outcome(() => closeRoom(expired, { rid: 'room-2', tags: ['billing'] })));
  assert.equal(rocketChat.rooms.get('room-2')?.open, true);

  rocketChat.set({ failure: 'rate-limited' });
  const limited = await closeRoom(client, { rid: 'room-3' }).catch((error: unknown) => error);
  assert.ok(isCloseRoomError(limited, 'rate-limited'));
  outcomes.push(`rate-limited, wait ${limited.retryAfterSeconds ?? 'unknown'}`);

  server.resetHandlers();
  rocketChat.reset();
  assert.equal(rocketChat.rooms.get('room-1')?.open, true);
  assert.deepEqual(outcomes, ['closed', 'already-closed 400', 'unauthorized 401', 'rate-limited, wait 12']);
  console.log(JSON.stringify({ node: process.version, outcomes }));
} finally {
  server.close();
}
