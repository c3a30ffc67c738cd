import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { browserClient, expectNoAxeViolations, renderWithClient, setupBrowserRocketChat } from '../../../test/helpers/browser';
import { ptBRMessages } from '../../locales';
import type { MockFailure } from '../../testing';
import { mockAgentOwnRoomsOnly, mockAgentWithoutPermission } from '../../testing';
import { CloseRoomDialog } from './CloseRoomDialog';
import type { CloseRoomDialogProps } from './CloseRoomDialog';

const { mock } = setupBrowserRocketChat();

function renderDialog(props: Partial<CloseRoomDialogProps> = {}, client = browserClient()) {
  const user = userEvent.setup();
  const result = renderWithClient(
    <CloseRoomDialog rid="room-1" trigger={<button type="button">Close chat</button>} {...props} />,
    client,
  );
  return { user, ...result };
}

async function openDialog(props: Partial<CloseRoomDialogProps> = {}, client = browserClient()) {
  const rendered = renderDialog(props, client);
  await rendered.user.click(screen.getByRole('button', { name: 'Close chat' }));
  const dialog = await screen.findByRole('dialog', { name: 'Wrap up conversation' });
  return { ...rendered, dialog };
}

const comment = () => screen.getByRole('textbox', { name: /^Comment/ });
const tagInput = () => screen.getByRole('combobox', { name: /^Tags/ });
const submitButton = () => screen.getByRole('button', { name: /Close conversation|Try again|Closing/ });
const alert = () => screen.getByRole('alert');
const sentBodies = () => mock.closeRequests.map((request) => request.body);

describe('given a CloseRoomDialog with a trigger', () => {
  it('is closed at first and has no axe violation', async () => {
    renderDialog();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await expectNoAxeViolations();
  });

  describe('after clicking the trigger', () => {
    it('shows the title and description, focuses the comment, and has no axe violation', async () => {
      const { dialog } = await openDialog({ requireComment: true });
      expect(dialog).toHaveAccessibleDescription(/Closing ends the chat for the visitor/);
      expect(comment()).toHaveFocus();
      expect(comment()).toBeRequired();
      await expectNoAxeViolations();
    });

    it('closes the room with what the agent entered and closes itself', async () => {
      const onClosed = vi.fn();
      const { user, dialog } = await openDialog({ onClosed });
      await user.type(comment(), 'Refund issued');
      await user.type(tagInput(), 'billing{Enter}refund,');
      await user.click(submitButton());
      await waitFor(() => expect(dialog).not.toBeInTheDocument());
      expect(sentBodies()).toEqual([{ rid: 'room-1', comment: 'Refund issued', tags: ['billing', 'refund'] }]);
      expect(onClosed).toHaveBeenCalledExactlyOnceWith({ rid: 'room-1', alreadyClosed: false });
      expect(screen.getByRole('button', { name: 'Close chat' })).toHaveFocus();
    });

    it('returns focus to the trigger on Cancel and on Escape', async () => {
      const { user } = await openDialog();
      await user.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Close chat' })).toHaveFocus();
      await user.keyboard('{Enter}');
      await screen.findByRole('dialog');
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Close chat' })).toHaveFocus();
      expect(mock.closeRequests).toHaveLength(0);
    });
  });

  it('works with the keyboard alone, from the trigger to the closed room', async () => {
    const user = userEvent.setup();
    renderWithClient(<CloseRoomDialog rid="room-1" requireTags tagSuggestions={['billing', 'bug', 'vip']} trigger={<button type="button">Close chat</button>} />);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Close chat' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await screen.findByRole('dialog');
    await user.keyboard('Customer happy');
    await user.tab();
    expect(tagInput()).toHaveFocus();
    // 'b' highlights the first match (billing); ArrowDown moves to bug.
    await user.keyboard('b{ArrowDown}{Enter}');
    expect(screen.getByRole('list', { name: 'Selected tags' })).toHaveTextContent('bug');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sentBodies()).toEqual([{ rid: 'room-1', comment: 'Customer happy', tags: ['bug'] }]);
    expect(screen.getByRole('button', { name: 'Close chat' })).toHaveFocus();
  });

  it('traps focus inside the dialog', async () => {
    const { user, dialog } = await openDialog();
    for (let step = 0; step < 8; step += 1) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
  });
});

describe('the comment', () => {
  it('is optional unless required', async () => {
    const { user } = await openDialog();
    expect(comment()).not.toBeRequired();
    await user.click(submitButton());
    await waitFor(() => expect(mock.closeRequests).toHaveLength(1));
  });

  it.each(['', '   '])('when required, refuses %j with a message wired to the field', async (text) => {
    const { user } = await openDialog({ requireComment: true });
    if (text) await user.type(comment(), text);
    await user.click(submitButton());
    await waitFor(() => expect(comment()).toBeInvalid());
    expect(comment()).toHaveAccessibleDescription('Enter a closing comment.');
    expect(comment()).toHaveFocus();
    expect(comment()).toHaveValue(text);
    expect(mock.closeRequests).toHaveLength(0);
    await expectNoAxeViolations();
  });
});

describe('the tags', () => {
  it('adds on Enter and comma, removes the last on Backspace and any by its button', async () => {
    const { user } = await openDialog();
    await user.type(tagInput(), 'one{Enter}two,three{Enter}');
    const chips = () => within(screen.getByRole('list', { name: 'Selected tags' })).getAllByRole('listitem').map((item) => item.textContent);
    expect(chips()).toEqual(['one×', 'two×', 'three×']);
    await user.keyboard('{Backspace}');
    expect(chips()).toEqual(['one×', 'two×']);
    await user.click(screen.getByRole('button', { name: 'Remove tag one' }));
    expect(chips()).toEqual(['two×']);
    expect(tagInput()).toHaveFocus();
    // By keyboard: Shift+Tab reaches the chip's remove button, Enter presses it.
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Remove tag two' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('list', { name: 'Selected tags' })).not.toBeInTheDocument();
  });

  it('refuses duplicates (any case or spacing) and blanks with a message, keeping the text', async () => {
    const { user } = await openDialog();
    await user.type(tagInput(), 'Billing{Enter}  billing {Enter}');
    expect(tagInput()).toHaveAccessibleDescription(/The tag “billing” is already added\./);
    expect(tagInput()).toHaveValue('  billing ');
    await user.clear(tagInput());
    await user.type(tagInput(), '   {Enter}');
    expect(tagInput()).toHaveAccessibleDescription(/A tag cannot be blank\./);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('splits pasted text on commas and line breaks', async () => {
    const { user } = await openDialog();
    await user.click(tagInput());
    await user.paste('vip, refund\nvip\n\nbug');
    expect(within(screen.getByRole('list', { name: 'Selected tags' })).getAllByRole('listitem').map((item) => item.firstChild?.textContent)).toEqual([
      'vip',
      'refund',
      'bug',
    ]);
  });

  it('offers suggestions as a listbox, filtered as you type, without the chosen ones', async () => {
    const { user } = await openDialog({ tagSuggestions: ['billing', 'bug', 'Big deal', 'vip'] });
    await user.type(tagInput(), 'b');
    const listbox = screen.getByRole('listbox', { name: 'Tag suggestions' });
    expect(tagInput()).toHaveAttribute('aria-expanded', 'true');
    expect(within(listbox).getAllByRole('option').map((option) => option.textContent)).toEqual(['billing', 'bug', 'Big deal']);
    await expectNoAxeViolations();
    await user.type(tagInput(), 'i');
    expect(within(screen.getByRole('listbox')).getAllByRole('option').map((option) => option.textContent)).toEqual(['billing', 'Big deal']);
    await user.click(screen.getByRole('option', { name: 'Big deal' }));
    await user.type(tagInput(), 'bi');
    expect(within(screen.getByRole('listbox')).getAllByRole('option').map((option) => option.textContent)).toEqual(['billing']);
  });

  it('closes the suggestion list on Escape without closing the dialog', async () => {
    const { user, dialog } = await openDialog({ tagSuggestions: ['billing'] });
    await user.type(tagInput(), 'bil');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(dialog).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(dialog).not.toBeInTheDocument();
  });

  it('marks the active option with aria-activedescendant', async () => {
    const { user } = await openDialog({ tagSuggestions: ['alpha', 'beta'] });
    await user.click(tagInput());
    await user.keyboard('{ArrowDown}');
    const first = screen.getByRole('option', { name: 'alpha' });
    expect(tagInput()).toHaveAttribute('aria-activedescendant', first.id);
    expect(first).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(tagInput()).toHaveAttribute('aria-activedescendant', first.id);
  });

  it('when required, refuses none with a message at the field', async () => {
    const { user } = await openDialog({ requireTags: true });
    await user.click(submitButton());
    await waitFor(() => expect(tagInput()).toBeInvalid());
    expect(tagInput()).toHaveAccessibleDescription(/Add at least one tag\./);
    expect(mock.closeRequests).toHaveLength(0);
  });
});

describe('the transcript', () => {
  it('asks for email and subject only when sending, pre-filled from visitorEmail', async () => {
    const { user } = await openDialog({ visitorEmail: 'maria.silva@example.com' });
    expect(screen.queryByRole('textbox', { name: 'Visitor email' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Send transcript to visitor' }));
    expect(screen.getByRole('textbox', { name: 'Visitor email' })).toHaveValue('maria.silva@example.com');
    expect(screen.getByRole('textbox', { name: 'Email subject' })).toHaveValue('Transcript of your livechat conversation');
    await expectNoAxeViolations();
    await user.click(submitButton());
    await waitFor(() => expect(mock.closeRequests).toHaveLength(1));
    expect(sentBodies()[0]).toEqual({
      rid: 'room-1',
      transcriptEmail: {
        sendToVisitor: true,
        requestData: { email: 'maria.silva@example.com', subject: 'Transcript of your livechat conversation' },
      },
    });
  });

  it('refuses an invalid email and a blank subject, keeping what was typed', async () => {
    const { user } = await openDialog();
    await user.click(screen.getByRole('checkbox', { name: 'Send transcript to visitor' }));
    const email = screen.getByRole('textbox', { name: 'Visitor email' });
    const subject = screen.getByRole('textbox', { name: 'Email subject' });
    await user.type(email, 'maria@example');
    await user.clear(subject);
    await user.click(submitButton());
    await waitFor(() => expect(email).toBeInvalid());
    expect(email).toHaveAccessibleDescription('Enter a valid email address, such as name@example.com.');
    expect(subject).toHaveAccessibleDescription('Enter a subject for the email.');
    expect(email).toHaveValue('maria@example');
    expect(email).toHaveFocus();
    expect(mock.closeRequests).toHaveLength(0);
    await expectNoAxeViolations();
  });

  it('offers the PDF transcript only when asked, and sends it', async () => {
    const { user } = await openDialog({ transcript: { email: false, pdf: true } });
    expect(screen.queryByRole('checkbox', { name: 'Send transcript to visitor' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Generate PDF transcript' }));
    await user.click(submitButton());
    await waitFor(() => expect(sentBodies()).toEqual([{ rid: 'room-1', generateTranscriptPdf: true }]));
  });
});

describe('server outcomes, inline', () => {
  it('already closed: says so, calls onClosed with alreadyClosed, and Dismiss closes', async () => {
    const onClosed = vi.fn();
    const { user, dialog } = await openDialog({ rid: 'room-closed', onClosed });
    await user.type(comment(), 'Late note');
    await user.click(submitButton());
    await waitFor(() => expect(alert()).toHaveTextContent('This conversation is already closed'));
    expect(onClosed).toHaveBeenCalledExactlyOnceWith({ rid: 'room-closed', alreadyClosed: true });
    expect(screen.queryByRole('button', { name: 'Close conversation' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dismiss' })).toHaveFocus();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(dialog).not.toBeInTheDocument();
  });

  it('session expired: says so and offers to sign in again', async () => {
    const onUnauthorized = vi.fn();
    const { user } = await openDialog({ onUnauthorized }, browserClient({ credentials: { userId: 'agent-ana', authToken: 'expired' } }));
    await user.type(comment(), 'Done');
    await user.click(submitButton());
    await waitFor(() => expect(alert()).toHaveTextContent('Your session has expired. Sign in again'));
    await user.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(comment()).toHaveValue('Done');
    await expectNoAxeViolations();
  });

  it.each([
    [mockAgentWithoutPermission, 'room-1', 'You don’t have permission to close conversations'],
    [mockAgentOwnRoomsOnly, 'room-1', 'Another agent serves this conversation'],
  ])('no permission (%#): says the agent may not close it', async (agent, rid, text) => {
    const onError = vi.fn();
    const { user } = await openDialog({ rid, onError }, browserClient({ credentials: { userId: agent.userId, authToken: agent.authToken } }));
    await user.type(comment(), 'x');
    await user.click(submitButton());
    await waitFor(() => expect(alert()).toHaveTextContent(text));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ name: 'CloseRoomError' }));
  });

  it.each([
    ['network', 'Rocket.Chat could not be reached'],
    ['server-error', 'Rocket.Chat had a problem closing the conversation'],
    ['bad-gateway-html', 'Rocket.Chat had a problem closing the conversation'],
    ['conflict', 'Rocket.Chat was busy with this conversation'],
  ] as [MockFailure, string][])('%s: explains and offers Try again, which works once the server recovers', async (failure, text) => {
    mock.set({ failure });
    const { user, dialog } = await openDialog({ tagSuggestions: ['vip'] });
    await user.type(comment(), 'Keep me');
    await user.type(tagInput(), 'vip{Enter}');
    await user.click(submitButton());
    await waitFor(() => expect(alert()).toHaveTextContent(text));
    expect(comment()).toHaveValue('Keep me');
    expect(screen.getByRole('list', { name: 'Selected tags' })).toHaveTextContent('vip');
    await expectNoAxeViolations();
    mock.set({ failure: 'none' });
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(mock.closeRequests).toHaveLength(2);
  });

  it('timeout: explains and keeps the values', async () => {
    mock.set({ failure: 'hang' });
    const { user } = await openDialog({}, browserClient({ timeoutMs: 100 }));
    await user.type(comment(), 'Slow');
    await user.click(submitButton());
    await waitFor(() => expect(alert()).toHaveTextContent('Rocket.Chat did not answer in time'));
    expect(comment()).toHaveValue('Slow');
  });

  it('comment required by the server: says so and marks the comment, then requires it', async () => {
    const { user } = await openDialog();
    await user.click(submitButton());
    await waitFor(() => expect(alert()).toHaveTextContent('Rocket.Chat requires a closing comment'));
    expect(comment()).toBeInvalid();
    expect(comment()).toHaveFocus();
    expect(screen.getByText('(required)')).toBeInTheDocument();
    // Learned: the next empty try is refused before sending.
    await user.click(screen.getByRole('button', { name: /Close conversation|Try again/ }));
    expect(mock.closeRequests).toHaveLength(1);
  });

  it('tags required by the department: says so at the tags', async () => {
    const { user } = await openDialog({ rid: 'room-2' });
    await user.type(comment(), 'Quote sent');
    await user.click(submitButton());
    await waitFor(() => expect(alert()).toHaveTextContent('This department requires at least one tag'));
    expect(tagInput()).toBeInvalid();
    expect(tagInput()).toHaveAccessibleDescription(/Add at least one tag\./);
    await user.type(tagInput(), 'quote{Enter}');
    await user.click(submitButton());
    await waitFor(() => expect(mock.rooms.get('room-2')?.open).toBe(false));
  });
});

describe('while the request is pending', () => {
  it('shows progress, is busy, and a second submit sends nothing', async () => {
    mock.set({ delayMs: 400 });
    const { user, dialog } = await openDialog();
    await user.type(comment(), 'Once');
    await user.click(submitButton());
    const busy = await screen.findByRole('button', { name: 'Closing…' });
    expect(busy).toHaveAttribute('aria-busy', 'true');
    await user.click(busy);
    await user.dblClick(busy);
    comment().focus();
    await user.keyboard('{Control>}{Enter}{Enter}{/Control}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(mock.closeRequests).toHaveLength(1);
  });
});

describe('the draft', () => {
  it('is kept when the dialog is dismissed and reopened for the same room, and dropped once closed', async () => {
    const { user } = await openDialog({ tagSuggestions: [] });
    await user.type(comment(), 'Half written');
    await user.type(tagInput(), 'vip{Enter}');
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Close chat' }));
    expect(comment()).toHaveValue('Half written');
    expect(screen.getByRole('list', { name: 'Selected tags' })).toHaveTextContent('vip');
    await user.click(submitButton());
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Close chat' }));
    expect(comment()).toHaveValue('');
  });
});

describe('given a controlled CloseRoomDialog', () => {
  it('follows open and reports changes through onOpenChange', async () => {
    const onOpenChange = vi.fn();
    function Host() {
      const [open, setOpen] = useState(true);
      return (
        <CloseRoomDialog
          rid="room-1"
          open={open}
          onOpenChange={(next) => {
            onOpenChange(next);
            setOpen(next);
          }}
        />
      );
    }
    const user = userEvent.setup();
    renderWithClient(<Host />);
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(false);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('stays open when the host refuses to close it', async () => {
    const user = userEvent.setup();
    renderWithClient(<CloseRoomDialog rid="room-1" open onOpenChange={() => undefined} />);
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});

describe('messages', () => {
  it('overrides any key and ships Brazilian Portuguese', async () => {
    const user = userEvent.setup();
    renderWithClient(<CloseRoomDialog rid="room-1" defaultOpen messages={{ ...ptBRMessages, submit: 'Finalizar' }} requireComment />);
    expect(await screen.findByRole('dialog', { name: 'Encerrar conversa' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Finalizar' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Comentário/ })).toHaveAccessibleDescription('Escreva um comentário de encerramento.'));
  });
});

describe('messages given as undefined (#13 review)', () => {
  it('keeps the English text, so a refusal is said and the button has a name', async () => {
    const user = userEvent.setup();
    renderWithClient(<CloseRoomDialog rid="room-1" defaultOpen requireComment messages={{ submit: undefined, fieldErrors: { 'comment-required': undefined } }} />);
    await user.click(await screen.findByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Comment/ })).toHaveAccessibleDescription('Enter a closing comment.'));
  });
});

describe('themes', () => {
  it.each(['light', 'dark'])('renders the %s theme without contrast violations', async (theme) => {
    document.documentElement.dataset.theme = theme;
    try {
      renderWithClient(<CloseRoomDialog rid="room-1" defaultOpen requireComment visitorEmail="maria.silva@example.com" defaultValues={{ sendTranscript: true, tags: ['billing'] }} />);
      await screen.findByRole('dialog');
      await page.screenshot({ path: `../../../test/__screenshots__/dialog-${theme}.png` });
      await expectNoAxeViolations();
    } finally {
      delete document.documentElement.dataset.theme;
    }
  });
});

describe('ARIA references', () => {
  /** Every id an aria-* attribute points at must be a mounted node. */
  function danglingReferences() {
    const attributes = ['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-activedescendant', 'aria-errormessage'];
    const missing: string[] = [];
    for (const element of document.querySelectorAll(attributes.map((name) => `[${name}]`).join(','))) {
      for (const name of attributes) {
        for (const id of element.getAttribute(name)?.split(/\s+/).filter(Boolean) ?? []) {
          if (!document.getElementById(id)) missing.push(`${name}=${id}`);
        }
      }
    }
    return missing;
  }

  it('point only at mounted nodes, in every state', async () => {
    const { user } = await openDialog({ requireComment: true, requireTags: true, tagSuggestions: ['billing', 'bug'], visitorEmail: 'bad@' });
    expect(danglingReferences()).toEqual([]);
    await user.click(screen.getByRole('checkbox', { name: 'Send transcript to visitor' }));
    await user.click(submitButton());
    await waitFor(() => expect(comment()).toBeInvalid());
    expect(danglingReferences()).toEqual([]);
    await user.type(tagInput(), 'b{ArrowDown}');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    expect(danglingReferences()).toEqual([]);
    await user.type(tagInput(), '{Escape}');
    await user.clear(tagInput());
    await user.type(tagInput(), '  {Enter}');
    expect(danglingReferences()).toEqual([]);
    await user.keyboard('{Escape}');
    expect(danglingReferences()).toEqual([]);
  });
});

describe('the backdrop', () => {
  it('closes the dialog when clicked, locks page scrolling while open, and injects no <style>', async () => {
    const styles = document.querySelectorAll('style').length;
    const { user, dialog } = await openDialog();
    expect(document.querySelectorAll('style')).toHaveLength(styles);
    expect(getComputedStyle(document.documentElement).overflow).toBe('hidden');
    const backdrop = document.querySelector('.rcou-overlay');
    expect(backdrop).not.toBeNull();
    await user.pointer({ keys: '[MouseLeft]', target: backdrop as Element, coords: { clientX: 5, clientY: 5 } });
    expect(dialog).not.toBeInTheDocument();
    expect(getComputedStyle(document.documentElement).overflow).not.toBe('hidden');
  });
});
