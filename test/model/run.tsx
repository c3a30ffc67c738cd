import { onlineManager } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { createOmnichannelClient } from '../../src/client';
import { mockAgent } from '../../src/testing';
import { renderWithClient, setupBrowserRocketChat } from '../helpers/browser';
import { ConsoleUnderTest, ROOMS } from './harness';
import { checkInvariants, checkSettled, LONG_WAIT_MS } from './world';
import type { Model, Real } from './world';

/** What a campaign did, printed at its end. */
export const campaign = { sequences: 0, steps: 0, forcedCloses: 0 };

/** Short, so a run explores timeouts in a fraction of a second. */
export const TIMEOUT_MS = 150;
const CLOSE_PATH = '/api/v1/livechat/room.closeByUser';
const CLOSE = `*${CLOSE_PATH}`;
const goodCredentials = { userId: mockAgent.userId, authToken: mockAgent.authToken };

/** Sets up the mock server for the calling test file and returns the sequence runner. */
export function setupModelRun() {
  const { mock, worker } = setupBrowserRocketChat({ requireComment: false });

  /** Runs one sequence of commands on a fresh console, client and server, checking as it goes. */
  async function runSequence(commands: Iterable<fc.AsyncCommand<Model, Real>>) {
    cleanup();
    mock.reset();
    worker.resetHandlers();
    onlineManager.setOnline(true);
    const real: Real = {
      user: userEvent.setup({ delay: null }),
      mock,
      client: createOmnichannelClient({
        baseUrl: location.origin,
        timeoutMs: TIMEOUT_MS,
        // The client's documented `fetch` option, here to see each close leave (nothing is faked).
        fetch: (input, init) => {
          if (String(input instanceof Request ? input.url : input).endsWith(CLOSE_PATH)) {
            const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
            real.departures.push({ body, at: performance.now(), matched: false });
          }
          return fetch(input, init);
        },
        credentials: () => {
          switch (real.credentials) {
            case 'hang':
              return new Promise(() => undefined);
            case 'slow':
              return new Promise((resolve) => setTimeout(() => resolve(goodCredentials), 90));
            case 'expired':
              return { userId: mockAgent.userId, authToken: 'expired-token' };
            case 'ok':
              return goodCredentials;
          }
        },
      }),
      timeoutMs: TIMEOUT_MS,
      submits: [],
      departures: [],
      closed: [],
      closedByColleague: new Set(),
      forced: new Set(),
      credentials: 'ok',
      offline: false,
    };
    // Offline, a request never reaches the server; online, this handler passes it on to the mock.
    worker.use(http.post(CLOSE, () => (real.offline ? HttpResponse.error() : undefined)));
    renderWithClient(
      <ConsoleUnderTest
        onClosed={(slot, result) => real.closed.push({ slot, ...result, serverOpen: mock.rooms.get(result.rid)?.open })}
      />,
      real.client,
    );
    const model: Model = {
      panelRid: ROOMS[0],
      panelOpen: true,
      panel: { rid: ROOMS[0], comment: '', tags: [], tagText: '' },
      second: null,
      drafts: new Map(),
    };
    campaign.sequences += 1;
    try {
      await fc.asyncModelRun(() => ({ model, real }), commands);
      // Let every attempt end (the slowest answer comes after the timeout), then check the outcome.
      onlineManager.setOnline(true);
      real.offline = false;
      await new Promise((resolve) => setTimeout(resolve, LONG_WAIT_MS));
      // Whatever left after the network returned is judged here, in the run that caused it.
      checkInvariants(model, real, performance.now());
      checkSettled(model, real);
    } finally {
      cleanup();
      onlineManager.setOnline(true);
    }
  }

  return runSequence;
}
