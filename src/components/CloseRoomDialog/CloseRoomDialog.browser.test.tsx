import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { page } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, renderWithClient, setupBrowserRocketChat } from '../../../test/helpers/browser';
import { CloseRoomDialog } from './CloseRoomDialog';

const { mock } = setupBrowserRocketChat();

describe('given a CloseRoomDialog with a trigger', () => {
  it('opens, closes the room and closes itself', async () => {
    renderWithClient(<CloseRoomDialog rid="room-1" requireComment trigger={<button type="button">Close chat</button>} />);
    await userEvent.click(screen.getByRole('button', { name: 'Close chat' }));
    const dialog = await screen.findByRole('dialog', { name: 'Wrap up conversation' });
    await page.screenshot({ path: '../../../test/__screenshots__/dialog-default.png' });
    await expectNoAxeViolations();
    await userEvent.type(screen.getByRole('textbox', { name: /Comment/ }), 'Solved');
    await userEvent.click(screen.getByRole('button', { name: 'Close conversation' }));
    await expect.poll(() => dialog.isConnected).toBe(false);
    expect(mock.rooms.get('room-1')?.open).toBe(false);
  });
});
