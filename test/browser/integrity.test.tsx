import { onlineManager } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeRoom, isCloseRoomError } from '../../src/client';
import { CloseRoomDialog } from '../../src/components/CloseRoomDialog';
import { CloseRoomForm } from '../../src/components/CloseRoomForm';
import type { CloseRoomFormProps } from '../../src/components/CloseRoomForm';
import { closeRoomOnce } from '../../src/query';
import { mockAgent } from '../../src/testing';
import { browserClient, renderWithClient, setupBrowserRocketChat } from '../helpers/browser';
import type { Queries } from '../helpers/browser';

// Issue #11: the right note reaches the right room, once, or the agent is told, and nothing hangs.
// Each test here failed on 0.1 and reproduces a defect found from outside.

const { mock } = setupBrowserRocketChat({ requireComment: false });
const sentBodies = () => mock.closeRequests.map((request) => request.body);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => onlineManager.setOnline(true));

/** The README's side-panel pattern: the form follows the selected conversation. */
function SidePanel(props: Partial<CloseRoomFormProps> & { first?: string }) {
  const [rid, setRid] = useState(props.first ?? 'room-3');
  return (
    <>
      <nav aria-label="Conversations">
        <button type="button" onClick={() => setRid('room-1')}>
          Maria
        </button>
        <button type="button" onClick={() => setRid('room-3')}>
          João
        </button>
      </nav>
      <aside aria-label="Wrap up">
        <CloseRoomForm {...props} rid={rid} />
      </aside>
    </>
  );
}

const panel = () => within(screen.getByRole('complementary', { name: 'Wrap up' }));
const comment = (scope: Queries = panel()) => scope.getByRole('textbox', { name: /^Comment/ });

describe('defect 1: rid changes, state stays', () => {
  it('keeps each room its own values and drafts, and sends a note only to the room it was written for', async () => {
    const user = userEvent.setup();
    renderWithClient(<SidePanel tagSuggestions={['refund']} />);
    await user.type(comment(), 'Note about João');
    await user.click(screen.getByRole('button', { name: 'Maria' }));
    expect(comment()).toHaveValue('');
    await user.type(comment(), 'Note about Maria');
    await user.type(panel().getByRole('combobox', { name: /^Tags/ }), 'refund{Enter}');
    await user.click(screen.getByRole('button', { name: 'João' }));
    expect(comment()).toHaveValue('Note about João');
    expect(panel().queryByRole('list', { name: 'Selected tags' })).not.toBeInTheDocument();
    await user.click(panel().getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(sentBodies()).toHaveLength(1));
    expect(sentBodies()).toEqual([{ rid: 'room-3', comment: 'Note about João' }]);
    await user.click(screen.getByRole('button', { name: 'Maria' }));
    expect(comment()).toHaveValue('Note about Maria');
    expect(panel().getByRole('list', { name: 'Selected tags' })).toHaveTextContent('refund');
  });

  it('keeps a pending close with its room: the next room is not "Closing…", and its answer lands on its own room', async () => {
    mock.set({ delayMs: 400 });
    const onClosed = vi.fn();
    const user = userEvent.setup();
    renderWithClient(<SidePanel first="room-1" onClosed={onClosed} />);
    await user.type(comment(), 'Maria is done');
    await user.click(panel().getByRole('button', { name: 'Close conversation' }));
    expect(panel().getByRole('button', { name: 'Closing…' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'João' }));
    expect(panel().getByRole('button', { name: 'Close conversation' })).not.toHaveAttribute('aria-disabled');
    await user.type(comment(), 'João too');
    await user.click(panel().getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(onClosed).toHaveBeenCalledTimes(2), { timeout: 3000 });
    expect(onClosed.mock.calls).toEqual([[{ rid: 'room-1', alreadyClosed: false }], [{ rid: 'room-3', alreadyClosed: false }]]);
    expect(sentBodies()).toEqual([
      { rid: 'room-1', comment: 'Maria is done' },
      { rid: 'room-3', comment: 'João too' },
    ]);
  });

  it('shows a room its own pending close again when the agent comes back to it, and reports the close once', async () => {
    // 1.5 s: both room switches land while the close is pending, even on a loaded machine.
    mock.set({ delayMs: 1500 });
    const onClosed = vi.fn();
    const user = userEvent.setup();
    renderWithClient(<SidePanel first="room-1" onClosed={onClosed} />);
    await user.type(comment(), 'Maria is done');
    await user.click(panel().getByRole('button', { name: 'Close conversation' }));
    await user.click(screen.getByRole('button', { name: 'João' }));
    await user.click(screen.getByRole('button', { name: 'Maria' }));
    expect(panel().getByRole('button', { name: 'Closing…' })).toHaveAttribute('aria-disabled', 'true');
    // The agent's own close, not a colleague's.
    await waitFor(() => expect(panel().getByRole('alert')).toHaveTextContent('This conversation is closed.'), { timeout: 5000 });
    expect(onClosed).toHaveBeenCalledExactlyOnceWith({ rid: 'room-1', alreadyClosed: false });
    expect(sentBodies()).toHaveLength(1);
  });

  it('reports the agent’s own close once when the room is opened again after it closed (hostile review)', async () => {
    mock.set({ delayMs: 300 });
    const onClosed = vi.fn();
    const user = userEvent.setup();
    renderWithClient(<SidePanel onClosed={onClosed} />);
    await user.type(comment(), 'J');
    await user.click(panel().getByRole('button', { name: 'Close conversation' }));
    await user.click(screen.getByRole('button', { name: 'Maria' }));
    await wait(600);
    await user.click(screen.getByRole('button', { name: 'João' }));
    expect(panel().getByRole('alert')).toHaveTextContent('This conversation is closed.');
    expect(onClosed).toHaveBeenCalledExactlyOnceWith({ rid: 'room-3', alreadyClosed: false });
  });

  it('keeps what was typed while "Closing…" out of reach: the fields are read-only (hostile review)', async () => {
    // The answer takes 2 s, so the typing below lands while the close is pending even on a loaded
    // machine (with 400 ms, a CI run saw the close answered before the tag was typed).
    mock.set({ delayMs: 2000 });
    const user = userEvent.setup();
    renderWithClient(<SidePanel first="room-1" tagSuggestions={['escalation']} />);
    await user.type(comment(), 'Refund');
    await user.click(panel().getByRole('button', { name: 'Close conversation' }));
    expect(comment()).toHaveAttribute('readonly');
    await user.type(comment(), ' issued');
    await user.type(panel().getByRole('combobox', { name: /^Tags/ }), 'escalation{Enter}');
    expect(comment()).toHaveValue('Refund');
    expect(panel().queryByRole('list', { name: 'Selected tags' })).not.toBeInTheDocument();
    await waitFor(() => expect(panel().getByRole('alert')).toHaveTextContent('This conversation is closed.'), { timeout: 5000 });
    expect(sentBodies()).toEqual([{ rid: 'room-1', comment: 'Refund' }]);
  });

  it('without onCancel, a final state offers no dead Dismiss button and puts focus on its message (hostile review)', async () => {
    const user = userEvent.setup();
    renderWithClient(<SidePanel first="room-1" />);
    const room = mock.rooms.get('room-1');
    if (room) room.open = false; // closed by a colleague
    await user.click(panel().getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(panel().getByRole('alert')).toHaveTextContent('already closed'));
    expect(panel().queryByRole('button', { name: 'Dismiss' })).not.toBeInTheDocument();
    expect(panel().getByText(/already closed/)).toHaveFocus();
  });

  it('does not show one room’s failure on another room', async () => {
    mock.set({ roomFailures: { 'room-1': 'server-error' } });
    const user = userEvent.setup();
    renderWithClient(<SidePanel first="room-1" />);
    await user.click(panel().getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(panel().getByRole('alert')).toHaveTextContent('Rocket.Chat had a problem'));
    await user.click(screen.getByRole('button', { name: 'João' }));
    expect(panel().getByRole('alert')).toBeEmptyDOMElement();
    expect(panel().getByRole('button', { name: 'Close conversation' })).toBeInTheDocument();
  });

  it('in a dialog, the answer for the previous room does not close the dialog of the next one', async () => {
    mock.set({ delayMs: 400 });
    const onClosed = vi.fn();
    const user = userEvent.setup();
    function Console() {
      const [rid, setRid] = useState('room-1');
      return (
        <>
          <button type="button" onClick={() => setRid('room-3')}>
            Next conversation
          </button>
          <CloseRoomDialog rid={rid} defaultOpen onClosed={onClosed} />
        </>
      );
    }
    renderWithClient(<Console />);
    const dialog = await screen.findByRole('dialog', { name: 'Wrap up conversation' });
    await user.click(within(dialog).getByRole('button', { name: 'Close conversation' }));
    // The host switches rooms while the close is pending (a keyboard shortcut, a new chat).
    screen.getByRole('button', { name: 'Next conversation', hidden: true }).click();
    await waitFor(() => expect(onClosed).toHaveBeenCalledWith({ rid: 'room-1', alreadyClosed: false }), { timeout: 3000 });
    await wait(50);
    expect(screen.getByRole('dialog', { name: 'Wrap up conversation' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Close conversation' })).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toBeEmptyDOMElement();
  });
});

/** Two panels with a form each for room-1, each with its own onClosed. */
function renderTwoForms() {
  const first = vi.fn();
  const second = vi.fn();
  renderWithClient(
    <>
      <section aria-label="Panel one">
        <CloseRoomForm rid="room-1" onClosed={first} />
      </section>
      <section aria-label="Panel two">
        <CloseRoomForm rid="room-1" onClosed={second} />
      </section>
    </>,
  );
  const one = within(screen.getByRole('region', { name: 'Panel one' }));
  const two = within(screen.getByRole('region', { name: 'Panel two' }));
  return { first, second, one, two };
}

describe('defect 2: two forms, one room', () => {
  it('tells a second form’s host that the room closed, when that form held nothing (hostile review)', async () => {
    mock.set({ delayMs: 200 });
    const { first, second, one } = renderTwoForms();
    const user = userEvent.setup();
    await user.click(one.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(second).toHaveBeenCalledExactlyOnceWith({ rid: 'room-1', alreadyClosed: true }), { timeout: 3000 });
    expect(first).toHaveBeenCalledExactlyOnceWith({ rid: 'room-1', alreadyClosed: false });
  });

  it('never reports values that were not sent as closed, and keeps them on screen', async () => {
    mock.set({ delayMs: 400 });
    const { first, second, one, two } = renderTwoForms();
    const user = userEvent.setup();
    await user.type(comment(one), 'First note');
    await user.type(comment(two), 'Second note');
    await user.click(one.getByRole('button', { name: 'Close conversation' }));
    // The other form shows the room's pending close and sends nothing.
    await user.click(two.getByRole('button', { name: 'Closing…' }));
    await waitFor(() => expect(first).toHaveBeenCalledWith({ rid: 'room-1', alreadyClosed: false }), { timeout: 3000 });
    await waitFor(() => expect(two.getByRole('alert')).toHaveTextContent('What you entered here was not sent'));
    expect(comment(two)).toHaveValue('Second note');
    expect(second).toHaveBeenCalledExactlyOnceWith({ rid: 'room-1', alreadyClosed: true });
    expect(first).toHaveBeenCalledOnce();
    expect(sentBodies()).toEqual([{ rid: 'room-1', comment: 'First note' }]);
  });

  it('closeRoomOnce joins the same body and refuses other values while a close is in flight', async () => {
    mock.set({ delayMs: 200 });
    const client = browserClient();
    const body = { rid: 'room-1', comment: 'A' };
    const firstClose = closeRoomOnce(client, body);
    const same = closeRoomOnce(client, { comment: 'A', rid: 'room-1' });
    const other = closeRoomOnce(client, { rid: 'room-1', comment: 'B' });
    await expect(other).rejects.toSatisfy((error) => isCloseRoomError(error, 'conflict'));
    await expect(Promise.all([firstClose, same])).resolves.toEqual([undefined, undefined]);
    expect(sentBodies()).toEqual([body]);
  });
});

describe('a joined close and abandoning (hostile review)', () => {
  const slowClient = () =>
    browserClient({
      credentials: () => new Promise((resolve) => setTimeout(() => resolve({ userId: mockAgent.userId, authToken: mockAgent.authToken }), 150)),
    });

  it('is still sent when the caller that started it abandons it but a joined caller does not', async () => {
    const client = slowClient();
    const first = new AbortController();
    const started = closeRoomOnce(client, { rid: 'room-1', comment: 'x' }, { abandonSignal: first.signal });
    const joined = closeRoomOnce(client, { rid: 'room-1', comment: 'x' });
    first.abort();
    await expect(Promise.all([started, joined])).resolves.toEqual([undefined, undefined]);
    expect(sentBodies()).toEqual([{ rid: 'room-1', comment: 'x' }]);
  });

  it('is abandoned, and nothing sent, once every caller abandoned it', async () => {
    const client = slowClient();
    const one = new AbortController();
    const two = new AbortController();
    const first = closeRoomOnce(client, { rid: 'room-3' }, { abandonSignal: one.signal });
    const second = closeRoomOnce(client, { rid: 'room-3' }, { abandonSignal: two.signal });
    one.abort();
    two.abort();
    await expect(first).rejects.toThrow();
    await expect(second).rejects.toThrow();
    await wait(250);
    expect(sentBodies()).toEqual([]);
  });
});

describe('defect 3: credentials that never settle', () => {
  it('ends the attempt as a timeout, sends nothing late, and lets the next attempt close the room', async () => {
    let calls = 0;
    const client = browserClient({
      timeoutMs: 300,
      credentials: () => (calls++ === 0 ? new Promise(() => undefined) : { userId: mockAgent.userId, authToken: mockAgent.authToken }),
    });
    const onClosed = vi.fn();
    const user = userEvent.setup();
    renderWithClient(<CloseRoomForm rid="room-1" onClosed={onClosed} />, client);
    await user.type(comment(screen), 'Hung once');
    await user.click(screen.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Rocket.Chat did not answer in time'));
    expect(sentBodies()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onClosed).toHaveBeenCalledWith({ rid: 'room-1', alreadyClosed: false }));
    expect(sentBodies()).toEqual([{ rid: 'room-1', comment: 'Hung once' }]);
  });
});

describe('defect 4: offline', () => {
  it('says "could not be reached" at once, and nothing leaves when the network returns', async () => {
    onlineManager.setOnline(false);
    mock.set({ failure: 'network' });
    const onError = vi.fn();
    const user = userEvent.setup();
    renderWithClient(<CloseRoomForm rid="room-1" onError={onError} />);
    await user.type(screen.getByRole('textbox', { name: /^Comment/ }), 'Offline note');
    await user.click(screen.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Rocket.Chat could not be reached'), { timeout: 1000 });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'network' }));
    const before = mock.closeRequests.length;
    mock.set({ failure: 'none' });
    onlineManager.setOnline(true);
    await wait(300);
    expect(mock.closeRequests).toHaveLength(before);
    expect(mock.rooms.get('room-1')?.open).toBe(true);
    expect(screen.getByRole('textbox', { name: /^Comment/ })).toHaveValue('Offline note');
  });
});

describe('defect 7: after a 429', () => {
  it('counts the server’s wait down on a disabled button and sends nothing until it is over', async () => {
    mock.set({ failure: 'rate-limited', rateLimitSeconds: 2 });
    const user = userEvent.setup();
    renderWithClient(<CloseRoomForm rid="room-1" />);
    await user.click(screen.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Too many requests. Wait 2 seconds, then try again.'));
    const button = screen.getByRole('button', { name: /^Try again in/ });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleName('Try again in 2 seconds');
    await user.click(button);
    await user.click(button);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(mock.closeRequests).toHaveLength(1);
    mock.set({ failure: 'none' });
    await waitFor(() => expect(screen.getByRole('button', { name: /Try again in 1 second$/ })).toBeInTheDocument(), { timeout: 2500 });
    const again = await screen.findByRole('button', { name: 'Try again' }, { timeout: 2500 });
    expect(again).not.toHaveAttribute('aria-disabled');
    await user.click(again);
    await waitFor(() => expect(mock.rooms.get('room-1')?.open).toBe(false));
    expect(mock.closeRequests).toHaveLength(2);
  });

  it.each([
    [0, 'Too many requests were sent. You can try again now.', 'Try again'],
    [1, 'Too many requests. Wait 1 second, then try again.', /Try again in 1 second$/],
    [59, 'Too many requests. Wait 59 seconds, then try again.', /Try again in 59 seconds$/],
    [61, 'Too many requests. Wait 2 minutes, then try again.', /Try again in 2 minutes$/],
    [3599, 'Too many requests. Wait 60 minutes, then try again.', /Try again in 60 minutes$/],
    [3600, 'Too many requests. Wait 1 hour, then try again.', /Try again in 1 hour$/],
    [86_400, 'Too many requests. Wait 24 hours, then try again.', /Try again in 24 hours$/],
  ])('words a wait of %i seconds right', async (seconds, text, button) => {
    mock.set({ failure: 'rate-limited', rateLimitSeconds: seconds });
    const user = userEvent.setup();
    renderWithClient(<CloseRoomForm rid="room-1" />);
    await user.click(screen.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(text));
    expect(screen.getByRole('button', { name: button })).toBeInTheDocument();
  });
});

describe('defect 9: focus without a trigger', () => {
  function HostOpened({ rid = 'room-1' }: { rid?: string }) {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          Wrap up Maria
        </button>
        <CloseRoomDialog rid={rid} open={open} onOpenChange={setOpen} />
      </>
    );
  }

  it.each([
    ['Escape', async (user: ReturnType<typeof userEvent.setup>) => user.keyboard('{Escape}')],
    ['Cancel', async (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Cancel' }))],
    [
      'a successful close',
      async (user: ReturnType<typeof userEvent.setup>) => {
        await user.click(screen.getByRole('button', { name: 'Close conversation' }));
        await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      },
    ],
    [
      'Dismiss, when the room was closed already',
      async (user: ReturnType<typeof userEvent.setup>) => {
        await user.click(screen.getByRole('button', { name: 'Close conversation' }));
        await user.click(await screen.findByRole('button', { name: 'Dismiss' }));
      },
    ],
    [
      'a click outside',
      // The backdrop has no role (it is aria-hidden): the one place a class name is the handle.
      async (user: ReturnType<typeof userEvent.setup>) => user.click(document.querySelector('.rcou-overlay') ?? document.body),
    ],
  ])('returns focus to the host’s button after %s', async (how, close) => {
    const user = userEvent.setup();
    renderWithClient(<HostOpened rid={how.startsWith('Dismiss') ? 'room-closed' : 'room-1'} />);
    await user.click(screen.getByRole('button', { name: 'Wrap up Maria' }));
    await screen.findByRole('dialog', { name: 'Wrap up conversation' });
    await close(user);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Wrap up Maria' })).toHaveFocus());
  });
});

describe('the headless closeRoom after these fixes', () => {
  it('still sends exactly one body per call', async () => {
    await closeRoom(browserClient(), { rid: 'room-4', comment: 'Solo' });
    expect(sentBodies()).toEqual([{ rid: 'room-4', comment: 'Solo' }]);
  });
});
