import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import readme from '../../README.md?raw';
import example from '../../examples/headless/PlainCloseForm.tsx?raw';
import { PlainCloseForm } from '../../examples/headless/PlainCloseForm';
import { DEFAULT_TRANSCRIPT_SUBJECT, useCloseRoomForm } from '../../src';
import { browserClient, expectNoAxeViolations, renderWithClient, setupBrowserRocketChat } from '../helpers/browser';

const { mock, worker } = setupBrowserRocketChat();
const sentBodies = () => mock.closeRequests.map((request) => request.body);

/** Ids named by ARIA attributes that no element has. */
function danglingReferences() {
  const attributes = ['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-activedescendant'];
  const missing: string[] = [];
  for (const element of document.querySelectorAll(attributes.map((name) => `[${name}]`).join(','))) {
    for (const name of attributes) {
      for (const id of element.getAttribute(name)?.split(/\s+/).filter(Boolean) ?? []) {
        if (!document.getElementById(id)) missing.push(`${name}=${id}`);
      }
    }
  }
  return missing;
}

describe("the README's plain HTML view on useCloseRoomForm", () => {
  it('is the example file, under 40 lines', () => {
    const block = /### Bring your own design system: `useCloseRoomForm`[\s\S]*?```tsx\n([\s\S]*?)```/.exec(readme)?.[1];
    const shown = example
      .replace("from '../../src'", "from 'rocketchat-omnichannel-ui'")
      .split('\n')
      .filter((line) => !line.includes('eslint-disable'))
      .join('\n');
    expect(block).toBe(shown);
    expect(block?.trimEnd().split('\n').length).toBeLessThan(40);
  });

  describe('given the plain form for a room', () => {
    function renderPlain(rid = 'room-1', client = browserClient()) {
      const onDone = vi.fn();
      const onSignIn = vi.fn();
      const user = userEvent.setup();
      const paths: string[] = [];
      const record = ({ request }: { request: Request }) => paths.push(`${request.method} ${new URL(request.url).pathname}`);
      worker.events.on('request:start', record);
      const rendered = renderWithClient(
        <main>
          <PlainCloseForm key={rid} rid={rid} onDone={onDone} onSignIn={onSignIn} />
        </main>,
        client,
      );
      return { ...rendered, onDone, onSignIn, user, paths, stop: () => worker.events.removeListener('request:start', record) };
    }

    it('shows the server refusal in words, wired by id, and keeps what was typed', async () => {
      const { user, paths, stop } = renderPlain();
      await user.type(screen.getByRole('combobox', { name: /Tags/ }), 'billing{Enter}');
      await user.click(screen.getByRole('button', { name: 'Close conversation' }));
      // The mock requires a comment, as Rocket.Chat does by default: the form learns the rule.
      const comment = screen.getByRole('textbox', { name: /^Comment/ });
      await waitFor(() => expect(comment).toBeRequired());
      expect(screen.getByText('(required)')).toBeVisible();
      await waitFor(() => expect(comment).toHaveAccessibleDescription('Enter a closing comment.'));
      expect(screen.getByRole('alert')).toHaveTextContent('Rocket.Chat requires a closing comment. Add one, then close again.');
      expect(comment).toBeInvalid();
      expect(comment).toHaveFocus();
      expect(screen.getByRole('button', { name: 'Remove tag billing' })).toBeInTheDocument();
      expect(danglingReferences()).toEqual([]);
      await expectNoAxeViolations();
      // Plain mode reads nothing from the server: the close is the only request.
      stop();
      expect(paths).toEqual(['POST /api/v1/livechat/room.closeByUser']);
    });

    it('closes the room with one request, then calls onClosed', async () => {
      const { user, onDone, stop } = renderPlain();
      await user.type(screen.getByRole('textbox', { name: /Comment/ }), 'Refund issued');
      await user.type(screen.getByRole('combobox', { name: /Tags/ }), 'billing,');
      await user.click(screen.getByRole('checkbox', { name: 'Send transcript to visitor' }));
      await user.type(screen.getByRole('textbox', { name: 'Visitor email' }), 'maria@example.com');
      await user.keyboard('{Control>}{Enter}{/Control}');
      await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
      stop();
      expect(sentBodies()).toEqual([
        {
          rid: 'room-1',
          comment: 'Refund issued',
          tags: ['billing'],
          transcriptEmail: { sendToVisitor: true, requestData: { email: 'maria@example.com', subject: DEFAULT_TRANSCRIPT_SUBJECT } },
        },
      ]);
      expect(screen.getByRole('alert')).toHaveTextContent('This conversation is closed.');
      // Closed from the keyboard in a field: Dismiss appears without taking the focus from it.
      expect(screen.getByRole('button', { name: 'Dismiss' })).toBeInTheDocument();
      expect(screen.getByRole('textbox', { name: 'Visitor email' })).toHaveFocus();
      expect(screen.queryByRole('button', { name: 'Close conversation' })).not.toBeInTheDocument();
    });

    it('hands the focus to Dismiss when the clicked submit button goes away', async () => {
      const { user } = renderPlain();
      await user.type(screen.getByRole('textbox', { name: /Comment/ }), 'Refund issued');
      await user.click(screen.getByRole('button', { name: 'Close conversation' }));
      await waitFor(() => expect(screen.getByRole('button', { name: 'Dismiss' })).toHaveFocus());
    });

    it('keeps an already-closed room on screen, says why, and leaves onDone to Dismiss', async () => {
      const { user, onDone } = renderPlain('room-closed');
      await user.type(screen.getByRole('textbox', { name: /Comment/ }), 'Late note');
      await user.click(screen.getByRole('button', { name: 'Close conversation' }));
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('This conversation is already closed, perhaps by a colleague.'));
      expect(onDone).not.toHaveBeenCalled();
      await user.click(screen.getByRole('button', { name: 'Dismiss' }));
      expect(onDone).toHaveBeenCalledTimes(1);
    });

    it('offers Sign in again on a 401 and calls onSignIn', async () => {
      const { user, onSignIn } = renderPlain('room-1', browserClient({ credentials: { userId: 'agent-ana', authToken: 'expired' } }));
      await user.type(screen.getByRole('textbox', { name: /Comment/ }), 'Refund issued');
      await user.click(screen.getByRole('button', { name: 'Close conversation' }));
      await user.click(await screen.findByRole('button', { name: 'Sign in again' }));
      expect(onSignIn).toHaveBeenCalledTimes(1);
    });
  });

  it('refuses a changed rid on the same hook, so one room’s values never go to another', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Unkeyed({ rid }: { rid: string }) {
      return <p>{useCloseRoomForm({ rid }).submitLabel}</p>;
    }
    const { rerender } = renderWithClient(<Unkeyed rid="room-1" />);
    expect(screen.getByText('Close conversation')).toBeInTheDocument();
    expect(() => rerender(<Unkeyed rid="room-3" />)).toThrow(/rid changed; key the component by rid/);
  });
});
