import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manyMockRooms, toBulkRooms } from '../../../test/helpers/bulk';
import { browserClient, expectNoAxeViolations, renderWithClient, setupBrowserRocketChat } from '../../../test/helpers/browser';
import { restoreCloseRoomsJob } from '../../bulk';
import { ptBRCloseRoomsMessages, ptBRMessages } from '../../locales';
import { createMockRooms, mockAgent, mockAgentOwnRoomsOnly } from '../../testing';
import { CloseRoomsDialog } from './CloseRoomsDialog';
import type { CloseRoomsDialogProps } from './CloseRoomsDialog';

const bulk = manyMockRooms(12);
const { mock } = setupBrowserRocketChat({ rooms: [...createMockRooms(), ...bulk], closeDurationMs: 0 });
const KEY = 'test:close-rooms-dialog';

afterEach(async () => {
  (await restoreCloseRoomsJob(browserClient(), { storageKey: KEY }))?.discard();
  sessionStorage.clear();
});

function openDialog(props: Partial<CloseRoomsDialogProps> = {}, client = browserClient()) {
  const user = userEvent.setup();
  const result = renderWithClient(<CloseRoomsDialog rooms={toBulkRooms(bulk.slice(0, 6))} defaultOpen storageKey={KEY} {...props} />, client);
  return { user, ...result };
}

const progress = () => screen.getByRole('progressbar', { name: 'Closing conversations' });
const postsOf = (rid: string) => mock.closeRequests.filter((request) => (request.body as { rid: string }).rid === rid).length;

async function fillAndStart(user: ReturnType<typeof userEvent.setup>, { tag }: { tag?: string } = {}) {
  await user.type(await screen.findByRole('textbox', { name: /^Comment/ }), 'Abandoned');
  if (tag) await user.type(screen.getByRole('combobox', { name: /^Tags/ }), `${tag}{Enter}`);
  await user.click(await screen.findByRole('button', { name: /^Close \d+ conversations?$/ }));
}

describe('given a CloseRoomsDialog over the default rooms', () => {
  it('speaks of one conversation in the singular', async () => {
    const { user } = openDialog({ rooms: toBulkRooms(bulk.slice(0, 1)) });
    await screen.findByRole('dialog', { name: 'Close 1 conversation' });
    expect(await screen.findByRole('button', { name: 'Close 1 conversation' })).toBeInTheDocument();
    await fillAndStart(user);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Finished: 1 closed'), { timeout: 5000 });
  });

  it('writes counts in thousands with the locale\'s separator, in the title, the list and the button', async () => {
    const rooms = Array.from({ length: 1200 }, (_, index) => ({ rid: `many-${index}`, name: `Visitor ${index}`, visitorEmail: `v${index}@example.com` }));
    openDialog({ rooms });
    const dialog = await screen.findByRole('dialog', { name: 'Close 1,200 conversations' });
    expect(within(dialog).getByText(/and 1,195 more/)).toBeInTheDocument();
    expect(await within(dialog).findByRole('button', { name: 'Close 1,200 conversations' })).toBeInTheDocument();
  });

  it('in Portuguese, each number of the summary takes its own plural form', async () => {
    const user = userEvent.setup();
    renderWithClient(<CloseRoomsDialog rooms={toBulkRooms(bulk.slice(0, 1))} defaultOpen storageKey={KEY} messages={ptBRCloseRoomsMessages} formMessages={ptBRMessages} />, browserClient());
    await user.type(await screen.findByRole('textbox', { name: /^Comentário/ }), 'Abandonada');
    await user.click(await screen.findByRole('button', { name: 'Encerrar 1 conversa' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Concluído: 1 encerrada, 0 não encerrada, 0 pulada.'), { timeout: 5000 });
  });

  it('lists the rooms it will skip and why, requires a tag for Sales, sends nothing until the wrap-up is complete', async () => {
    const { user } = openDialog({ rooms: toBulkRooms(createMockRooms()) });
    const dialog = await screen.findByRole('dialog', { name: 'Close 7 conversations' });
    const skipped = await within(dialog).findByRole('region', { name: '1 can’t be closed and will be skipped' });
    expect(skipped).toHaveTextContent('Ahmed Hassan: the Legal department requires a tag but has no closing tags set up');
    expect(screen.getByRole('button', { name: 'Close 6 conversations' })).toBeInTheDocument();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Close 6 conversations' }));
    expect(screen.getByRole('textbox', { name: /^Comment/ })).toHaveAccessibleDescription('Enter a closing comment.');
    await user.type(screen.getByRole('textbox', { name: /^Comment/ }), 'Stale');
    await user.click(screen.getByRole('button', { name: 'Close 6 conversations' }));
    expect(screen.getByRole('combobox', { name: /^Tags/ })).toHaveAccessibleDescription(/Add at least one tag\. Conversations in Sales require at least one tag\./);
    expect(mock.closeRequests).toEqual([]);
    await user.type(screen.getByRole('combobox', { name: /^Tags/ }), 'stale{Enter}');
    await user.click(screen.getByRole('button', { name: 'Close 6 conversations' }));
    await waitFor(() => expect(progress()).toHaveAttribute('aria-valuenow', '7'), { timeout: 5000 });
    expect(progress()).toHaveAttribute('aria-valuemax', '7');
    expect(screen.getByRole('status')).toHaveTextContent('Finished: 6 closed, 0 not closed, 1 skipped.');
    expect(postsOf('room-legal')).toBe(0);
    const table = screen.getByRole('table', { name: 'Conversations' });
    expect(within(table).getByRole('row', { name: /Old Visitor Already closed/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /Ahmed Hassan Skipped/ })).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('text left in the tag input stops the start with a message naming it; once added, it is sent', async () => {
    const { user } = openDialog({ rooms: toBulkRooms(bulk.slice(0, 1)) });
    await user.type(await screen.findByRole('textbox', { name: /^Comment/ }), 'Abandoned');
    const tags = screen.getByRole('combobox', { name: /^Tags/ });
    await user.type(tags, 'stale');
    await user.click(screen.getByRole('button', { name: 'Close 1 conversation' }));
    expect(tags).toHaveAccessibleDescription(/Press Enter to add “\u2068stale\u2069” as a tag, or clear it\./);
    expect(tags).toHaveFocus();
    expect(tags).toHaveValue('stale');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(tags).not.toHaveAccessibleDescription(/Press Enter to add/);
    await user.click(screen.getByRole('button', { name: 'Close 1 conversation' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Finished: 1 closed'), { timeout: 5000 });
    const sent = mock.closeRequests.find((request) => (request.body as { rid: string }).rid === bulk[0]?._id);
    expect(sent?.body).toMatchObject({ tags: ['stale'] });
  });

  it('keeps what the agent typed when the dialog is closed and opened again', async () => {
    const user = userEvent.setup();
    renderWithClient(<CloseRoomsDialog rooms={toBulkRooms(bulk.slice(0, 3))} storageKey={KEY} trigger={<button type="button">Close selected…</button>} />);
    await user.click(screen.getByRole('button', { name: 'Close selected…' }));
    await user.type(await screen.findByRole('textbox', { name: /^Comment/ }), 'Gone quiet');
    await user.type(screen.getByRole('combobox', { name: /^Tags/ }), 'stale{Enter}');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Close selected…' }));
    expect(await screen.findByRole('textbox', { name: /^Comment/ })).toHaveValue('Gone quiet');
    expect(screen.getByRole('list', { name: 'Selected tags' })).toHaveTextContent('stale');
    expect(mock.closeRequests).toEqual([]);
  });

  it('keeps text left in the tag input with the draft, and Ctrl+Enter then stops on it as the button does', async () => {
    const user = userEvent.setup();
    renderWithClient(<CloseRoomsDialog rooms={toBulkRooms(bulk.slice(0, 3))} storageKey={KEY} trigger={<button type="button">Close selected…</button>} />);
    await user.click(screen.getByRole('button', { name: 'Close selected…' }));
    await user.type(await screen.findByRole('textbox', { name: /^Comment/ }), 'Gone quiet');
    await user.type(screen.getByRole('combobox', { name: /^Tags/ }), 'stale');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Close selected…' }));
    const tags = await screen.findByRole('combobox', { name: /^Tags/ });
    expect(tags).toHaveValue('stale');
    await user.click(tags);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(tags).toHaveAccessibleDescription(/Press Enter to add “\u2068stale\u2069” as a tag/);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Finished: 3 closed'), { timeout: 5000 });
    expect(mock.closeRequests.at(-1)?.body).toMatchObject({ comment: 'Gone quiet', tags: ['stale'] });
  });

  it('a paste after the message turns the text into chips and answers it, duplicates and all', async () => {
    const { user } = openDialog({ rooms: toBulkRooms(bulk.slice(0, 1)) });
    await user.type(await screen.findByRole('textbox', { name: /^Comment/ }), 'n');
    const tags = screen.getByRole('combobox', { name: /^Tags/ });
    await user.type(tags, 'vip{Enter}foo');
    await user.click(screen.getByRole('button', { name: 'Close 1 conversation' }));
    expect(tags).toHaveAccessibleDescription(/Press Enter to add “\u2068foo\u2069”/);
    await user.click(tags);
    await user.paste(',vip');
    expect(within(screen.getByRole('list', { name: 'Selected tags' })).getAllByRole('listitem').map((item) => item.textContent?.replace('×', ''))).toEqual(['vip', 'foo']);
    expect(tags).toHaveValue('');
    expect(tags).not.toHaveAccessibleDescription(/Press Enter to add/);
    expect(tags).not.toHaveAttribute('aria-invalid');
  });

  it('"Add at least one tag" goes as soon as a tag is added, as in the single dialog', async () => {
    // The mock's Sales department requires a tag.
    const { user } = openDialog({ rooms: toBulkRooms(createMockRooms().filter((room) => room.departmentId === 'dept-sales')) });
    await user.type(await screen.findByRole('textbox', { name: /^Comment/ }), 'n');
    const tags = screen.getByRole('combobox', { name: /^Tags/ });
    await user.click(await screen.findByRole('button', { name: /^Close \d+ conversations?$/ }));
    expect(tags).toHaveAccessibleDescription(/Add at least one tag\./);
    await user.type(tags, 'quote{Enter}');
    expect(tags).not.toHaveAccessibleDescription(/Add at least one tag/);
    expect(tags).not.toHaveAttribute('aria-invalid');
  });

  it('skips the rooms of other agents when the agent may not close them', async () => {
    const client = browserClient({ credentials: { userId: mockAgentOwnRoomsOnly.userId, authToken: mockAgentOwnRoomsOnly.authToken } });
    openDialog({ rooms: toBulkRooms(createMockRooms()).slice(3, 5) }, client);
    const skipped = await screen.findByRole('region', { name: '1 can’t be closed and will be skipped' });
    expect(skipped).toHaveTextContent('Kenji Watanabe: another agent serves it');
    expect(screen.getByRole('button', { name: 'Close 1 conversation' })).toBeInTheDocument();
  });
});

describe('given a run against a rate limit', () => {
  it('waits for the window, pauses, resumes and stops: nothing new is sent after Stop, and the view has no axe violation', async () => {
    mock.set({ rateLimit: { calls: 2, windowMs: 1500 } });
    const { user } = openDialog();
    await fillAndStart(user);
    await screen.findByText(/Waiting for Rocket\.Chat’s limit: the next close in \d second/);
    expect(screen.getByText(/About \d+ seconds? left/)).toBeInTheDocument();
    expect(mock.closeRequests).toHaveLength(2);
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(await screen.findByText('Paused. Nothing is being sent.')).toBeInTheDocument();
    // The button pressed is replaced: focus lands on the phase's action, not on the page.
    expect(screen.getByRole('button', { name: 'Resume' })).toHaveFocus();
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect(mock.closeRequests).toHaveLength(2);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('button', { name: 'Pause' })).toHaveFocus();
    await waitFor(() => expect(progress()).toHaveAttribute('aria-valuenow', '4'));
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Stopped: 4 closed, 0 not closed, 2 not sent.'), { timeout: 5000 });
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    expect(mock.closeRequests).toHaveLength(4);
    expect(screen.getByRole('button', { name: 'Retry 2 conversations' })).toBeInTheDocument();
    await expectNoAxeViolations();
  });
});

describe('given a run of 12 rooms', () => {
  it('announces politely every 5 rooms and once at the end, not every room', async () => {
    // 80 ms a close: rooms 10 and 12 answer frames apart even on a loaded machine (at 10 ms a
    // fresh-clone run saw both land in one render, so "10 of 12" never reached the DOM).
    mock.set({ delayMs: 80 });
    const { user } = openDialog({ rooms: toBulkRooms(bulk) });
    await fillAndStart(user);
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('role', 'status');
    const heard: string[] = [];
    const observer = new MutationObserver(() => {
      if (status.textContent && heard.at(-1) !== status.textContent) heard.push(status.textContent);
    });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    await waitFor(() => expect(status).toHaveTextContent(/^Finished/), { timeout: 10000 });
    observer.disconnect();
    expect(heard).toEqual(['5 of 12 conversations handled.', '10 of 12 conversations handled.', 'Finished: 12 closed, 0 not closed, 0 skipped.']);
  });
});

describe('given failures mid-run', () => {
  it('pauses on a 401, asks to sign in again, and resumes where it stopped', async () => {
    let token = mockAgent.authToken;
    const client = browserClient({ credentials: () => ({ userId: mockAgent.userId, authToken: token }) });
    const onUnauthorized = vi.fn(() => {
      token = mockAgent.authToken;
    });
    mock.set({ delayMs: 30 });
    const { user } = openDialog({ onUnauthorized }, client);
    await fillAndStart(user);
    await waitFor(() => expect(progress()).toHaveAttribute('aria-valuenow', '2'));
    token = 'expired';
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/Your session has expired/), { timeout: 3000 });
    expect(screen.getByRole('alert')).toHaveTextContent('Your session has expired. Sign in again; closing then resumes where it stopped.');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Sign in again' }));
    await waitFor(() => expect(progress()).toHaveAttribute('aria-valuenow', '6'), { timeout: 5000 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    for (const room of bulk.slice(0, 6)) expect(mock.rooms.get(room._id)?.open).toBe(false);
  });

  it('reports a 500 on some rooms in words and retries only those', async () => {
    mock.set({ roomFailures: { 'bulk-0002': 'server-error', 'bulk-0005': 'unavailable-html' } });
    const { user } = openDialog();
    await fillAndStart(user);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Finished: 4 closed, 2 not closed, 0 skipped.'), { timeout: 5000 });
    await user.click(screen.getByRole('radio', { name: 'Not closed' }));
    const rows = within(screen.getByRole('table', { name: 'Conversations' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['Visitor 0002Not closedRocket.Chat had a problem.', 'Visitor 0005Not closedRocket.Chat had a problem.']);
    mock.set({ roomFailures: {} });
    await user.click(screen.getByRole('button', { name: 'Retry 2 conversations' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Finished: 6 closed, 0 not closed, 0 skipped.'), { timeout: 5000 });
    expect(postsOf('bulk-0001')).toBe(1);
    expect(postsOf('bulk-0002')).toBe(2);
  });

  it('survives a reload: the job is offered with what was done, and resuming closes the rest once', async () => {
    mock.set({ delayMs: 40 });
    const first = openDialog();
    await fillAndStart(first.user);
    await waitFor(() => expect(progress()).toHaveAttribute('aria-valuenow', '3'));
    // The page goes away: the job stops where it is, the components unmount.
    (await restoreCloseRoomsJob(browserClient(), { storageKey: KEY }))?.dispose();
    first.unmount();
    expect(sessionStorage.getItem(KEY)).not.toContain(mockAgent.authToken);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = openDialog();
    await screen.findByText(/Closing was interrupted: [34] of 6 handled\. Resume to close the rest\./);
    expect(within(screen.getByRole('table', { name: 'Conversations' })).getAllByRole('row', { name: /Closed/ }).length).toBeGreaterThanOrEqual(3);
    await expectNoAxeViolations();
    await second.user.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(progress()).toHaveAttribute('aria-valuenow', '6'), { timeout: 5000 });
    for (const room of bulk.slice(0, 6)) expect(postsOf(room._id)).toBeLessThanOrEqual(2);
    expect(bulk.slice(0, 6).filter((room) => postsOf(room._id) === 2).length).toBeLessThanOrEqual(1);
  });
});
