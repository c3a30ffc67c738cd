import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { CloseRoomForm } from '../src';
import type { CloseRoomFormProps } from '../src';
import { ptBRMessages } from '../src/locales';
import { createMockRooms, mockAgent, mockAgentOwnRoomsOnly, mockAgentWithoutPermission } from '../src/testing';
import type { MockAgent, MockFailure, MockRoom } from '../src/testing';
import { manyTags, mockRocketChat, StoryProviders } from './support';

interface Cell {
  title: string;
  form: Partial<CloseRoomFormProps>;
  /** The play function presses "Close conversation" in this cell. */
  submit?: boolean;
  agent?: Pick<MockAgent, 'userId' | 'authToken'>;
  timeoutMs?: number;
  theme?: 'dark';
  dir?: 'rtl';
  /** Room this cell closes, when it misbehaves on purpose. */
  failure?: MockFailure;
}

const comment = { comment: 'Customer confirmed the fix.' };

const cells: Cell[] = [
  { title: 'Default', form: { rid: 'room-1' } },
  { title: 'Required comment, left empty', form: { rid: 'room-1', requireComment: true }, submit: true },
  { title: 'Required tags, with suggestions', form: { rid: 'room-1', requireTags: true, tagSuggestions: manyTags(), defaultValues: { tags: ['billing-0000', 'vip'] } } },
  { title: 'Transcript, invalid e-mail', form: { rid: 'room-1', visitorEmail: 'maria.silva@example', defaultValues: { ...comment, sendTranscript: true } }, submit: true },
  { title: 'PDF transcript only', form: { rid: 'room-1', transcript: { email: false, pdf: true } } },
  { title: 'Pending (slow server)', form: { rid: 'grid-hang', defaultValues: comment }, submit: true, failure: 'hang', timeoutMs: 600_000 },
  { title: 'Already closed', form: { rid: 'room-closed', defaultValues: comment }, submit: true },
  { title: 'Session expired', form: { rid: 'room-1', defaultValues: comment, onUnauthorized: () => undefined }, submit: true, agent: { userId: mockAgent.userId, authToken: 'expired' } },
  { title: 'Forbidden', form: { rid: 'room-1', defaultValues: comment }, submit: true, agent: mockAgentWithoutPermission },
  { title: 'Not serving', form: { rid: 'room-1', defaultValues: comment }, submit: true, agent: mockAgentOwnRoomsOnly },
  { title: 'Comment required by the server', form: { rid: 'room-4' }, submit: true },
  { title: 'Tags required by the department', form: { rid: 'room-2', defaultValues: comment }, submit: true },
  { title: 'Rate limited', form: { rid: 'grid-rate', defaultValues: comment }, submit: true, failure: 'rate-limited' },
  { title: 'Server error, HTML page', form: { rid: 'grid-html', defaultValues: comment }, submit: true, failure: 'bad-gateway-html' },
  { title: 'Network failure', form: { rid: 'grid-network', defaultValues: comment }, submit: true, failure: 'network' },
  { title: 'Timeout', form: { rid: 'grid-timeout', defaultValues: comment }, submit: true, failure: 'hang', timeoutMs: 500 },
  { title: 'Dark theme', form: { rid: 'room-1', requireComment: true, defaultValues: { tags: ['billing'], sendTranscript: true, transcriptEmail: 'maria.silva@example.com' } }, theme: 'dark' },
  { title: 'Right to left', form: { rid: 'room-1', requireComment: true, defaultValues: { tags: ['فواتير'] } }, dir: 'rtl' },
  { title: 'Português', form: { rid: 'room-1', messages: ptBRMessages, requireComment: true }, submit: true },
];

// Extra open rooms for the cells that fail on purpose, one failure each.
const failing = cells.filter((cell) => cell.failure);
const rooms: MockRoom[] = [
  ...createMockRooms(),
  ...failing.map((cell) => ({ ...createMockRooms()[0], _id: cell.form.rid ?? '', open: true }) as MockRoom),
];
const rocketChat = mockRocketChat({
  rooms,
  roomFailures: Object.fromEntries(failing.map((cell) => [cell.form.rid ?? '', cell.failure ?? 'none'])),
});

function AllStates() {
  return (
    <ul className="story-grid">
      {cells.map((cell) => (
        <li key={cell.title} className="story-grid__cell rcou-root" data-theme={cell.theme} dir={cell.dir}>
          <section aria-label={cell.title}>
            <h2 className="story-grid__title">{cell.title}</h2>
            <StoryProviders agent={cell.agent} timeoutMs={cell.timeoutMs}>
              <CloseRoomForm rid="room-1" onCancel={() => undefined} {...cell.form} />
            </StoryProviders>
          </section>
        </li>
      ))}
    </ul>
  );
}

const meta = {
  title: 'Omnichannel/All states',
  component: AllStates,
  parameters: { layout: 'padded', ...rocketChat.parameters },
  beforeEach: rocketChat.beforeEach,
} satisfies Meta<typeof AllStates>;

export default meta;

/** Every state of the form at once, for visual review. The play function submits the cells that show an outcome. */
export const Grid: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const cell of cells.filter((candidate) => candidate.submit)) {
      const section = within(canvas.getByRole('region', { name: cell.title }));
      await userEvent.click(section.getByRole('button', { name: /Close conversation|Encerrar conversa/ }));
    }
    const outcomes: [string, RegExp][] = [
      ['Already closed', /already closed/],
      ['Session expired', /session has expired/],
      ['Rate limited', /Wait 12 seconds/],
      ['Timeout', /did not answer in time/],
    ];
    for (const [title, text] of outcomes) {
      await waitFor(() => expect(within(canvas.getByRole('region', { name: title })).getByRole('alert')).toHaveTextContent(text), { timeout: 3000 });
    }
  },
};
