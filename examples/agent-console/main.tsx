import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../src/styles.css';
import { App } from './App';

declare const __RC_MODE__: 'mock' | 'server';
const MOCK_CLOSED_KEY = 'demo:mock-closed-rooms';

async function start() {
  if (__RC_MODE__ === 'mock') {
    // The package's own mock Rocket.Chat, in a service worker.
    const { setupWorker } = await import('msw/browser');
    const { createMockRooms, createRocketChatMock, mockAgent, ROCKET_CHAT_RATE_LIMIT } = await import('../../src/testing');
    // Rocket.Chat's own rate limit on closes (10 per 60 s per user), or `?rateLimit=fast` (5 per
    // 10 s); `?stale=40` adds up to 40 abandoned chats to try "Close selected…" on; `?delay=2000`
    // makes each answer take 2 s (300 ms by default, 10 s at most) to watch a slow server.
    const params = new URLSearchParams(location.search);
    const delayMs = Math.min(Math.max(Number(params.get('delay')) || 300, 0), 10_000);
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
    // The mock lives in the page: what it closed is kept for the tab, so a reload (say, in the
    // middle of "Close selected…") shows the same server, as a real one would.
    const closed = new Set(JSON.parse(sessionStorage.getItem(MOCK_CLOSED_KEY) ?? '[]') as string[]);
    const rateLimit = params.get('rateLimit') === 'fast' ? { calls: 5, windowMs: 10_000 } : ROCKET_CHAT_RATE_LIMIT;
    const mock = createRocketChatMock({ delayMs, rooms: rooms.map((room) => (closed.has(room._id) ? { ...room, open: false } : room)), rateLimit });
    addEventListener('pagehide', () => {
      sessionStorage.setItem(MOCK_CLOSED_KEY, JSON.stringify([...mock.rooms.values()].filter((room) => !room.open).map((room) => room._id)));
    });
    const worker = setupWorker(...mock.handlers);
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
