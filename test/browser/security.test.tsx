import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeRoom, CloseRoomError } from '../../src/client';
import { CloseRoomDialog } from '../../src/components/CloseRoomDialog';
import { browserClient, renderWithClient, setupBrowserRocketChat } from '../helpers/browser';

// Issue #7, security: credentials never leave for anywhere but the server and never show up
// anywhere a person or a log could read them; server and user text render as inert text.

const secret = { userId: 'uid-SECRET-7d1e', authToken: 'tok-SECRET-93fa2c' };
const { mock, worker } = setupBrowserRocketChat({
  agents: [{ ...secret, username: 'secret.agent', roles: ['livechat-manager'] }],
});
const CLOSE = '*/api/v1/livechat/room.closeByUser';

declare global {
  interface Window {
    pwned?: number;
  }
}

const requests: Request[] = [];
const logged: unknown[][] = [];
beforeEach(() => {
  requests.length = 0;
  logged.length = 0;
  worker.events.on('request:start', ({ request }) => requests.push(request));
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
  }
});
afterEach(() => {
  worker.events.removeAllListeners();
  delete window.pwned;
});

const leaks = (text: string) => text.includes(secret.authToken) || text.includes(secret.userId);

describe('credentials', () => {
  it('never appear in the DOM, a URL, the console, an error message or a query key', async () => {
    const errors: CloseRoomError[] = [];
    const user = userEvent.setup();
    const { queryClient } = renderWithClient(
      <>
        <CloseRoomDialog rid="room-1" defaultOpen onError={(error) => errors.push(error)} />
        <CloseRoomDialog rid="room-closed" trigger={<button type="button">Second</button>} onError={(error) => errors.push(error)} />
      </>,
      browserClient({ credentials: secret }),
    );
    // A failure, a success, and an already-closed room.
    mock.set({ failure: 'server-error' });
    await user.type(screen.getByRole('textbox', { name: /Comment/ }), 'One');
    await user.click(screen.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('problem'));
    mock.set({ failure: 'none' });
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Second' }));
    await user.type(screen.getByRole('textbox', { name: /Comment/ }), 'Two');
    await user.click(screen.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('already closed'));

    expect(requests.length).toBeGreaterThanOrEqual(3);
    // They were sent, as headers, and only there.
    expect(requests.every((request) => request.headers.get('x-auth-token') === secret.authToken)).toBe(true);
    expect(requests.some((request) => leaks(request.url))).toBe(false);
    expect(leaks(location.href)).toBe(false);
    expect(leaks(document.documentElement.outerHTML)).toBe(false);
    expect(logged.some((args) => leaks(args.map(String).join(' ')))).toBe(false);
    expect(errors.map((error) => error.kind)).toEqual(['server', 'already-closed']);
    expect(errors.some((error) => leaks(`${error.message} ${String(error.cause)} ${JSON.stringify(error)}`))).toBe(false);
    const keys = [
      ...queryClient.getQueryCache().getAll().map((query) => query.queryKey),
      ...queryClient.getMutationCache().getAll().map((mutation) => [mutation.options.mutationKey, mutation.state.variables]),
    ];
    expect(leaks(JSON.stringify(keys))).toBe(false);
  });

  it('go to baseUrl only: a redirect to another origin is not followed', async () => {
    const elsewhere: string[] = [];
    worker.use(
      http.post(CLOSE, () => new HttpResponse(null, { status: 302, headers: { Location: 'https://attacker.example/collect' } })),
      http.all('https://attacker.example/*', ({ request }) => {
        elsewhere.push(request.url);
        return HttpResponse.json({ success: true });
      }),
    );
    const error = await closeRoom(browserClient({ credentials: secret }), { rid: 'room-1', comment: 'x' }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(CloseRoomError);
    expect(elsewhere).toEqual([]);
    expect(requests.filter((request) => new URL(request.url).origin !== location.origin)).toEqual([]);
  });

  it('go to baseUrl only, even through a host fetch that is asked for other paths', async () => {
    const seen: { url: string; token: string | null }[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      seen.push({ url: input instanceof Request ? input.url : input.toString(), token: new Headers(init?.headers).get('x-auth-token') });
      return fetch(input, init);
    };
    const client = browserClient({ credentials: secret, fetch: recordingFetch });
    await expect(client.request({ method: 'GET', path: 'https://attacker.example/steal' })).rejects.toThrow(TypeError);
    await expect(client.request({ method: 'GET', path: '../../../steal' })).rejects.toThrow(TypeError);
    await closeRoom(client, { rid: 'room-1', comment: 'x' });
    expect(seen).toEqual([{ url: `${location.origin}/api/v1/livechat/room.closeByUser`, token: secret.authToken }]);
  });
});

describe('hostile text', () => {
  const payloads = ['<img src=x onerror="window.pwned=1">', '<script>window.pwned=2</script>', '"><svg onload="window.pwned=3">'];

  it('in the server error is never rendered', async () => {
    worker.use(http.post(CLOSE, () => HttpResponse.json({ success: false, error: payloads[0] }, { status: 400 })));
    const user = userEvent.setup();
    const before = document.querySelectorAll('img, script, svg').length;
    renderWithClient(<CloseRoomDialog rid="room-1" defaultOpen />, browserClient({ credentials: secret }));
    await user.click(screen.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('could not be closed'));
    expect(document.querySelectorAll('img, script, svg').length).toBe(before);
    expect(document.body).not.toHaveTextContent('onerror');
    expect(window.pwned).toBeUndefined();
  });

  it('in tags, suggestions and the comment stays text', async () => {
    const user = userEvent.setup();
    renderWithClient(<CloseRoomDialog rid="room-1" defaultOpen tagSuggestions={payloads} />, browserClient({ credentials: secret }));
    const dialog = within(screen.getByRole('dialog'));
    const before = document.querySelectorAll('img, script, svg').length;
    await user.click(dialog.getByRole('textbox', { name: /Comment/ }));
    await user.paste(payloads.join('\n'));
    await user.click(dialog.getByRole('combobox', { name: /Tags/ }));
    await user.paste(payloads[0] ?? '');
    await user.keyboard('{Enter}');
    await user.type(dialog.getByRole('combobox', { name: /Tags/ }), 'window');
    expect(dialog.getAllByRole('option').map((option) => option.textContent)).toEqual([payloads[1], payloads[2]]);
    expect(dialog.getByRole('list', { name: 'Selected tags' })).toHaveTextContent(payloads[0] ?? '');
    expect(document.querySelectorAll('img, script, svg').length).toBe(before);
    await user.clear(dialog.getByRole('combobox', { name: /Tags/ }));
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(mock.closeRequests[0]?.body).toEqual({ rid: 'room-1', comment: payloads.join('\n'), tags: [payloads[0]] });
    expect(window.pwned).toBeUndefined();
  });
});
