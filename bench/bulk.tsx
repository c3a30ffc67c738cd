// The bulk close against the mock's rate limit: 1,000 rooms on a fast window, through the real
// client, job and CloseRoomsDialog. The mock answers in the page (MSW's getResponse as the
// client's fetch): no service worker or network in the figures, only the pacing and the view.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { getResponse } from 'msw';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { CloseRoomsDialog, CloseRoomsProgress, CloseRoomsResults, createOmnichannelClient, enCloseRoomsMessages, OmnichannelProvider, restoreCloseRoomsJob } from '../src';
import type { BulkCloseRoom, BulkRoomState, CloseRoomsSnapshot } from '../src';
import { createRocketChatMock, mockAgent } from '../src/testing';
import type { MockRoom } from '../src/testing';
import '../src/styles.css';
import { typeInto, until } from './harness';

const ROOMS = Number(new URLSearchParams(location.search).get('rooms') ?? 1000);
const LIMIT = { calls: Number(new URLSearchParams(location.search).get('calls') ?? 50), windowMs: Number(new URLSearchParams(location.search).get('windowMs') ?? 500) };
const KEY = 'bench:close-rooms';

const mockRooms: MockRoom[] = Array.from({ length: ROOMS }, (_, index) => ({
  _id: `bench-${index}`,
  fname: `Visitor ${index}`,
  open: true,
  servedBy: mockAgent.userId,
  visitor: { _id: `v-${index}`, name: `Visitor ${index}`, username: `v${index}`, token: `t${index}`, email: `v${index}@example.com` },
  ts: '2026-11-24T09:00:00.000Z',
}));
const mock = createRocketChatMock({ rooms: mockRooms, rateLimit: LIMIT, closeDurationMs: 0 });
let closes = 0;
/** The windows the server opened (each answer names its window's end). */
const windowsOpened = new Set<string>();
let firstSentAt: number | undefined;
let lastAnsweredAt = 0;
const client = createOmnichannelClient({
  baseUrl: location.origin,
  credentials: { userId: mockAgent.userId, authToken: mockAgent.authToken },
  fetch: async (input, init) => {
    const request = new Request(input, init);
    const closing = request.url.endsWith('/room.closeByUser');
    if (closing) {
      closes += 1;
      firstSentAt ??= performance.now();
    }
    const response = await getResponse(mock.handlers, request);
    if (closing) {
      lastAnsweredAt = performance.now();
      const reset = response?.headers.get('x-ratelimit-reset');
      if (reset) windowsOpened.add(reset);
    }
    if (!response || response.type === 'error') throw new TypeError('Failed to fetch');
    return response;
  },
});
const rooms: BulkCloseRoom[] = mockRooms.map((room) => ({ rid: room._id, name: room.fname, servedBy: room.servedBy, visitorEmail: room.visitor.email }));

createRoot(document.getElementById('root') as HTMLElement).render(
  <QueryClientProvider client={new QueryClient()}>
    <OmnichannelProvider client={client}>
      <CloseRoomsDialog rooms={rooms} defaultOpen storageKey={KEY} />
    </OmnichannelProvider>
  </QueryClientProvider>,
);

const noop = () => undefined;
const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))] ?? 0;

async function run() {
  await until(() => document.querySelector('textarea') !== null && Boolean(document.querySelector('button[type="submit"]:not([aria-disabled])')), 10_000);
  typeInto(document.querySelector('textarea') as HTMLTextAreaElement, 'Abandoned');
  (document.querySelector('button[type="submit"]') as HTMLButtonElement).click();
  // The job saves itself as it is made, and restore then returns the one running in the page.
  await until(() => sessionStorage.getItem(KEY) !== null);
  const job = await restoreCloseRoomsJob(client, { storageKey: KEY });
  if (!job) throw new Error('bench: no job');

  // The run itself is left alone (no snapshot is built for the bench's sake, which would take
  // main-thread time from the pacing), except until the estimate at 10 % is read.
  let longFrames = 0;
  const frames = new PerformanceObserver((list) => (longFrames += list.getEntries().length));
  try {
    frames.observe({ type: 'long-animation-frame', buffered: false });
  } catch {
    // Chromium before 123: no such entry type.
  }
  let estimateAtTenth: { at: number; ms: number } | undefined;
  const unsubscribe = job.subscribe(() => {
    if (estimateAtTenth) return;
    const snapshot = job.getSnapshot();
    if (snapshot.finished >= ROOMS / 10 && snapshot.estimatedMsLeft !== undefined) estimateAtTenth = { at: performance.now(), ms: snapshot.estimatedMsLeft };
  });
  await until(() => job.getSnapshot().phase === 'done', 10 * 60_000);
  unsubscribe();
  frames.disconnect();
  const snapshot: CloseRoomsSnapshot = job.getSnapshot();
  // The progress view's update: each snapshot of the run rendered and committed (flushSync) into
  // the progress and results views, as the dialog shows them, timed one by one.
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const view = (shown: CloseRoomsSnapshot) => (
    <>
      <CloseRoomsProgress id="bench" snapshot={shown} messages={enCloseRoomsMessages} onPause={noop} onResume={noop} onStop={noop} onRetry={noop} onClose={noop} onDiscard={noop} />
      <CloseRoomsResults id="bench" rooms={shown.rooms} messages={enCloseRoomsMessages} />
    </>
  );
  // The updates a run makes, replayed: each room goes to `sending`, then to `closed`, one
  // snapshot each, built as the job builds them (new array, unchanged rooms kept).
  const updates: number[] = [];
  const builds: number[] = [];
  let shownRooms: BulkRoomState[] = snapshot.rooms.map((room) => ({ ...room, status: 'queued', posts: 0 }));
  for (let index = 0; index < shownRooms.length; index += 1) {
    for (const status of ['sending', 'closed'] as const) {
      const before = performance.now();
      shownRooms = shownRooms.map((room, at) => (at === index ? { ...room, status, posts: 1 } : room));
      const closed = status === 'closed' ? index + 1 : index;
      const shown: CloseRoomsSnapshot = { ...snapshot, phase: 'running', rooms: shownRooms, finished: closed, current: status === 'sending' ? shownRooms[index] : undefined, counts: { ...snapshot.counts, closed, queued: ROOMS - index - 1, sending: status === 'sending' ? 1 : 0 }, takenAt: Date.now() };
      const built = performance.now();
      builds.push(built - before);
      flushSync(() => root.render(view(shown)));
      updates.push(performance.now() - built);
    }
  }
  root.unmount();
  // One save of the job as it is kept after every change (1,000 rooms).
  const saved = sessionStorage.getItem(KEY) ?? '';
  const saveStart = performance.now();
  for (let index = 0; index < 20; index += 1) sessionStorage.setItem(KEY, JSON.stringify(JSON.parse(saved)));
  const saveMs = (performance.now() - saveStart) / 20;
  const durationMs = lastAnsweredAt - (firstSentAt ?? 0);
  // At the limit: every window full, the next one opened as soon as the last ended.
  const idealMs = (Math.ceil(ROOMS / LIMIT.calls) - 1) * LIMIT.windowMs;
  return {
    rooms: ROOMS,
    limit: LIMIT,
    closed: snapshot.counts.closed,
    posts: closes,
    durationMs,
    windowsOpened: windowsOpened.size,
    allowanceShare: snapshot.counts.closed / (LIMIT.calls * windowsOpened.size),
    idealMs,
    rateLimited: snapshot.rateLimited,
    observedLimit: snapshot.rateLimit,
    estimateAtTenth: estimateAtTenth && { estimatedMs: estimateAtTenth.ms, actualMs: lastAnsweredAt - estimateAtTenth.at },
    // The first render mounts the view; the others are the updates.
    mountMs: updates[0] ?? 0,
    updates: { count: updates.length - 1, median: percentile(updates.slice(1), 0.5), p95: percentile(updates.slice(1), 0.95), max: Math.max(...updates.slice(1)) },
    builds: { median: percentile(builds, 0.5), p95: percentile(builds, 0.95) },
    longFrames,
    saveMs,
  };
}

(window as unknown as { bulkBench: { run: typeof run } }).bulkBench = { run };
