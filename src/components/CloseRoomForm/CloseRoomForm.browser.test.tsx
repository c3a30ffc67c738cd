import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { browserClient, expectNoAxeViolations, renderWithClient, setupBrowserRocketChat } from '../../../test/helpers/browser';
import type { CloseRoomErrorKind } from '../../client/errors';
import { enMessages } from '../../i18n/messages';
import { esMessages } from '../../i18n/es';
import { ptBRMessages } from '../../i18n/pt-BR';
import { CloseRoomForm } from './CloseRoomForm';

const { worker } = setupBrowserRocketChat();
const CLOSE = '*/api/v1/livechat/room.closeByUser';

const json = (status: number, body: object, headers: Record<string, string> = {}) => () => HttpResponse.json(body, { status, headers });

// One server answer per kind, as the contract's response table words it.
const answers: Record<CloseRoomErrorKind, () => Response | Promise<Response>> = {
  'already-closed': json(400, { success: false, error: 'error-room-already-closed' }),
  unauthorized: json(401, { status: 'error', message: 'You must be logged in to do this.' }),
  forbidden: json(403, { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' }),
  'not-serving': json(400, { success: false, error: 'error-not-authorized' }),
  'room-not-found': json(400, { success: false, error: 'error-invalid-room' }),
  'comment-required': json(400, { success: false, error: 'error-comment-is-required' }),
  'tags-required': json(400, { success: false, error: 'error-tags-must-be-assigned-before-closing-chat' }),
  'invalid-params': json(400, { success: false, error: "must have required property 'rid' [invalid-params]", errorType: 'invalid-params' }),
  'rate-limited': json(429, { success: false, error: 'Error, too many requests. Please slow down. You must wait 7 seconds before trying this endpoint again. [error-too-many-requests]' }),
  conflict: json(400, { success: false, error: 'error-room-cannot-be-closed-try-again' }),
  timeout: async () => {
    await delay('infinite');
    return HttpResponse.json({});
  },
  network: () => HttpResponse.error(),
  server: () => HttpResponse.html('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502 }),
  unknown: json(418, { success: false, error: 'error-something-new' }),
};

const expected = (kind: CloseRoomErrorKind) => (kind === 'rate-limited' ? 'Too many requests. Wait 7 seconds, then try again.' : enMessages.errors[kind]);

describe('given a CloseRoomForm without a dialog', () => {
  it('renders the fields, shows Cancel only with onCancel, and closes the room', async () => {
    const onClosed = vi.fn();
    const user = userEvent.setup();
    const { rerender } = renderWithClient(<CloseRoomForm rid="room-4" onClosed={onClosed} />);
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    const onCancel = vi.fn();
    rerender(<CloseRoomForm rid="room-4" onClosed={onClosed} onCancel={onCancel} />);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    await user.type(screen.getByRole('textbox', { name: /Comment/ }), 'Done');
    await user.click(screen.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(onClosed).toHaveBeenCalledExactlyOnceWith({ rid: 'room-4', alreadyClosed: false }));
  });

  describe('shows every CloseRoomError kind in its own words, in the alert region', () => {
    it('has a distinct message per kind', () => {
      const texts = Object.values(enMessages.errors);
      expect(new Set(texts).size).toBe(texts.length);
    });

    it.each(Object.keys(answers) as CloseRoomErrorKind[])('%s', async (kind) => {
      worker.use(http.post(CLOSE, answers[kind]));
      const onError = vi.fn();
      const user = userEvent.setup();
      // Inside a landmark, as a host page has it (axe checks the whole page).
      renderWithClient(
        <main>
          <CloseRoomForm rid="room-1" onError={onError} onCancel={() => undefined} />
        </main>,
        // A short timeout only where the timeout is the point: a loaded machine may take longer
        // than 200 ms to answer the others.
        browserClient({ timeoutMs: kind === 'timeout' ? 200 : 10_000 }),
      );
      await user.type(screen.getByRole('textbox', { name: /Comment/ }), 'Kept <b>as typed</b>');
      await user.click(screen.getByRole('button', { name: 'Close conversation' }));
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(expected(kind)));
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind }));
      expect(screen.getByRole('textbox', { name: /Comment/ })).toHaveValue('Kept <b>as typed</b>');
      // Server text is never shown: only our words.
      expect(document.body).not.toHaveTextContent(/error-|\[|Bad Gateway/);
      await expectNoAxeViolations();
    });
  });

  it('offers Dismiss, not a new close, when the room no longer exists', async () => {
    worker.use(http.post(CLOSE, answers['room-not-found']));
    const onCancel = vi.fn();
    const user = userEvent.setup();
    renderWithClient(<CloseRoomForm rid="room-1" onCancel={onCancel} />);
    await user.click(screen.getByRole('button', { name: 'Close conversation' }));
    await user.click(await screen.findByRole('button', { name: 'Dismiss' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Close conversation' })).not.toBeInTheDocument();
  });
});

describe('the catalogues', () => {
  it.each([
    ['pt-BR', ptBRMessages],
    ['es', esMessages],
  ])('%s translates every key (no English left)', (_name, catalogue) => {
    const flat = (messages: typeof enMessages): [string, unknown][] => [
      ...Object.entries(messages).filter(([, value]) => typeof value === 'string'),
      ...Object.entries(messages.fieldErrors).map(([key, value]): [string, unknown] => [`fieldErrors.${key}`, value]),
      ...Object.entries(messages.errors).map(([key, value]): [string, unknown] => [`errors.${key}`, value]),
    ];
    const english = new Map(flat(enMessages));
    const same = flat(catalogue).filter(([key, value]) => english.get(key) === value && key !== 'tagsLabel');
    expect(same).toEqual([]);
    expect(flat(catalogue)).toHaveLength(english.size);
  });
});
