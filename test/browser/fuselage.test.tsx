import '@rocket.chat/fuselage/dist/fuselage.css';
import '@rocket.chat/icons/dist/rocketchat.css';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FuselageCloseRoomModal } from '../../examples/fuselage/FuselageCloseRoomModal';
import type { FuselageCloseRoomModalProps } from '../../examples/fuselage/FuselageCloseRoomModal';
import { FuselageModalRegion } from '../../examples/fuselage/FuselageModalRegion';
import source from '../../examples/fuselage/FuselageCloseRoomModal.tsx?raw';
import type { OmnichannelClientOptions } from '../../src/client';
import { createMockRooms, mockAgent, mockAgentOwnRoomsOnly, mockAgentWithoutPermission } from '../../src/testing';
import type { MockFailure, MockRoom } from '../../src/testing';
import { browserClient, expectNoAxeViolations, renderWithClient, setupBrowserRocketChat } from '../helpers/browser';

// Issue #13: the whole close flow in Rocket.Chat's design system, with the headless hook and no
// component of this package. Every outcome of the contract, as the agent sees it.

const failing: [string, MockFailure][] = [
  ['room-network', 'network'],
  ['room-hang', 'hang'],
  ['room-500', 'server-error'],
  ['room-502', 'bad-gateway-html'],
  ['room-429', 'rate-limited'],
];
const rooms: MockRoom[] = [...createMockRooms(), ...failing.map(([rid]) => ({ ...createMockRooms()[0], _id: rid }) as MockRoom)];
const { mock } = setupBrowserRocketChat({ rooms, roomFailures: Object.fromEntries(failing), rateLimitSeconds: 2 });

function open(options: Partial<FuselageCloseRoomModalProps> = {}, client: Partial<OmnichannelClientOptions> = {}) {
  const onDismiss = vi.fn();
  const onClosed = vi.fn();
  const user = userEvent.setup();
  const rid = options.rid ?? 'room-1';
  renderWithClient(
    <FuselageModalRegion onDismiss={onDismiss}>
      <FuselageCloseRoomModal key={rid} rid={rid} onClosed={onClosed} onCancel={onDismiss} {...options} />
    </FuselageModalRegion>,
    browserClient(client),
  );
  const dialog = within(screen.getByRole('dialog', { name: 'Wrap up conversation' }));
  const submit = () => user.click(dialog.getByRole('button', { name: /Close conversation|Try again/ }));
  return { user, dialog, onDismiss, onClosed, submit };
}

const closeRequests = () => mock.closeRequests.length;

describe('the fuselage close modal on useCloseRoomForm', () => {
  it('uses fuselage and the hooks only (and the focus helper): no component of this package', () => {
    expect(source).toMatch(/from '@rocket.chat\/fuselage'/);
    const ours = [...source.matchAll(/import \{([^}]*)\} from '\.\.\/\.\.\/src'/g)].flatMap((match) => (match[1] ?? '').split(',').map((name) => name.trim()));
    expect(ours.filter(Boolean).sort()).toEqual(['focusUnlessTyping', 'useCloseRoomForm', 'useServerTagInput', 'useTagInput']);
  });

  it('closes the room with one request, then offers Dismiss', async () => {
    const { user, dialog, onClosed, onDismiss } = open();
    // Focus starts inside the modal, on the comment.
    await waitFor(() => expect(dialog.getByRole('textbox', { name: 'Comment' })).toHaveFocus());
    await user.keyboard('Refund issued');
    await user.type(dialog.getByRole('combobox', { name: /Tags/ }), 'billing{Enter}');
    expect(dialog.getByRole('list', { name: 'Selected tags' })).toHaveTextContent('billing');
    await user.click(dialog.getByRole('checkbox', { name: 'Send transcript to visitor' }));
    await user.type(dialog.getByRole('textbox', { name: 'Visitor email' }), 'maria@example.com');
    await expectNoAxeViolations();
    // Double click: still one request.
    await user.dblClick(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('This conversation is closed.'));
    expect(onClosed).toHaveBeenCalledExactlyOnceWith({ rid: 'room-1', alreadyClosed: false });
    expect(mock.closeRequests.map((request) => request.body)).toEqual([
      {
        rid: 'room-1',
        comment: 'Refund issued',
        tags: ['billing'],
        transcriptEmail: { sendToVisitor: true, requestData: { email: 'maria@example.com', subject: 'Transcript of your livechat conversation' } },
      },
    ]);
    const dismiss = dialog.getByRole('button', { name: 'Dismiss' });
    expect(dismiss).toHaveFocus();
    expect(dialog.queryByRole('button', { name: 'Close conversation' })).not.toBeInTheDocument();
    await expectNoAxeViolations();
    await user.click(dismiss);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('already closed: says so, reports it, leaves Dismiss', async () => {
    const { dialog, onClosed, submit, user } = open({ rid: 'room-closed', defaultValues: { comment: 'Done' } });
    await submit();
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('This conversation is already closed, perhaps by a colleague.'));
    expect(onClosed).toHaveBeenCalledExactlyOnceWith({ rid: 'room-closed', alreadyClosed: true });
    expect(dialog.getByRole('button', { name: 'Dismiss' })).toHaveFocus();
    await expectNoAxeViolations();
    await user.keyboard('{Enter}');
    expect(closeRequests()).toBe(1);
  });

  it('already closed where force close is allowed: Close anyway, confirmed, sent once with forceClose', async () => {
    mock.set({ allowForceClose: true });
    const { dialog, submit, user } = open({ rid: 'room-closed', allowForceClose: true, defaultValues: { comment: 'Stuck open' } });
    await submit();
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('it may be stuck'));
    await user.click(dialog.getByRole('button', { name: 'Close anyway' }));
    expect(dialog.getByRole('alert')).toHaveTextContent('Close this conversation again?');
    const confirm = dialog.getByRole('button', { name: 'Yes, close anyway' });
    expect(confirm).toHaveFocus();
    await expectNoAxeViolations();
    await user.click(confirm);
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('This conversation is closed.'));
    expect(mock.closeRequests.map((request) => request.body)).toEqual([
      { rid: 'room-closed', comment: 'Stuck open' },
      { rid: 'room-closed', comment: 'Stuck open', forceClose: true },
    ]);
  });

  it('401: says the session expired and offers Sign in again', async () => {
    const onUnauthorized = vi.fn();
    const { dialog, submit, user } = open({ defaultValues: { comment: 'Done' }, onUnauthorized }, { credentials: { userId: mockAgent.userId, authToken: 'expired' } });
    await submit();
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('Your session has expired. Sign in again to close this conversation.'));
    await expectNoAxeViolations();
    await user.click(dialog.getByRole('button', { name: 'Sign in again' }));
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(closeRequests()).toBe(1);
  });

  it.each([
    ['403, no permission', mockAgentWithoutPermission, 'You don’t have permission to close conversations. Ask an administrator for access.'],
    ['not serving the room', mockAgentOwnRoomsOnly, 'Another agent serves this conversation, and you don’t have permission to close it.'],
  ])('%s: says so in words and keeps the comment', async (_case, agent, message) => {
    const { dialog, submit } = open({ defaultValues: { comment: 'Done' } }, { credentials: { userId: agent.userId, authToken: agent.authToken } });
    await submit();
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent(message));
    expect(dialog.getByRole('textbox', { name: 'Comment' })).toHaveValue('Done');
    expect(closeRequests()).toBe(1);
    await expectNoAxeViolations();
  });

  it('a comment required by the server: the field says so, is marked required and takes focus', async () => {
    const { dialog, submit } = open({ rid: 'room-4' });
    await submit();
    const comment = await dialog.findByRole('textbox', { name: 'Comment' });
    await waitFor(() => expect(comment).toBeRequired());
    await waitFor(() => expect(comment).toHaveAccessibleDescription('Enter a closing comment.'));
    expect(dialog.getByRole('alert')).toHaveTextContent('Rocket.Chat requires a closing comment. Add one, then close again.');
    expect(comment).toHaveFocus();
    expect(comment).toBeInvalid();
    await expectNoAxeViolations();
    // The rule is learned: an empty second try is stopped before any request.
    await submit();
    expect(closeRequests()).toBe(1);
  });

  it('tags required by the department: the tag field says so', async () => {
    const { dialog, submit, user } = open({ rid: 'room-2', defaultValues: { comment: 'Quote sent' } });
    await submit();
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('This department requires at least one tag. Add a tag, then close again.'));
    const tags = dialog.getByRole('combobox', { name: 'Tags' });
    expect(tags).toBeRequired();
    expect(tags).toHaveAccessibleDescription(/Add at least one tag/);
    await expectNoAxeViolations();
    await user.type(tags, 'sales{Enter}');
    await submit();
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('This conversation is closed.'));
    expect(mock.closeRequests.map((request) => request.body)).toEqual([
      { rid: 'room-2', comment: 'Quote sent' },
      { rid: 'room-2', comment: 'Quote sent', tags: ['sales'] },
    ]);
  });

  it('429: counts the wait down on the button, sends nothing meanwhile, then lets the agent try again', async () => {
    const { dialog, submit, user } = open({ rid: 'room-429', defaultValues: { comment: 'Done' } });
    await submit();
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('Too many requests. Wait 2 seconds, then try again.'));
    const button = dialog.getByRole('button', { name: /Try again in/ });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await expectNoAxeViolations();
    await user.click(button);
    expect(closeRequests()).toBe(1);
    await waitFor(() => expect(dialog.getByRole('button', { name: 'Try again' })).not.toHaveAttribute('aria-disabled'), { timeout: 4000 });
    await submit();
    await waitFor(() => expect(closeRequests()).toBe(2));
  });

  it.each([
    ['network down', 'room-network', {}, 'Rocket.Chat could not be reached. Check your connection and try again.'],
    ['timeout', 'room-hang', { timeoutMs: 200 }, 'Rocket.Chat did not answer in time. Check your connection and try again.'],
    ['500', 'room-500', {}, 'Rocket.Chat had a problem closing the conversation. Try again in a moment.'],
    ['502 with an HTML page', 'room-502', {}, 'Rocket.Chat had a problem closing the conversation. Try again in a moment.'],
  ])('%s: says so, keeps every value and offers Try again', async (_case, rid, client, message) => {
    const { dialog, submit, user } = open({ rid }, client);
    await user.type(dialog.getByRole('textbox', { name: 'Comment' }), 'Kept');
    await user.type(dialog.getByRole('combobox', { name: /Tags/ }), 'vip{Enter}');
    await submit();
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent(message));
    expect(dialog.getByRole('textbox', { name: 'Comment' })).toHaveValue('Kept');
    expect(dialog.getByRole('list', { name: 'Selected tags' })).toHaveTextContent('vip');
    expect(dialog.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(closeRequests()).toBe(1);
    await expectNoAxeViolations();
  });

  it('keeps focus inside the modal: Tab from the last button comes back to the comment', async () => {
    const { dialog, user } = open();
    await waitFor(() => expect(dialog.getByRole('textbox', { name: 'Comment' })).toHaveFocus());
    dialog.getByRole('button', { name: 'Close conversation' }).focus();
    await user.tab();
    expect(dialog.getByRole('textbox', { name: 'Comment' })).toHaveFocus();
  });

  it('Escape closes an open tag list first, then the modal', async () => {
    const { dialog, user, onDismiss } = open({ tagSuggestions: ['billing', 'bug'] });
    await user.type(dialog.getByRole('combobox', { name: /Tags/ }), 'b');
    expect(dialog.getByRole('listbox', { name: 'Tag suggestions' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(dialog.queryByRole('listbox')).not.toBeInTheDocument();
    expect(onDismiss).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});
