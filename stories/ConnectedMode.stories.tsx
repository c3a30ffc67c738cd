import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { CloseRoomDialog } from '../src';
import type { RocketChatMockOptions } from '../src/testing';
import { mockRocketChat } from './support';

// Connected mode (#12): what the real server decides, shown before the agent types.

const meta = {
  title: 'Omnichannel/Connected mode',
  component: CloseRoomDialog,
  args: { rid: 'room-1', source: 'server', defaultOpen: true, onClosed: fn(), onError: fn() },
} satisfies Meta<typeof CloseRoomDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

const dialogOf = async (context: StoryContext) => within(await within(context.canvasElement.ownerDocument.body).findByRole('dialog'));

/** A story on its own mock server, configured as a real one could be. */
function on(options: RocketChatMockOptions, story: Story): Story {
  const server = mockRocketChat(options);
  return { ...story, beforeEach: server.beforeEach, parameters: { ...server.parameters, ...story.parameters } };
}

/** Tags required, no closing tags: the server refuses every close, and the dialog says so first. */
export const TagDeadEnd: Story = on(
  {},
  {
    args: { rid: 'room-legal' },
    play: async (context) => {
      const dialog = await dialogOf(context);
      await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('the Legal department requires a tag, but has no closing tags set up'));
      await expect(dialog.getByRole('button', { name: 'Close conversation' })).toHaveAttribute('aria-disabled', 'true');
    },
  },
);
