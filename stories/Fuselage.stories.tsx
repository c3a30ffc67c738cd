import '@rocket.chat/fuselage/dist/fuselage.css';
import '@rocket.chat/icons/dist/rocketchat.css';
import { Button } from '@rocket.chat/fuselage';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { FuselageCloseRoomModal } from '../examples/fuselage/FuselageCloseRoomModal';
import type { FuselageCloseRoomModalProps } from '../examples/fuselage/FuselageCloseRoomModal';
import { FuselageModalRegion } from '../examples/fuselage/FuselageModalRegion';
import { createMockRooms, mockAgent, mockAgentOwnRoomsOnly, mockAgentWithoutPermission } from '../src/testing';
import type { MockAgent, MockFailure, MockRoom } from '../src/testing';
import { mockRocketChat, StoryProviders } from './support';

// Issue #13: the close flow in Rocket.Chat's own design system (@rocket.chat/fuselage), built on
// the headless useCloseRoomForm only. Every outcome of the contract, one cell each.

interface Cell {
  title: string;
  /** What the alert says once the cell was submitted. */
  says?: RegExp;
  form: Partial<FuselageCloseRoomModalProps>;
  agent?: Pick<MockAgent, 'userId' | 'authToken'>;
  timeoutMs?: number;
  failure?: MockFailure;
}

const comment = { defaultValues: { comment: 'Customer confirmed the fix.' } };

const cells: Cell[] = [
  { title: 'Closed', form: { rid: 'room-1', ...comment }, says: /This conversation is closed/ },
  { title: 'Already closed', form: { rid: 'room-closed', ...comment }, says: /already closed/ },
  { title: 'Already closed, force close allowed', form: { rid: 'room-closed', allowForceClose: true, ...comment }, says: /it may be stuck/ },
  { title: 'Session expired (401)', form: { rid: 'room-1', ...comment, onUnauthorized: () => undefined }, agent: { userId: mockAgent.userId, authToken: 'expired' }, says: /session has expired/ },
  { title: 'No permission (403)', form: { rid: 'room-1', ...comment }, agent: mockAgentWithoutPermission, says: /don’t have permission/ },
  { title: 'Not serving', form: { rid: 'room-1', ...comment }, agent: mockAgentOwnRoomsOnly, says: /Another agent serves/ },
  { title: 'Comment required by the server', form: { rid: 'room-4' }, says: /requires a closing comment/ },
  { title: 'Tags required by the department', form: { rid: 'room-2', ...comment }, says: /requires at least one tag/ },
  { title: 'Rate limited (429)', form: { rid: 'fuselage-429', ...comment }, failure: 'rate-limited', says: /Wait 12 seconds/ },
  { title: 'Network failure', form: { rid: 'fuselage-network', ...comment }, failure: 'network', says: /could not be reached/ },
  { title: 'Timeout', form: { rid: 'fuselage-hang', ...comment }, failure: 'hang', timeoutMs: 500, says: /did not answer in time/ },
  { title: 'Server error (502)', form: { rid: 'fuselage-502', ...comment }, failure: 'bad-gateway-html', says: /had a problem/ },
];

const failing = cells.filter((cell) => cell.failure);
const rooms: MockRoom[] = [...createMockRooms(), ...failing.map((cell) => ({ ...createMockRooms()[0], _id: cell.form.rid ?? '' }) as MockRoom)];
const rocketChat = mockRocketChat({ rooms, allowForceClose: true, roomFailures: Object.fromEntries(failing.map((cell) => [cell.form.rid ?? '', cell.failure ?? 'none'])) });

function Outcomes() {
  return (
    <ul className="story-grid story-grid--fuselage">
      {cells.map((cell) => (
        <li key={cell.title} className="story-grid__cell">
          <section aria-label={cell.title}>
            <h2 className="story-grid__title">{cell.title}</h2>
            <StoryProviders agent={cell.agent} timeoutMs={cell.timeoutMs}>
              <FuselageCloseRoomModal rid="room-1" modal={false} onCancel={() => undefined} {...cell.form} />
            </StoryProviders>
          </section>
        </li>
      ))}
    </ul>
  );
}

/** The modal as an agent meets it: a button opens it over the console, Escape or Cancel dismiss it. */
function InConsole({ rid = 'room-1' }: { rid?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        Wrap up…
      </Button>
      {open && (
        <FuselageModalRegion onDismiss={() => setOpen(false)}>
          <FuselageCloseRoomModal key={rid} rid={rid} onClosed={() => setOpen(false)} onCancel={() => setOpen(false)} />
        </FuselageModalRegion>
      )}
    </>
  );
}

const meta = {
  title: 'Design systems/Fuselage',
  component: InConsole,
  parameters: { ...rocketChat.parameters },
  beforeEach: rocketChat.beforeEach,
} satisfies Meta<typeof InConsole>;

export default meta;

/** Open, fill in, close: one request, the modal goes and focus returns to the button. */
export const Modal: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    const opener = canvas.getByRole('button', { name: 'Wrap up…' });
    await userEvent.click(opener);
    const dialog = within(await body.findByRole('dialog', { name: 'Wrap up conversation' }));
    await userEvent.type(dialog.getByRole('textbox', { name: 'Comment' }), 'Refund issued');
    await userEvent.type(dialog.getByRole('combobox', { name: /Tags/ }), 'billing{Enter}');
    await userEvent.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(body.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(opener).toHaveFocus());
  },
};

/** Every outcome of the contract in fuselage, side by side; the play function closes each cell. */
export const Outcomes_: StoryObj<typeof meta> = {
  name: 'Outcomes',
  parameters: { layout: 'padded' },
  render: () => <Outcomes />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const cell of cells) {
      const section = within(canvas.getByRole('region', { name: cell.title }));
      await userEvent.click(section.getByRole('button', { name: 'Close conversation' }));
    }
    for (const cell of cells) {
      if (!cell.says) continue;
      const says = cell.says;
      await waitFor(() => expect(within(canvas.getByRole('region', { name: cell.title })).getByRole('alert')).toHaveTextContent(says), { timeout: 3000 });
    }
  },
};
