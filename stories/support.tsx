import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { createOmnichannelClient, OmnichannelProvider } from '../src';
import { createRocketChatMock, mockAgent } from '../src/testing';
import type { MockAgent, RocketChatMockOptions } from '../src/testing';

/** A fresh client and query cache for each story: no story sees another's state. */
export function StoryProviders({
  agent = mockAgent,
  timeoutMs,
  children,
}: {
  agent?: Pick<MockAgent, 'userId' | 'authToken'>;
  timeoutMs?: number;
  children: ReactNode;
}) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  const [client] = useState(() =>
    createOmnichannelClient({
      baseUrl: window.location.origin,
      credentials: { userId: agent.userId, authToken: agent.authToken },
      timeoutMs,
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <OmnichannelProvider client={client}>{children}</OmnichannelProvider>
    </QueryClientProvider>
  );
}

/**
 * The package's own mock Rocket.Chat for one story: its handlers go to msw-storybook-addon, and
 * its state (closed rooms) is reset before every render.
 */
export function mockRocketChat(options: RocketChatMockOptions = {}) {
  const mock = createRocketChatMock(options);
  return {
    parameters: { msw: { handlers: mock.handlers } },
    beforeEach: () => {
      mock.reset();
    },
  };
}

/** 5,000 distinct tags, as a large Rocket.Chat enterprise server has. */
export function manyTags(count = 5000): string[] {
  const topics = ['billing', 'refund', 'login', 'bug', 'feature', 'sales', 'vip', 'churn', 'onboarding', 'shipping'];
  return Array.from({ length: count }, (_, index) => `${topics[index % topics.length] ?? 'tag'}-${String(index).padStart(4, '0')}`);
}
