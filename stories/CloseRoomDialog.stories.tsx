import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { CloseRoomDialog } from '../src';
import { ptBRMessages } from '../src/locales';
import type { MockFailure } from '../src/testing';
import { mockAgentOwnRoomsOnly, mockAgentWithoutPermission } from '../src/testing';
import { manyTags, mockRocketChat } from './support';

const rocketChat = mockRocketChat();

const meta = {
  title: 'Omnichannel/CloseRoomDialog',
  component: CloseRoomDialog,
  tags: ['autodocs'],
  args: {
    rid: 'room-1',
    trigger: <button type="button">Close chat</button>,
    onClosed: fn(),
    onError: fn(),
    onOpenChange: fn(),
    onUnauthorized: fn(),
  },
  argTypes: {
    open: { control: 'boolean' },
    defaultOpen: { control: 'boolean' },
    requireComment: { control: 'boolean' },
    requireTags: { control: 'boolean' },
    visitorEmail: { control: 'text' },
    className: { control: 'text' },
    overlayClassName: { control: 'text' },
    source: { control: 'inline-radio', options: ['props', 'server'] },
    trigger: { control: false },
    messages: { control: false },
    container: { control: false },
  },
  beforeEach: rocketChat.beforeEach,
  parameters: {
    ...rocketChat.parameters,
    docs: {
      description: {
        component:
          "The agent's wrap-up dialog. Wrap your app in `QueryClientProvider` and `OmnichannelProvider`, import `rocketchat-omnichannel-ui/styles.css`, then render `<CloseRoomDialog rid={room._id} trigger={<button>Close</button>} />`.",
      },
    },
  },
} satisfies Meta<typeof CloseRoomDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

const body = (context: StoryContext) => within(context.canvasElement.ownerDocument.body);

/** Opens an open-by-default story's dialog or clicks the trigger, and returns the dialog. */
async function dialogOf(context: StoryContext) {
  const screen = body(context);
  if (!screen.queryByRole('dialog')) await userEvent.click(screen.getByRole('button', { name: 'Close chat' }));
  return within(await screen.findByRole('dialog'));
}

async function submitWithComment(context: StoryContext, comment = 'Handled on the phone') {
  const dialog = await dialogOf(context);
  await userEvent.type(dialog.getByRole('textbox', { name: /^Comment/ }), comment);
  await userEvent.click(dialog.getByRole('button', { name: 'Close conversation' }));
  return dialog;
}

function outcome(text: RegExp | string): Story['play'] {
  return async (context) => {
    const dialog = await submitWithComment(context);
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent(text));
    await expect(dialog.getByRole('textbox', { name: /^Comment/ })).toHaveValue('Handled on the phone');
  };
}

/** Closed until the trigger is pressed; the play function closes a room end to end. */
export const Default: Story = {
  play: async (context) => {
    await submitWithComment(context);
    await waitFor(() => expect(body(context).queryByRole('dialog')).not.toBeInTheDocument());
    await expect(context.args.onClosed).toHaveBeenCalledWith({ rid: 'room-1', alreadyClosed: false });
  },
};

const openStory = { defaultOpen: true } as const;
const hiddenFromDocs = ['!autodocs'];

export const RequiredComment: Story = {
  args: { ...openStory, requireComment: true },
  tags: hiddenFromDocs,
  play: async (context) => {
    const dialog = await dialogOf(context);
    await userEvent.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(dialog.getByRole('textbox', { name: /^Comment/ })).toHaveAccessibleDescription('Enter a closing comment.'));
  },
};

export const RequiredTags: Story = {
  args: { ...openStory, requireTags: true },
  tags: hiddenFromDocs,
  play: async (context) => {
    const dialog = await dialogOf(context);
    await userEvent.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(dialog.getByRole('combobox', { name: /^Tags/ })).toHaveAccessibleDescription(/Add at least one tag\./));
  },
};

export const WithTagSuggestions: Story = {
  args: { ...openStory, tagSuggestions: ['billing', 'bug report', 'feature request', 'refund', 'vip'] },
  tags: hiddenFromDocs,
  play: async (context) => {
    const dialog = await dialogOf(context);
    await userEvent.type(dialog.getByRole('combobox', { name: /^Tags/ }), 'b');
    await expect(dialog.getAllByRole('option').map((option) => option.textContent)).toEqual(['billing', 'bug report']);
  },
};

export const FiveThousandTags: Story = {
  args: { ...openStory, tagSuggestions: manyTags() },
  tags: hiddenFromDocs,
  play: async (context) => {
    const dialog = await dialogOf(context);
    await userEvent.type(dialog.getByRole('combobox', { name: /^Tags/ }), 'vip-12');
    await waitFor(() => expect(dialog.getAllByRole('option')[0]).toHaveTextContent('vip-1206'));
  },
};

export const TranscriptPrefilled: Story = {
  args: { ...openStory, visitorEmail: 'maria.silva@example.com', defaultValues: { sendTranscript: true } },
  tags: hiddenFromDocs,
  play: async (context) => {
    const dialog = await dialogOf(context);
    await expect(dialog.getByRole('textbox', { name: 'Visitor email' })).toHaveValue('maria.silva@example.com');
  },
};

export const PdfOnly: Story = {
  args: { ...openStory, transcript: { email: false, pdf: true } },
  tags: hiddenFromDocs,
  play: async (context) => {
    const dialog = await dialogOf(context);
    await expect(dialog.getByRole('checkbox', { name: 'Generate PDF transcript' })).not.toBeChecked();
    await expect(dialog.queryByRole('checkbox', { name: 'Send transcript to visitor' })).not.toBeInTheDocument();
  },
};

export const Pending: Story = {
  args: openStory,
  tags: hiddenFromDocs,
  ...mockRocketChat({ delayMs: 60_000 }),
  play: async (context) => {
    const dialog = await submitWithComment(context);
    await expect(await dialog.findByRole('button', { name: 'Closing…' })).toHaveAttribute('aria-busy', 'true');
  },
};

function failing(failure: MockFailure, text: RegExp | string): Story {
  return { args: openStory, tags: hiddenFromDocs, ...mockRocketChat({ failure }), play: outcome(text) };
}

export const AlreadyClosed: Story = {
  args: { ...openStory, rid: 'room-closed' },
  tags: hiddenFromDocs,
  play: async (context) => {
    const dialog = await submitWithComment(context);
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('already closed'));
    await expect(context.args.onClosed).toHaveBeenCalledWith({ rid: 'room-closed', alreadyClosed: true });
    await expect(dialog.getByRole('button', { name: 'Dismiss' })).toHaveFocus();
  },
};

export const SessionExpired: Story = {
  args: openStory,
  tags: hiddenFromDocs,
  parameters: { agent: { userId: 'agent-ana', authToken: 'expired-token' } },
  play: async (context) => {
    await outcome('Your session has expired')?.(context);
    await userEvent.click(body(context).getByRole('button', { name: 'Sign in again' }));
    await expect(context.args.onUnauthorized).toHaveBeenCalledTimes(1);
  },
};

export const Forbidden: Story = {
  args: openStory,
  tags: hiddenFromDocs,
  parameters: { agent: mockAgentWithoutPermission },
  play: outcome('You don’t have permission to close conversations'),
};

export const NotServing: Story = {
  args: openStory,
  tags: hiddenFromDocs,
  parameters: { agent: mockAgentOwnRoomsOnly },
  play: outcome('Another agent serves this conversation'),
};

export const CommentRequiredByServer: Story = {
  args: openStory,
  tags: hiddenFromDocs,
  play: async (context) => {
    const dialog = await dialogOf(context);
    await userEvent.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('Rocket.Chat requires a closing comment'));
    await expect(dialog.getByRole('textbox', { name: /^Comment/ })).toHaveFocus();
  },
};

export const TagsRequiredByServer: Story = {
  args: { ...openStory, rid: 'room-2' },
  tags: hiddenFromDocs,
  play: async (context) => {
    const dialog = await submitWithComment(context);
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('This department requires at least one tag'));
  },
};

/** After a 429 the submit button counts the server's wait down and sends nothing until it is over. */
export const RateLimited: Story = {
  ...failing('rate-limited', 'Too many requests. Wait 12 seconds, then try again.'),
  play: async (context) => {
    await outcome('Too many requests. Wait 12 seconds, then try again.')?.(context);
    const dialog = await dialogOf(context);
    await expect(dialog.getByRole('button', { name: /^Try again in 1[12] seconds$/ })).toHaveAttribute('aria-disabled', 'true');
  },
};
export const ServerErrorHtml = failing('bad-gateway-html', 'Rocket.Chat had a problem closing the conversation');
export const NetworkFailure = failing('network', 'Rocket.Chat could not be reached');

const hanging = mockRocketChat({ failure: 'hang' });
export const Timeout: Story = {
  args: openStory,
  tags: hiddenFromDocs,
  beforeEach: hanging.beforeEach,
  parameters: { ...hanging.parameters, timeoutMs: 300 },
  play: outcome('Rocket.Chat did not answer in time'),
};

export const DarkTheme: Story = {
  args: { ...openStory, requireComment: true, visitorEmail: 'maria.silva@example.com', defaultValues: { sendTranscript: true, tags: ['billing'] } },
  tags: hiddenFromDocs,
  beforeEach: () => {
    document.documentElement.dataset.theme = 'dark';
    return () => {
      delete document.documentElement.dataset.theme;
    };
  },
};

export const RightToLeft: Story = {
  args: { ...openStory, requireComment: true, defaultValues: { tags: ['فواتير', 'عميل مهم'] } },
  tags: hiddenFromDocs,
  beforeEach: () => {
    document.documentElement.dir = 'rtl';
    return () => {
      document.documentElement.dir = '';
    };
  },
};

export const Portuguese: Story = {
  args: { ...openStory, messages: ptBRMessages, requireComment: true },
  tags: hiddenFromDocs,
  play: async (context) => {
    await expect(await body(context).findByRole('dialog', { name: 'Encerrar conversa' })).toBeInTheDocument();
  },
};

/** Connected mode: given only `rid`, rules, tags and the visitor's e-mail come from an enterprise server. */
export const ConnectedEnterprise: Story = {
  args: { ...openStory, rid: 'room-2', source: 'server' },
  tags: hiddenFromDocs,
  play: async (context) => {
    const dialog = await dialogOf(context);
    await waitFor(() => expect(dialog.getByRole('combobox', { name: /^Tags/ })).toBeRequired());
    await userEvent.type(dialog.getByRole('combobox', { name: /^Tags/ }), 'ups');
    await waitFor(() => expect(dialog.getAllByRole('option').map((option) => option.textContent)).toEqual(['upsell']));
  },
};

const community = mockRocketChat({ edition: 'community' });
/** Connected mode on a community server: no tag list, so the department's closing tags are offered. */
export const ConnectedCommunity: Story = {
  args: { ...openStory, rid: 'room-2', source: 'server' },
  tags: hiddenFromDocs,
  beforeEach: community.beforeEach,
  parameters: community.parameters,
  play: async (context) => {
    const dialog = await dialogOf(context);
    await waitFor(() => expect(dialog.getByRole('combobox', { name: /^Tags/ })).toBeRequired());
    await userEvent.type(dialog.getByRole('combobox', { name: /^Tags/ }), 'sa');
    await waitFor(() => expect(dialog.getAllByRole('option').map((option) => option.textContent)).toEqual(['sales']));
  },
};
