import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createRocketChatMock, mockAgent } from '../../src/testing';
import type { RocketChatMockOptions } from '../../src/testing';
import { createOmnichannelClient } from '../../src/client';
import type { OmnichannelClientOptions } from '../../src/client';

export const BASE_URL = 'https://chat.example.com';

/** The mock Rocket.Chat on MSW's Node interceptor for the current test file. */
export function setupRocketChatServer(options: RocketChatMockOptions = {}) {
  const mock = createRocketChatMock(options);
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    mock.reset();
  });
  afterAll(() => server.close());
  return { mock, server };
}

export function testClient(overrides: Partial<OmnichannelClientOptions> = {}) {
  return createOmnichannelClient({
    baseUrl: BASE_URL,
    credentials: { userId: mockAgent.userId, authToken: mockAgent.authToken },
    ...overrides,
  });
}
