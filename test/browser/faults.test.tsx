import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloseRoomDialog } from '../../src/components/CloseRoomDialog';
import type { CloseRoomDialogProps } from '../../src/components/CloseRoomDialog';
import type { OmnichannelClientOptions } from '../../src/client';
import type { MockFailure } from '../../src/testing';
import { browserClient, renderWithClient, setupBrowserRocketChat } from '../helpers/browser';
import type { Queries } from '../helpers/browser';

// Issue #7: every fault through the real client and the mock server. For each, the agent reads
// the right message, every value they entered is still there, and nothing leaks to the console
// or as an unhandled rejection.

const { mock, worker } = setupBrowserRocketChat();
const CLOSE = '*/api/v1/livechat/room.closeByUser';
const html = (status: number) => () => HttpResponse.html(`<html><body><h1>${status}</h1><p>nginx</p></body></html>`, { status });

let consoleError: ReturnType<typeof vi.spyOn>;
let consoleWarn: ReturnType<typeof vi.spyOn>;
let rejections: unknown[];
const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);

beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
  consoleWarn = vi.spyOn(console, 'warn');
  rejections = [];
  window.addEventListener('unhandledrejection', onRejection);
});

afterEach(async () => {
  // Let any stray rejection surface before judging.
  await new Promise((resolve) => setTimeout(resolve, 50));
  window.removeEventListener('unhandledrejection', onRejection);
  expect(rejections).toEqual([]);
  expect(consoleError).not.toHaveBeenCalled();
  expect(consoleWarn).not.toHaveBeenCalled();
});

async function fillEverything(props: Partial<CloseRoomDialogProps> = {}, client: Partial<OmnichannelClientOptions> = {}) {
  const user = userEvent.setup();
  const rendered = renderWithClient(
    <CloseRoomDialog rid="room-1" defaultOpen transcript={{ email: true, pdf: true }} {...props} />,
    browserClient(client),
  );
  const dialog = within(await screen.findByRole('dialog'));
  await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'Kept after the fault');
  await user.type(dialog.getByRole('combobox', { name: /Tags/ }), 'vip{Enter}');
  await user.click(dialog.getByRole('checkbox', { name: 'Send transcript to visitor' }));
  await user.clear(dialog.getByRole('textbox', { name: 'Visitor email' }));
  await user.type(dialog.getByRole('textbox', { name: 'Visitor email' }), 'maria@example.com');
  await user.click(dialog.getByRole('checkbox', { name: 'Generate PDF transcript' }));
  return { user, dialog, ...rendered };
}

function expectEverythingKept(dialog: Queries) {
  expect(dialog.getByRole('textbox', { name: /Comment/ })).toHaveValue('Kept after the fault');
  expect(dialog.getByRole('list', { name: 'Selected tags' })).toHaveTextContent('vip');
  expect(dialog.getByRole('checkbox', { name: 'Send transcript to visitor' })).toBeChecked();
  expect(dialog.getByRole('textbox', { name: 'Visitor email' })).toHaveValue('maria@example.com');
  expect(dialog.getByRole('textbox', { name: 'Email subject' })).toHaveValue('Transcript of your livechat conversation');
  expect(dialog.getByRole('checkbox', { name: 'Generate PDF transcript' })).toBeChecked();
}

interface Fault {
  fault: string;
  message: string | RegExp;
  failure?: MockFailure;
  handler?: () => Response | Promise<Response>;
  client?: Partial<OmnichannelClientOptions>;
  setup?: () => void;
}

const faults: Fault[] = [
  { fault: 'network down', failure: 'network', message: 'Rocket.Chat could not be reached' },
  { fault: 'timeout', failure: 'hang', client: { timeoutMs: 150 }, message: 'Rocket.Chat did not answer in time' },
  { fault: '500 with an HTML body', handler: html(500), message: 'Rocket.Chat had a problem closing the conversation' },
  { fault: '502 with an HTML body', failure: 'bad-gateway-html', message: 'Rocket.Chat had a problem closing the conversation' },
  { fault: '503 with an HTML body', failure: 'unavailable-html', message: 'Rocket.Chat had a problem closing the conversation' },
  { fault: 'a 200 whose body is not JSON', failure: 'non-json-success', message: 'Rocket.Chat had a problem closing the conversation' },
  { fault: 'a truncated JSON body', failure: 'truncated-json', message: 'Rocket.Chat had a problem closing the conversation' },
  { fault: '429 with the wait time', failure: 'rate-limited', message: 'Too many requests. Wait 12 seconds, then try again.' },
  { fault: '401, current servers', client: { credentials: { userId: 'agent-ana', authToken: 'expired' } }, message: 'Your session has expired' },
  {
    fault: '401, older servers',
    client: { credentials: { userId: 'agent-ana', authToken: 'expired' } },
    setup: () => mock.set({ unauthorizedShape: 'legacy' }),
    message: 'Your session has expired',
  },
  {
    fault: 'a credentials function that throws',
    client: {
      credentials: () => {
        throw new Error('token store locked');
      },
    },
    message: 'Your session has expired',
  },
  { fault: 'a credentials function that rejects', client: { credentials: () => Promise.reject(new Error('refresh failed')) }, message: 'Your session has expired' },
];

describe('faults', () => {
  it.each(faults)('$fault: says so and keeps every value', async ({ failure, handler, client, setup, message }) => {
    setup?.();
    if (failure) mock.set({ failure });
    if (handler) worker.use(http.post(CLOSE, handler));
    const { user, dialog } = await fillEverything({}, client);
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent(message));
    expectEverythingKept(dialog);
  });

  it('the room closed by someone else between opening and submitting: says so, onClosed once', async () => {
    const onClosed = vi.fn();
    const { user, dialog } = await fillEverything({ onClosed });
    const room = mock.rooms.get('room-1');
    if (room) room.open = false; // a colleague closed it meanwhile
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('This conversation is already closed'));
    expectEverythingKept(dialog);
    expect(onClosed).toHaveBeenCalledExactlyOnceWith({ rid: 'room-1', alreadyClosed: true });
  });

  it('a slow answer after the dialog was closed: onClosed fires exactly once', async () => {
    mock.set({ delayMs: 300 });
    const onClosed = vi.fn();
    const { user, dialog } = await fillEverything({ onClosed });
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(onClosed).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(onClosed).toHaveBeenCalledExactlyOnceWith({ rid: 'room-1', alreadyClosed: false });
    expect(mock.rooms.get('room-1')?.open).toBe(false);
  });

  it('a slow answer after the component unmounted: onClosed fires exactly once, no error', async () => {
    mock.set({ delayMs: 300 });
    const onClosed = vi.fn();
    const { user, dialog, unmount } = await fillEverything({ onClosed });
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    unmount();
    await waitFor(() => expect(onClosed).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(onClosed).toHaveBeenCalledTimes(1);
  });

  it('a slow failure after unmount: no error, nothing shown', async () => {
    mock.set({ delayMs: 200, failure: 'server-error' });
    const onError = vi.fn();
    const { user, dialog, unmount } = await fillEverything({ onError });
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    unmount();
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
  });
});

describe('exactly one POST', () => {
  beforeEach(() => mock.set({ delayMs: 300 }));

  it('on a double click', async () => {
    const { user, dialog } = await fillEverything();
    await user.dblClick(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(mock.closeRequests).toHaveLength(1);
  });

  it('with Enter held down in a field', async () => {
    const { user, dialog } = await fillEverything();
    await user.click(dialog.getByRole('textbox', { name: 'Visitor email' }));
    await user.keyboard('{Enter>12}{/Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(mock.closeRequests).toHaveLength(1);
  });

  it('with Enter held down in the tag input (adds once, never submits)', async () => {
    const { user, dialog } = await fillEverything();
    await user.type(dialog.getByRole('combobox', { name: /Tags/ }), 'urgent{Enter>8}{/Enter}');
    expect(within(dialog.getByRole('list', { name: 'Selected tags' })).getAllByRole('listitem')).toHaveLength(2);
    expect(mock.closeRequests).toHaveLength(0);
  });

  it('with Ctrl+Enter pressed again and again while pending', async () => {
    const { user, dialog } = await fillEverything();
    dialog.getByRole('textbox', { name: /Comment/ }).focus();
    await user.keyboard('{Control>}{Enter}{Enter}{Enter}{/Control}');
    await user.click(dialog.getByRole('button', { name: 'Closing…' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(mock.closeRequests).toHaveLength(1);
  });
});
