import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { CloseRoomDialog } from '../src';
import { createMockPermissions, mockAgentOwnRoomsOnly } from '../src/testing';
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

/** The boxes start from the agent's preferences; the subject from the server's setting. */
export const TranscriptFromPreferences: Story = on(
  { transcriptEmailSubject: 'Your chat with ACME' },
  {
    args: { rid: 'room-5' },
    parameters: { agent: mockAgentOwnRoomsOnly },
    play: async (context) => {
      const dialog = await dialogOf(context);
      await waitFor(() => expect(dialog.getByRole('checkbox', { name: 'Generate PDF transcript' })).toBeChecked());
      await expect(await dialog.findByRole('textbox', { name: 'Email subject' })).toHaveValue('Your chat with ACME');
      await expect(dialog.getByText('These start from your preferences (My account › Omnichannel).')).toBeVisible();
    },
  },
);

const withoutTranscriptPermissions = { ...createMockPermissions(), 'send-omnichannel-chat-transcript': ['admin'], 'request-pdf-transcript': ['admin'] };
/** An agent without the transcript permissions is offered neither option, as in Rocket.Chat's dialog. */
export const TranscriptWithoutPermission: Story = on(
  { permissions: withoutTranscriptPermissions },
  {
    play: async (context) => {
      const dialog = await dialogOf(context);
      await waitFor(() => expect(dialog.getByRole('textbox', { name: /^Comment/ })).toBeRequired());
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(dialog.queryByRole('checkbox', { name: 'Send transcript to visitor' })).not.toBeInTheDocument();
      await expect(dialog.queryByRole('checkbox', { name: 'Generate PDF transcript' })).not.toBeInTheDocument();
    },
  },
);

/** `Livechat_transcript_send_always` on: the server sends the transcript, the dialog says so. */
export const TranscriptSentByServer: Story = on(
  { transcriptSendAlways: true },
  {
    play: async (context) => {
      const dialog = await dialogOf(context);
      await expect(await dialog.findByText('Rocket.Chat emails the transcript to the visitor when the conversation closes.')).toBeVisible();
    },
  },
);

/** A room the agent sees open, recorded closed on a 7.3+ server that allows force closing: "Close anyway", confirmed. */
export const ForceClose: Story = on(
  { allowForceClose: true },
  {
    args: { rid: 'room-closed', source: 'props', requireComment: true, allowForceClose: true },
    play: async (context) => {
      const dialog = await dialogOf(context);
      await userEvent.type(dialog.getByRole('textbox', { name: /^Comment/ }), 'Stuck open in my queue');
      await userEvent.click(dialog.getByRole('button', { name: 'Close conversation' }));
      await userEvent.click(await dialog.findByRole('button', { name: 'Close anyway' }));
      await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('Close this conversation again?'));
      await expect(dialog.getByRole('button', { name: 'Yes, close anyway' })).toHaveFocus();
    },
  },
);

/** A server before 7.3 refuses `forceClose`: explained, not retried. */
export const ForceCloseUnsupported: Story = on(
  { version: '7.2.0' },
  {
    args: { rid: 'room-closed', source: 'props', requireComment: true, allowForceClose: true },
    play: async (context) => {
      const dialog = await dialogOf(context);
      await userEvent.type(dialog.getByRole('textbox', { name: /^Comment/ }), 'Stuck open in my queue');
      await userEvent.click(dialog.getByRole('button', { name: 'Close conversation' }));
      await userEvent.click(await dialog.findByRole('button', { name: 'Close anyway' }));
      await userEvent.click(dialog.getByRole('button', { name: 'Yes, close anyway' }));
      await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('can’t force a close'));
    },
  },
);
