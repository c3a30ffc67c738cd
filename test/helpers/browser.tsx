import type { BoundFunctions, queries } from '@testing-library/dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import axe from 'axe-core';
import { setupWorker } from 'msw/browser';
import type { ReactElement, ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createOmnichannelClient } from '../../src/client';
import type { OmnichannelClient, OmnichannelClientOptions } from '../../src/client';
import { OmnichannelProvider } from '../../src/provider';
import { createRocketChatMock, mockAgent } from '../../src/testing';
import type { RocketChatMockOptions } from '../../src/testing';
import '../../src/styles.css';

/** The mock Rocket.Chat in a real service worker, for the current test file. */
export function setupBrowserRocketChat(options: RocketChatMockOptions = {}) {
  const mock = createRocketChatMock(options);
  const worker = setupWorker(...mock.handlers);
  beforeAll(async () => {
    await worker.start({
      quiet: true,
      onUnhandledRequest: (request, print) => {
        if (new URL(request.url).pathname.startsWith('/api/')) print.error();
      },
    });
  });
  afterEach(() => {
    worker.resetHandlers();
    mock.reset();
  });
  afterAll(() => worker.stop());
  return { mock, worker };
}

export function browserClient(overrides: Partial<OmnichannelClientOptions> = {}): OmnichannelClient {
  return createOmnichannelClient({
    baseUrl: location.origin,
    credentials: { userId: mockAgent.userId, authToken: mockAgent.authToken },
    ...overrides,
  });
}

export function renderWithClient(ui: ReactElement, client: OmnichannelClient = browserClient()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <OmnichannelProvider client={client}>{children}</OmnichannelProvider>
    </QueryClientProvider>
  );
  return { ...render(ui, { wrapper }), client, queryClient };
}

/** Runs axe on the whole document (the dialog is portalled to <body>). */
export async function expectNoAxeViolations() {
  // Colours are judged once the opening fade has finished, as a person sees them.
  await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
  const results = await axe.run(document.body, { resultTypes: ['violations'] });
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

/** What `within(element)` returns: Testing Library's queries bound to a container. */
export type Queries = BoundFunctions<typeof queries>;
