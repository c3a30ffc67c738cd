import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CloseRoomDialog } from '../../src';
import { expectNoAxeViolations, renderWithClient, setupBrowserRocketChat } from '../helpers/browser';

// #14.6: the dialog is anchored near the top, so it grows downward when the transcript fields or
// a message appear instead of jumping; "already closed" is news, shown apart from failures.

const { mock } = setupBrowserRocketChat();

async function openDialog(rid = 'room-1') {
  const user = userEvent.setup();
  renderWithClient(<CloseRoomDialog rid={rid} defaultOpen requireComment visitorEmail="maria.silva@example.com" />);
  const dialog = await screen.findByRole('dialog');
  await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
  return { user, dialog, panel: within(dialog) };
}

const topOf = (element: HTMLElement) => Math.round(element.getBoundingClientRect().top);

describe('the dialog', () => {
  it('keeps its top edge still when the transcript fields and an error appear', async () => {
    const { user, dialog, panel } = await openDialog();
    const before = topOf(dialog);
    const heightBefore = dialog.getBoundingClientRect().height;
    await user.click(panel.getByRole('checkbox', { name: 'Send transcript to visitor' }));
    expect(panel.getByRole('textbox', { name: 'Email subject' })).toBeVisible();
    expect(dialog.getBoundingClientRect().height).toBeGreaterThan(heightBefore + 40);
    expect(topOf(dialog)).toBe(before);
    await user.click(panel.getByRole('button', { name: 'Close conversation' }));
    expect(await panel.findByText('Enter a closing comment.')).toBeVisible();
    expect(topOf(dialog)).toBe(before);
  });

  it('shows "already closed" as news, not in the colours of a failure', async () => {
    const alertColour = async (rid: string, text: string) => {
      const { user, panel } = await openDialog(rid);
      await user.type(panel.getByRole('textbox', { name: /Comment/ }), 'Done');
      await user.click(panel.getByRole('button', { name: 'Close conversation' }));
      await waitFor(() => expect(panel.getByRole('alert')).toHaveTextContent(text));
      await expectNoAxeViolations();
      const colour = getComputedStyle(panel.getByRole('alert').firstElementChild as HTMLElement).backgroundColor;
      cleanup();
      return colour;
    };
    const news = await alertColour('room-closed', 'already closed');
    mock.set({ failure: 'network' });
    const failure = await alertColour('room-1', 'could not be reached');
    expect(news).not.toBe(failure);
  });
});

describe('a click below the open tag list (#14 review)', () => {
  it('lands on the button the agent aimed at, although closing the list moves it up', async () => {
    const { userEvent: realUser } = await import('vitest/browser');
    const user = userEvent.setup();
    renderWithClient(<CloseRoomDialog rid="room-1" defaultOpen tagSuggestions={['sales', 'support', 'billing', 'bug', 'urgent', 'vip']} />);
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'Done');
    // The list opened with the arrow key, nothing typed: text left in the input would stop the close.
    await user.click(dialog.getByRole('combobox', { name: /Tags/ }));
    await user.keyboard('{ArrowDown}');
    expect(dialog.getByRole('listbox')).toBeVisible();
    // A real pointer (not synthetic events): the press blurs the input first.
    await realUser.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(mock.closeRequests).toHaveLength(1));
  });
});
