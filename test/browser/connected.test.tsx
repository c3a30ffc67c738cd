import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CloseRoomDialog } from '../../src/components/CloseRoomDialog';
import type { CloseRoomDialogProps } from '../../src/components/CloseRoomDialog';
import { expectNoAxeViolations, renderWithClient, setupBrowserRocketChat } from '../helpers/browser';
import type { Queries } from '../helpers/browser';

// Issue #5: given only `rid`, the dialog reads its rules, tags and the visitor's e-mail from the
// server, as Rocket.Chat's own dialog does. Explicit props still win.

const { mock, worker } = setupBrowserRocketChat();

const requests: URL[] = [];
worker.events.on('request:start', ({ request }) => requests.push(new URL(request.url)));

async function openConnected(props: Partial<CloseRoomDialogProps> & { rid: string }) {
  requests.length = 0;
  const user = userEvent.setup();
  renderWithClient(<CloseRoomDialog source="server" defaultOpen {...props} />);
  const dialog = within(await screen.findByRole('dialog'));
  return { user, dialog };
}

const optionNames = (dialog: Queries) => dialog.getAllByRole('option').map((option: HTMLElement) => option.textContent);

describe('connected mode on an enterprise server', () => {
  it('derives the required comment and tags, the department tags and the visitor e-mail', async () => {
    const { user, dialog } = await openConnected({ rid: 'room-2' });
    await waitFor(() => expect(dialog.getByRole('combobox', { name: /Tags/ })).toBeRequired());
    expect(dialog.getByRole('textbox', { name: /Comment/ })).toBeRequired();
    await user.type(dialog.getByRole('combobox', { name: /Tags/ }), 'u');
    // Searched on the server for the room's department: Sales' "upsell", never Support's "crash".
    await waitFor(() => expect(requests.some((url) => url.pathname === '/api/v1/livechat/tags' && url.searchParams.get('text') === 'u')).toBe(true));
    const search = requests.find((url) => url.searchParams.get('text') === 'u');
    expect(search?.searchParams.get('department')).toBe('dept-sales');
    await waitFor(() => expect(optionNames(dialog)).toEqual(['bug', 'feature request', 'refund', 'quote', 'upsell']));
    // The best match is highlighted as the agent types (the one starting with "u"); ArrowDown wraps
    // to the first, and Enter takes the highlighted one.
    await user.keyboard('{ArrowDown}{Enter}');
    await user.click(dialog.getByRole('checkbox', { name: 'Send transcript to visitor' }));
    expect(dialog.getByRole('textbox', { name: 'Visitor email' })).toHaveValue('john+orders@example.co.uk');
    await expectNoAxeViolations();
    await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'Quote sent');
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(mock.rooms.get('room-2')?.open).toBe(false));
    expect(mock.closeRequests[0]?.body).toMatchObject({ tags: ['bug'], transcriptEmail: { requestData: { email: 'john+orders@example.co.uk' } } });
  });

  it('debounces the tag search while typing', async () => {
    const { user, dialog } = await openConnected({ rid: 'room-2' });
    await waitFor(() => expect(dialog.getByRole('combobox', { name: /Tags/ })).toBeRequired());
    requests.length = 0;
    await user.type(dialog.getByRole('combobox', { name: /Tags/ }), 'upse');
    await waitFor(() => expect(requests.some((url) => url.searchParams.get('text') === 'upse')).toBe(true));
    await waitFor(() => expect(optionNames(dialog)).toEqual(['upsell']));
    const searches = requests.filter((url) => url.pathname === '/api/v1/livechat/tags').map((url) => url.searchParams.get('text'));
    expect(searches).toEqual(['upse']);
  });

  it('the server-searched tag input: text left in it stops the close, and the suggestion then added is sent', async () => {
    const { user, dialog } = await openConnected({ rid: 'room-2' });
    const tags = dialog.getByRole('combobox', { name: /Tags/ });
    await waitFor(() => expect(tags).toBeRequired());
    await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'Quote sent');
    await user.type(tags, 'upse');
    await waitFor(() => expect(optionNames(dialog)).toEqual(['upsell']));
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(tags).toHaveAccessibleDescription(/Press Enter to add “\u2068upse\u2069” as a tag, or clear it\./));
    expect(mock.closeRequests).toHaveLength(0);
    await user.type(tags, 'll{Enter}');
    expect(tags).not.toHaveAccessibleDescription(/Press Enter to add/);
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(mock.closeRequests).toHaveLength(1));
    expect(mock.closeRequests[0]?.body).toMatchObject({ rid: 'room-2', tags: ['upsell'] });
  });

  it('lets explicit props win over the server', async () => {
    const { user, dialog } = await openConnected({ rid: 'room-2', requireComment: false, requireTags: false, tagSuggestions: ['mine'], visitorEmail: 'me@example.org' });
    await waitFor(() => expect(requests.some((url) => url.pathname === '/api/v1/livechat/department/dept-sales')).toBe(true));
    expect(dialog.getByRole('textbox', { name: /Comment/ })).not.toBeRequired();
    expect(dialog.getByRole('combobox', { name: /Tags/ })).not.toBeRequired();
    await user.type(dialog.getByRole('combobox', { name: /Tags/ }), 'm');
    expect(optionNames(dialog)).toEqual(['mine']);
    expect(requests.some((url) => url.pathname === '/api/v1/livechat/tags')).toBe(false);
    await user.click(dialog.getByRole('checkbox', { name: 'Send transcript to visitor' }));
    expect(dialog.getByRole('textbox', { name: 'Visitor email' })).toHaveValue('me@example.org');
  });

  it('says a room is closed before the agent types anything', async () => {
    const onClosed = vi.fn();
    const { user, dialog } = await openConnected({ rid: 'room-closed', onClosed });
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('This conversation is already closed'));
    expect(onClosed).toHaveBeenCalledExactlyOnceWith({ rid: 'room-closed', alreadyClosed: true });
    expect(dialog.queryByRole('button', { name: 'Close conversation' })).not.toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(mock.closeRequests).toHaveLength(0);
  });

  it('keeps the form usable while the server data loads', async () => {
    mock.set({ delayMs: 400 });
    const { user, dialog } = await openConnected({ rid: 'room-1' });
    await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'Typed at once');
    expect(dialog.getByRole('textbox', { name: /Comment/ })).toHaveValue('Typed at once');
    await waitFor(() => expect(dialog.getByRole('textbox', { name: /Comment/ })).toBeRequired());
    expect(dialog.getByRole('textbox', { name: /Comment/ })).toHaveValue('Typed at once');
  });

  it('falls back to free tags, without an error, when the tag endpoint fails', async () => {
    mock.set({ tagsFail: true });
    const { user, dialog } = await openConnected({ rid: 'room-1' });
    await user.type(dialog.getByRole('combobox', { name: /Tags/ }), 'anything{Enter}');
    await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'Done');
    expect(dialog.getByRole('alert')).toBeEmptyDOMElement();
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(mock.rooms.get('room-1')?.tags).toEqual(['anything']));
  });

  it('does not show the closed-room notice after its own successful close', async () => {
    const onClosed = vi.fn();
    const { user, dialog } = await openConnected({ rid: 'room-4', onClosed });
    await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'Fixed');
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onClosed).toHaveBeenCalledExactlyOnceWith({ rid: 'room-4', alreadyClosed: false });
  });
});

describe('connected mode on a community server', () => {
  it('offers the department closing tags when there is no tag list, without an error', async () => {
    mock.set({ edition: 'community' });
    const { user, dialog } = await openConnected({ rid: 'room-2' });
    await waitFor(() => expect(dialog.getByRole('combobox', { name: /Tags/ })).toBeRequired());
    await user.type(dialog.getByRole('combobox', { name: /Tags/ }), 's');
    await waitFor(() => expect(optionNames(dialog)).toEqual(['sales']));
    expect(dialog.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('says up front that a department requiring tags with no closing tags blocks every close, and sends nothing', async () => {
    mock.set({ edition: 'community' });
    const { user, dialog } = await openConnected({ rid: 'room-legal' });
    await waitFor(() =>
      expect(dialog.getByRole('alert')).toHaveTextContent(
        'This conversation can’t be closed yet: the Legal department requires a tag, but has no closing tags set up',
      ),
    );
    expect(dialog.getByRole('combobox', { name: /Tags/ })).not.toHaveAccessibleDescription(/type any tag/);
    await user.type(dialog.getByRole('combobox', { name: /Tags/ }), 'contract review{Enter}');
    await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'Sent to legal');
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    expect(dialog.getByRole('button', { name: 'Close conversation' })).toHaveAttribute('aria-disabled', 'true');
    expect(mock.closeRequests).toHaveLength(0);
    // What the agent typed stays.
    expect(dialog.getByRole('textbox', { name: /Comment/ })).toHaveValue('Sent to legal');
    // And the mock refuses as the server does, whatever tags are sent.
    expect(mock.rooms.get('room-legal')?.open).toBe(true);
  });

  it('learns the comment rule from the server when the setting is not exposed', async () => {
    mock.set({ exposeCommentSetting: false });
    const { user, dialog } = await openConnected({ rid: 'room-1' });
    await waitFor(() => expect(requests.some((url) => url.pathname === '/api/v1/settings.public')).toBe(true));
    expect(dialog.getByRole('textbox', { name: /Comment/ })).not.toBeRequired();
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('Rocket.Chat requires a closing comment'));
    expect(dialog.getByRole('textbox', { name: /Comment/ })).toBeRequired();
  });
});
