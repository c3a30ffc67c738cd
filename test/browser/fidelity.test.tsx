import { focusManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CloseRoomDialog } from '../../src/components/CloseRoomDialog';
import { CloseRoomForm } from '../../src/components/CloseRoomForm';
import type { CloseRoomDialogProps } from '../../src/components/CloseRoomDialog';
import type { OmnichannelClient } from '../../src/client';
import { OmnichannelProvider } from '../../src/provider';
import { mockAgent, mockAgentOwnRoomsOnly } from '../../src/testing';
import { browserClient, expectNoAxeViolations, renderWithClient, setupBrowserRocketChat } from '../helpers/browser';

// Issue #12: connected mode and the mock behave like the real server: transcript options as
// Rocket.Chat decides them, force close, races, and a room closed while the dialog is open.

const { mock, worker } = setupBrowserRocketChat();

const requests: URL[] = [];
worker.events.on('request:start', ({ request }) => requests.push(new URL(request.url)));

afterEach(() => focusManager.setFocused(undefined));

async function open(props: Partial<CloseRoomDialogProps> & { rid: string }, agent = undefined as typeof mockAgentOwnRoomsOnly | undefined) {
  requests.length = 0;
  const user = userEvent.setup();
  const onClosed = vi.fn();
  const client = agent ? browserClient({ credentials: { userId: agent.userId, authToken: agent.authToken } }) : browserClient();
  renderWithClient(<CloseRoomDialog defaultOpen onClosed={onClosed} {...props} />, client);
  const dialog = within(await screen.findByRole('dialog'));
  return { user, dialog, onClosed };
}

const settled = () => waitFor(() => expect(requests.some((url) => url.pathname === '/api/v1/licenses.info')).toBe(true));
const closeBodies = () => mock.closeRequests.map((request) => request.body);

describe('transcript options in connected mode', () => {
  it("start from the agent's preferences, with the server's subject, and say where they come from", async () => {
    mock.set({ transcriptEmailSubject: 'Your chat with ACME' });
    const { dialog } = await open({ rid: 'room-5', source: 'server' }, mockAgentOwnRoomsOnly);
    await waitFor(() => expect(dialog.getByRole('checkbox', { name: 'Send transcript to visitor' })).toBeChecked());
    const pdf = dialog.getByRole('checkbox', { name: 'Generate PDF transcript' });
    expect(pdf).toBeChecked();
    expect(pdf).toHaveAccessibleDescription('These start from your preferences (My account › Omnichannel).');
    expect(dialog.getByRole('textbox', { name: 'Email subject' })).toHaveValue('Your chat with ACME');
    expect(dialog.getByRole('textbox', { name: 'Visitor email' })).toHaveValue('priya@example.in');
    await expectNoAxeViolations();
  });

  it('are not offered without the permissions Rocket.Chat checks', async () => {
    mock.setPermission('send-omnichannel-chat-transcript', ['admin']);
    mock.setPermission('request-pdf-transcript', ['admin']);
    const { dialog } = await open({ rid: 'room-1', source: 'server' });
    await settled();
    await waitFor(() => expect(dialog.queryByRole('checkbox', { name: 'Send transcript to visitor' })).not.toBeInTheDocument());
    expect(dialog.queryByRole('checkbox', { name: 'Generate PDF transcript' })).not.toBeInTheDocument();
  });

  it('offer no PDF on a community server and no e-mail for a visitor without one', async () => {
    mock.set({ edition: 'community' });
    const { dialog } = await open({ rid: 'room-3', source: 'server' });
    await settled();
    await waitFor(() => expect(requests.some((url) => url.pathname === '/api/v1/livechat/visitors.info')).toBe(true));
    expect(dialog.queryByRole('checkbox', { name: 'Generate PDF transcript' })).not.toBeInTheDocument();
    expect(dialog.queryByRole('checkbox', { name: 'Send transcript to visitor' })).not.toBeInTheDocument();
  });

  it('say the server sends the transcript when Livechat_transcript_send_always is on', async () => {
    mock.set({ transcriptSendAlways: true });
    const { dialog } = await open({ rid: 'room-1', source: 'server' });
    expect(await dialog.findByText('Rocket.Chat emails the transcript to the visitor when the conversation closes.')).toBeVisible();
    expect(dialog.queryByRole('checkbox', { name: 'Send transcript to visitor' })).not.toBeInTheDocument();
  });

  it('promise no transcript when the server always sends one but the visitor has no e-mail', async () => {
    mock.set({ transcriptSendAlways: true });
    const { dialog } = await open({ rid: 'room-3', source: 'server' });
    await settled();
    await waitFor(() => expect(requests.some((url) => url.pathname === '/api/v1/livechat/visitors.info')).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(dialog.queryByText(/emails the transcript/)).not.toBeInTheDocument();
  });

  it('yield to explicit props', async () => {
    mock.set({ edition: 'community' });
    const { dialog } = await open({ rid: 'room-1', source: 'server', transcript: { pdf: true, email: false } });
    await settled();
    expect(dialog.getByRole('checkbox', { name: 'Generate PDF transcript' })).toBeInTheDocument();
    expect(dialog.queryByRole('checkbox', { name: 'Send transcript to visitor' })).not.toBeInTheDocument();
  });

  it('are all offered in props mode, the PDF toggle included', async () => {
    const { dialog } = await open({ rid: 'room-1' });
    expect(dialog.getByRole('checkbox', { name: 'Send transcript to visitor' })).not.toBeChecked();
    expect(dialog.getByRole('checkbox', { name: 'Generate PDF transcript' })).not.toBeChecked();
  });
});

describe('force close', () => {
  it('offers "Close anyway" after an already-closed answer where the server allows it, confirmed first', async () => {
    mock.set({ allowForceClose: true });
    // Props mode, as an agent whose list still shows the room open; the server's setting is on.
    const { user, dialog, onClosed } = await open({ rid: 'room-closed', allowForceClose: true });
    await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'Stuck open in the queue');
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('already closed'));
    expect(dialog.getByRole('alert')).toHaveTextContent('it may be stuck');
    await user.click(dialog.getByRole('button', { name: 'Close anyway' }));
    expect(dialog.getByRole('alert')).toHaveTextContent('Close this conversation again?');
    expect(dialog.getByRole('button', { name: 'Yes, close anyway' })).toHaveFocus();
    expect(dialog.getByRole('alert')).toHaveTextContent('It replaces the closing comment and tags already recorded.');
    expect(mock.closeRequests).toHaveLength(1);
    await user.click(dialog.getByRole('button', { name: 'Yes, close anyway' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(closeBodies()).toEqual([
      { rid: 'room-closed', comment: 'Stuck open in the queue' },
      { rid: 'room-closed', comment: 'Stuck open in the queue', forceClose: true },
    ]);
    expect(onClosed).toHaveBeenLastCalledWith({ rid: 'room-closed', alreadyClosed: false });
  });

  it('is not offered in a second form of a room this client just closed', async () => {
    mock.set({ allowForceClose: true });
    const user = userEvent.setup();
    renderWithClient(
      <>
        <section aria-label="first">
          <CloseRoomForm rid="room-1" allowForceClose onCancel={() => undefined} />
        </section>
        <section aria-label="second">
          <CloseRoomForm rid="room-1" allowForceClose onCancel={() => undefined} />
        </section>
      </>,
    );
    const first = within(screen.getByRole('region', { name: 'first' }));
    const second = within(screen.getByRole('region', { name: 'second' }));
    await user.type(second.getByRole('textbox', { name: /Comment/ }), 'Other values');
    await user.type(first.getByRole('textbox', { name: /Comment/ }), 'Done');
    await user.click(first.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(second.getByRole('alert')).toHaveTextContent('What you entered here was not sent.'));
    expect(second.queryByRole('button', { name: 'Close anyway' })).not.toBeInTheDocument();
    expect(mock.closeRequests).toHaveLength(1);
  });

  it('is not offered from a room read alone: a colleague’s ordinary close is not a stuck room', async () => {
    mock.set({ allowForceClose: true });
    const { dialog } = await open({ rid: 'room-closed', source: 'server' });
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('already closed'));
    await settled();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(dialog.queryByRole('button', { name: 'Close anyway' })).not.toBeInTheDocument();
  });

  it('is not offered while the server setting is off', async () => {
    const { user, dialog } = await open({ rid: 'room-closed' });
    await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'x');
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('already closed'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(dialog.queryByRole('button', { name: 'Close anyway' })).not.toBeInTheDocument();
  });

  it('explains, once, that a server before 7.3 cannot force a close', async () => {
    mock.set({ version: '7.2.0', allowForceClose: true });
    const { user, dialog } = await open({ rid: 'room-closed', allowForceClose: true });
    await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'x');
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await user.click(await dialog.findByRole('button', { name: 'Close anyway' }));
    await user.click(dialog.getByRole('button', { name: 'Yes, close anyway' }));
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('This Rocket.Chat server (before 7.3) can’t force a close.'));
    expect(dialog.queryByRole('button', { name: /Close anyway|Try again|Close conversation/ })).not.toBeInTheDocument();
    expect(mock.closeRequests).toHaveLength(2);
    await expectNoAxeViolations();
  });
});

describe('races and rooms closed elsewhere', () => {
  it('reports a retry after a lost race that finds the room closed as closed, not as a failure', async () => {
    mock.set({ failure: 'conflict' });
    const { user, dialog, onClosed } = await open({ rid: 'room-1' });
    await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'Done');
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('Rocket.Chat was busy with this conversation'));
    // The race's winner closed the room meanwhile.
    mock.set({ failure: 'none' });
    const room = mock.rooms.get('room-1');
    if (room) room.open = false;
    await user.click(dialog.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('This conversation is closed.'));
    expect(dialog.getByRole('alert').firstElementChild).toHaveAttribute('data-kind', 'closed');
    expect(onClosed).toHaveBeenCalledWith({ rid: 'room-1', alreadyClosed: true });
  });

  it('announces a room closed by a colleague while the dialog is open, before the agent submits', async () => {
    const { user, dialog, onClosed } = await open({ rid: 'room-1', source: 'server', refreshMs: 1000 });
    await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'Almost done');
    const room = mock.rooms.get('room-1');
    if (room) room.open = false;
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('already closed'), { timeout: 3000 });
    expect(onClosed).toHaveBeenCalledWith({ rid: 'room-1', alreadyClosed: true });
    expect(mock.closeRequests).toHaveLength(0);
  });

  it('does not take focus from the field the agent is typing in when the room turns out closed', async () => {
    const { user, dialog } = await open({ rid: 'room-1', source: 'server', refreshMs: 1000 });
    const comment = dialog.getByRole('textbox', { name: /Comment/ });
    await user.click(comment);
    const room = mock.rooms.get('room-1');
    if (room) room.open = false;
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('already closed'), { timeout: 3000 });
    expect(comment).toHaveFocus();
    // The next keys go on into the comment, not to Dismiss: the dialog stays.
    await user.keyboard(' and done{Enter}');
    expect(comment).toHaveValue(' and done\n');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('lifts the tag dead end while open once an administrator adds closing tags', async () => {
    const { dialog } = await open({ rid: 'room-legal', source: 'server', refreshMs: 1000 });
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('requires a tag'));
    const legal = mock.departments.get('dept-legal');
    if (legal) mock.departments.set('dept-legal', { ...legal, chatClosingTags: ['contract'] });
    await waitFor(() => expect(dialog.getByRole('alert')).toBeEmptyDOMElement(), { timeout: 3000 });
    expect(dialog.getByRole('button', { name: 'Close conversation' })).not.toHaveAttribute('aria-disabled');
  });

  it('reports a retry after a timeout that finds the room closed as this close, not a colleague’s', async () => {
    mock.set({ delayMs: 400 });
    const user = userEvent.setup();
    const onClosed = vi.fn();
    renderWithClient(<CloseRoomDialog rid="room-1" defaultOpen onClosed={onClosed} />, browserClient({ timeoutMs: 200 }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'Done');
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('did not answer in time'));
    await waitFor(() => expect(mock.rooms.get('room-1')?.open).toBe(false));
    mock.set({ delayMs: 0 });
    await user.click(dialog.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('This conversation is closed.'));
    expect(dialog.getByRole('alert')).not.toHaveTextContent('colleague');
  });

  it('does not read the room while the page is hidden, and reads it again on focus', async () => {
    const { dialog } = await open({ rid: 'room-1', source: 'server', refreshMs: 1000 });
    await settled();
    focusManager.setFocused(false);
    const room = mock.rooms.get('room-1');
    if (room) room.open = false;
    const before = requests.filter((url) => url.pathname === '/api/v1/rooms.info').length;
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(requests.filter((url) => url.pathname === '/api/v1/rooms.info')).toHaveLength(before);
    expect(dialog.getByRole('alert')).toBeEmptyDOMElement();
    focusManager.setFocused(true);
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('already closed'));
  });
});

describe("the agent's transcript preferences are only where the boxes start (#13 review)", () => {
  it('keeps a preference-ticked box unticked once the agent unticks it, and sends no transcript', async () => {
    const carla = browserClient({ credentials: { userId: mockAgentOwnRoomsOnly.userId, authToken: mockAgentOwnRoomsOnly.authToken } });
    const user = userEvent.setup();
    renderWithClient(<CloseRoomDialog rid="room-5" source="server" defaultOpen />, carla);
    const dialog = within(await screen.findByRole('dialog'));
    const email = await dialog.findByRole('checkbox', { name: 'Send transcript to visitor' });
    const pdf = dialog.getByRole('checkbox', { name: 'Generate PDF transcript' });
    await waitFor(() => expect(email).toBeChecked());
    expect(pdf).toBeChecked();
    await user.click(email);
    await user.click(pdf);
    expect(email).not.toBeChecked();
    expect(pdf).not.toBeChecked();
    // Re-renders (a refused submit, the reads settling) leave the agent's choice alone.
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(email).not.toBeChecked();
    expect(pdf).not.toBeChecked();
    await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'Sorted out');
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(closeBodies()).toHaveLength(1));
    expect(closeBodies()[0]).toEqual({ rid: 'room-5', comment: 'Sorted out' });
  });
});

describe('one QueryClient, several agents (hostile review)', () => {
  function Console({ client, queryClient, rid }: { client: OmnichannelClient; queryClient: QueryClient; rid: string }) {
    return (
      <QueryClientProvider client={queryClient}>
        <OmnichannelProvider client={client}>
          <CloseRoomDialog rid={rid} source="server" defaultOpen />
        </OmnichannelProvider>
      </QueryClientProvider>
    );
  }

  it("never offers one agent's preferences to the next agent's client", async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const carla = browserClient({ credentials: { userId: mockAgentOwnRoomsOnly.userId, authToken: mockAgentOwnRoomsOnly.authToken } });
    const first = render(<Console client={carla} queryClient={queryClient} rid="room-5" />);
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Generate PDF transcript' })).toBeChecked());
    first.unmount();
    render(<Console client={browserClient()} queryClient={queryClient} rid="room-1" />);
    const dialog = within(await screen.findByRole('dialog'));
    await waitFor(() => expect(dialog.getByRole('checkbox', { name: 'Generate PDF transcript' })).toBeInTheDocument());
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(dialog.getByRole('checkbox', { name: 'Generate PDF transcript' })).not.toBeChecked();
    expect(dialog.getByRole('checkbox', { name: 'Send transcript to visitor' })).not.toBeChecked();
  });

  it('reads the agent afresh when one client’s credentials switch users', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let session = { userId: mockAgentOwnRoomsOnly.userId, authToken: mockAgentOwnRoomsOnly.authToken };
    const client = browserClient({ credentials: () => session });
    const first = render(<Console client={client} queryClient={queryClient} rid="room-5" />);
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Generate PDF transcript' })).toBeChecked());
    first.unmount();
    session = { userId: mockAgent.userId, authToken: mockAgent.authToken };
    render(<Console client={client} queryClient={queryClient} rid="room-1" />);
    const dialog = within(await screen.findByRole('dialog'));
    await waitFor(() => expect(dialog.getByRole('checkbox', { name: 'Generate PDF transcript' })).toBeInTheDocument());
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(dialog.getByRole('checkbox', { name: 'Generate PDF transcript' })).not.toBeChecked();
  });
});

describe('rate limits are per agent, not per room (hostile review of #11.7)', () => {
  it('holds a moment after a 429 that names no wait', async () => {
    worker.use(http.post('*/api/v1/livechat/room.closeByUser', () => HttpResponse.html('<html>Too Many Requests</html>', { status: 429 })));
    const { user, dialog } = await open({ rid: 'room-1' });
    await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'Done');
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('Wait a moment, then try again.'));
    const again = dialog.getByRole('button', { name: /^Try again in \d+ seconds$/ });
    expect(again).toHaveAttribute('aria-disabled', 'true');
    await user.click(again);
    await user.click(again);
    expect(requests.filter((url) => url.pathname === '/api/v1/livechat/room.closeByUser')).toHaveLength(1);
  });

  it("holds the server's wait for every room of the agent, in a side panel moving between rooms", async () => {
    mock.set({ rateLimit: { calls: 1, windowMs: 60_000 } });
    const user = userEvent.setup();
    const client = browserClient();
    const view = renderWithClient(<CloseRoomForm rid="room-1" />, client);
    await user.type(screen.getByRole('textbox', { name: /Comment/ }), 'First');
    await user.click(screen.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(mock.rooms.get('room-1')?.open).toBe(false));
    view.rerender(<CloseRoomForm rid="room-3" />);
    await user.type(screen.getByRole('textbox', { name: /Comment/ }), 'Second');
    await user.click(screen.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Too many requests'));
    view.rerender(<CloseRoomForm rid="room-4" />);
    const submit = screen.getByRole('button', { name: /^Try again in / });
    expect(submit).toHaveAttribute('aria-disabled', 'true');
    await user.type(screen.getByRole('textbox', { name: /Comment/ }), 'Third');
    await user.click(submit);
    expect(mock.closeRequests).toHaveLength(2);
  });
});
