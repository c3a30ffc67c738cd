import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { CloseRoomForm } from '../src';
import { mockRocketChat } from './support';

const rocketChat = mockRocketChat();

/** The form without the dialog, as a host's side panel shows it. */
const meta = {
  title: 'Omnichannel/CloseRoomForm',
  component: CloseRoomForm,
  tags: ['autodocs'],
  args: { rid: 'room-4', source: 'server', onClosed: fn(), onCancel: fn(), onError: fn() },
  argTypes: { messages: { control: false }, source: { control: 'inline-radio', options: ['props', 'server'] } },
  decorators: [
    (Story) => (
      <aside aria-labelledby="panel-title" style={{ inlineSize: '22rem' }}>
        <h2 id="panel-title">Wrap up</h2>
        <Story />
      </aside>
    ),
  ],
  beforeEach: rocketChat.beforeEach,
  parameters: { ...rocketChat.parameters, layout: 'padded' },
} satisfies Meta<typeof CloseRoomForm>;

export default meta;

export const InASidePanel: StoryObj<typeof meta> = {
  play: async ({ canvasElement, args }) => {
    const panel = within(canvasElement);
    await waitFor(() => expect(panel.getByRole('textbox', { name: /^Comment/ })).toBeRequired());
    await userEvent.type(panel.getByRole('textbox', { name: /^Comment/ }), 'Reinstalled the app');
    await userEvent.click(panel.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(args.onClosed).toHaveBeenCalledWith({ rid: 'room-4', alreadyClosed: false }));
  },
};
