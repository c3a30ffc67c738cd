import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../src/styles.css';
import { App } from './App';

declare const __RC_MODE__: 'mock' | 'server';

async function start() {
  if (__RC_MODE__ === 'mock') {
    // The package's own mock Rocket.Chat, in a service worker.
    const { setupWorker } = await import('msw/browser');
    const { createMockRooms, createRocketChatMock, mockAgent, ROCKET_CHAT_RATE_LIMIT } = await import('../../src/testing');
    // Rocket.Chat's own rate limit on closes (10 per 60 s per user), or `?rateLimit=fast` (5 per
    // 10 s); `?stale=40` adds up to 40 abandoned chats to try "Close selected…" on.
    const params = new URLSearchParams(location.search);
    const stale = Math.min(Number(params.get('stale')) || 0, 40);
    const rooms = [
      ...createMockRooms(),
      ...Array.from({ length: stale }, (_, index) => {
        const id = String(index + 1).padStart(3, '0');
        return {
          _id: `stale-${id}`,
          fname: `Abandoned chat ${id}`,
          open: true,
          servedBy: mockAgent.userId,
          visitor: { _id: `visitor-stale-${id}`, name: `Visitor ${id}`, username: `visitor.${id}`, token: `stale-${id}`, email: `visitor${id}@example.com` },
          lastMessage: 'Hello? Anyone there?',
          ts: '2026-11-20T09:00:00.000Z',
        };
      }),
    ];
    const rateLimit = params.get('rateLimit') === 'fast' ? { calls: 5, windowMs: 10_000 } : ROCKET_CHAT_RATE_LIMIT;
    const worker = setupWorker(...createRocketChatMock({ delayMs: 300, rooms, rateLimit }).handlers);
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App mode={__RC_MODE__} />
    </StrictMode>,
  );
}

void start();
