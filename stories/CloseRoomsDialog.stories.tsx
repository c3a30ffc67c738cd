import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { manyMockRooms, toBulkRooms } from '../test/helpers/bulk';
import { CloseRoomsDialog, createOmnichannelClient, restoreCloseRoomsJob } from '../src';
import type { BulkRoomState, SavedCloseRoomsJob } from '../src';
import { ptBRMessages, ptBRCloseRoomsMessages } from '../src/locales';
import { createMockRooms, createRocketChatMock, mockAgent } from '../src/testing';
import { ownerDigest } from '../src/bulk/owner';
import type { MockSettings } from '../src/testing';

// The package's own mock Rocket.Chat, with 12 more open rooms to close in bulk.
const extra = manyMockRooms(12);
const mock = createRocketChatMock({ rooms: [...createMockRooms(), ...extra], closeDurationMs: 0, delayMs: 40 });
const KEY = 'story:close-rooms';

/** A fresh server and no job left from another story; `settings` for this story's server. */
const server = (settings: Partial<MockSettings> = {}, seed?: () => Promise<void>) => async () => {
  (await restoreCloseRoomsJob(createOmnichannelClient({ baseUrl: location.origin, credentials: mockAgent }), { storageKey: KEY }))?.discard();
  sessionStorage.removeItem(KEY);
  mock.reset();
  mock.set(settings);
  await seed?.();
};

const meta = {
  title: 'Omnichannel/CloseRoomsDialog',
  component: CloseRoomsDialog,
  tags: ['autodocs'],
  args: {
    rooms: toBulkRooms(extra.slice(0, 6)),
    defaultOpen: true,
    storageKey: KEY,
    onFinished: fn(),
    onOpenChange: fn(),
  },
  argTypes: { rooms: { control: false }, trigger: { control: false }, storage: { control: false }, messages: { control: false }, formMessages: { control: false }, container: { control: false } },
  beforeEach: server(),
  parameters: {
    msw: { handlers: mock.handlers },
    docs: {
      description: {
        component:
          'Closes many conversations with one wrap-up, paced by the server’s rate limit: `<CloseRoomsDialog rooms={selected} trigger={<button>Close selected…</button>} />`. The job is kept in `sessionStorage` and offered again after a reload.',
      },
    },
  },
} satisfies Meta<typeof CloseRoomsDialog>;

export default meta;
type Story = StoryObj<typeof meta>;
const hidden = ['!autodocs'];

const dialogOf = async (context: StoryContext) => within(await within(context.canvasElement.ownerDocument.body).findByRole('dialog'));
const progressOf = async (context: StoryContext) => (await dialogOf(context)).findByRole('progressbar', { name: 'Closing conversations' });

async function start(context: StoryContext) {
  const dialog = await dialogOf(context);
  await userEvent.type(await dialog.findByRole('textbox', { name: /^Comment/ }), 'Abandoned');
  await userEvent.click(await dialog.findByRole('button', { name: /^Close \d+ conversations$/ }));
  return dialog;
}

/** The wrap-up: which rooms, which are skipped and why, the shared fields. */
export const WrapUp: Story = {
  args: { rooms: toBulkRooms(createMockRooms()) },
  play: async (context) => {
    const dialog = await dialogOf(context);
    await expect(await dialog.findByRole('region', { name: '1 can’t be closed and will be skipped' })).toHaveTextContent('Ahmed Hassan');
    await expect(dialog.getByRole('combobox', { name: /^Tags/ })).toHaveAccessibleDescription(/Conversations in Sales require at least one tag/);
  },
};

/** The server's rules still loading. */
export const Checking: Story = {
  tags: hidden,
  beforeEach: server({ delayMs: 60_000 }),
  play: async (context) => {
    const dialog = await dialogOf(context);
    await expect(dialog.getByText('Checking the conversations…')).toBeInTheDocument();
  },
};

/** Sending, then waiting for the rate limit's window (2 closes a minute here). */
export const WaitingForTheLimit: Story = {
  beforeEach: server({ rateLimit: { calls: 2, windowMs: 60_000 } }),
  play: async (context) => {
    const dialog = await start(context);
    await waitFor(() => expect(dialog.getByText(/Waiting for Rocket\.Chat’s limit: the next close in/)).toBeInTheDocument(), { timeout: 8000 });
    await expect(await progressOf(context)).toHaveAttribute('aria-valuenow', '2');
    await expect(dialog.getByText(/About \d+ minutes? left/)).toBeInTheDocument();
  },
};

/** Paused by the agent: nothing is sent. */
export const Paused: Story = {
  tags: hidden,
  beforeEach: server({ rateLimit: { calls: 2, windowMs: 60_000 } }),
  play: async (context) => {
    const dialog = await start(context);
    await userEvent.click(await dialog.findByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(dialog.getByText('Paused. Nothing is being sent.')).toBeInTheDocument(), { timeout: 8000 });
    await expect(dialog.getByRole('button', { name: 'Resume' })).toBeInTheDocument();
  },
};

/** A 401: paused, "Sign in again", then it resumes. */
export const SessionExpired: Story = {
  tags: hidden,
  args: { onUnauthorized: fn() },
  parameters: { agent: { userId: 'agent-ana', authToken: 'expired-token' } },
  play: async (context) => {
    const dialog = await start(context);
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('Your session has expired.'), { timeout: 8000 });
    await expect(dialog.getByRole('button', { name: 'Sign in again' })).toBeInTheDocument();
  },
};

/** The connection keeps failing: paused after three failures in a row. */
export const NetworkDown: Story = {
  tags: hidden,
  beforeEach: server({ failure: 'network' }),
  play: async (context) => {
    const dialog = await start(context);
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent('Rocket.Chat can’t be reached.'), { timeout: 8000 });
  },
};

/** Finished with a 500 on two rooms: the reasons in words, and a retry of those. */
export const FinishedWithFailures: Story = {
  beforeEach: server({ roomFailures: { 'bulk-0002': 'server-error', 'bulk-0004': 'bad-gateway-html' } }),
  play: async (context) => {
    const dialog = await start(context);
    await waitFor(() => expect(dialog.getByRole('status')).toHaveTextContent('Finished: 4 closed, 2 not closed, 0 skipped.'), { timeout: 8000 });
    await expect(dialog.getAllByText('Rocket.Chat had a problem.')).toHaveLength(2);
    await expect(dialog.getByRole('button', { name: 'Retry 2 conversations' })).toBeInTheDocument();
  },
};

/** Stopped: the close in flight finished, the rest were not sent. */
export const Stopped: Story = {
  tags: hidden,
  beforeEach: server({ rateLimit: { calls: 2, windowMs: 60_000 } }),
  play: async (context) => {
    const dialog = await start(context);
    await userEvent.click(await dialog.findByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(dialog.getByRole('status')).toHaveTextContent(/^Stopped: \d closed, 0 not closed, \d not sent\.$/), { timeout: 8000 });
  },
};

/** What a saved job looks like, as a reload finds it. */
function seed(count: number, status: (index: number) => Pick<BulkRoomState, 'status' | 'error'>) {
  return async () => {
    const rooms: BulkRoomState[] = Array.from({ length: count }, (_, index) => ({ rid: `bulk-${String(index + 1).padStart(4, '0')}`, name: `Visitor ${String(index + 1).padStart(4, '0')}`, posts: 1, ...status(index) }));
    // Started by the stories' agent: restore offers a job only to the agent whose digest it holds.
    const owner = await ownerDigest(location.origin, mockAgent.userId);
    const saved: SavedCloseRoomsJob = { version: 1, id: 'seeded', baseUrl: location.origin, owner, createdAt: Date.now(), attempt: 1, cancelled: false, wrapUp: { comment: 'Abandoned' }, rooms, emails: {} };
    sessionStorage.setItem(KEY, JSON.stringify(saved));
  };
}

/** After a reload: the job is offered for resumption with what was already done. */
export const InterruptedByReload: Story = {
  beforeEach: server({}, seed(12, (index) => (index < 5 ? { status: 'closed' } : index === 5 ? { status: 'sending' } : { status: 'queued' }))),
  play: async (context) => {
    const dialog = await dialogOf(context);
    await expect(await dialog.findByText('Closing was interrupted: 5 of 12 handled. Resume to close the rest.')).toBeInTheDocument();
    await expect(dialog.getByRole('row', { name: /Visitor 0006 Waiting Sent again after the page reloaded\./ })).toBeInTheDocument();
    await userEvent.click(dialog.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(dialog.getByRole('status')).toHaveTextContent('Finished: 12 closed, 0 not closed, 0 skipped.'), { timeout: 8000 });
  },
};

/** 1,000 rooms: the results list is paged (50 rows), never 1,000 rows at once. */
export const ThousandRooms: Story = {
  tags: hidden,
  beforeEach: server({}, seed(1000, (index) => (index % 97 === 3 ? { status: 'failed', error: 'server' } : { status: 'closed' }))),
  play: async (context) => {
    const dialog = await dialogOf(context);
    await expect(await dialog.findByRole('progressbar')).toHaveAttribute('aria-valuemax', '1000');
    await expect(dialog.getAllByRole('row')).toHaveLength(51);
    await userEvent.click(dialog.getByRole('radio', { name: 'Not closed' }));
    await expect(dialog.getByText('1–11 of 11')).toBeInTheDocument();
  },
};

/** Portuguese, with the form's texts from the single dialog's catalogue. */
export const Portuguese: Story = {
  tags: hidden,
  args: { messages: ptBRCloseRoomsMessages, formMessages: ptBRMessages },
  play: async (context) => {
    const dialog = await dialogOf(context);
    await expect(dialog.getByRole('heading', { name: 'Encerrar 6 conversas' })).toBeInTheDocument();
    await expect(await dialog.findByRole('button', { name: 'Encerrar 6 conversas' })).toBeInTheDocument();
  },
};
