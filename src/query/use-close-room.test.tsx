import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { testClient, setupRocketChatServer } from '../../test/helpers/node-server';
import type { CloseRoomRequest } from '../client/close-room';
import type { OmnichannelClient } from '../client/client';
import { OmnichannelProvider } from '../provider/OmnichannelProvider';
import { mockAgent, mockAgentOwnRoomsOnly, mockAgentWithoutPermission } from '../testing';
import type { MockAgent } from '../testing';
import { livechatRoomKeys } from './keys';
import { useCloseRoom } from './use-close-room';
import type { UseCloseRoomOptions } from './use-close-room';

const { mock } = setupRocketChatServer();

function setupAs(agent: MockAgent = mockAgent) {
  return setup(testClient({ credentials: { userId: agent.userId, authToken: agent.authToken } }));
}

function setup(client: OmnichannelClient = testClient()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <OmnichannelProvider client={client}>{children}</OmnichannelProvider>
    </QueryClientProvider>
  );
  return { queryClient, wrapper };
}

/** Renders the hook's state as text and a button, the way a user would see it. */
function CloseButton({ request, options }: { request: CloseRoomRequest; options?: UseCloseRoomOptions }) {
  const mutation = useCloseRoom(options);
  return (
    <div>
      <button type="button" onClick={() => mutation.mutate(request)}>
        Close {request.rid}
      </button>
      <p role="status">
        {mutation.status}
        {mutation.error ? ` ${mutation.error.kind}` : ''}
      </p>
    </div>
  );
}

describe('useCloseRoom', () => {
  describe('given an open room', () => {
    it('closes it and reports success', async () => {
      const { wrapper } = setup();
      render(<CloseButton request={{ rid: 'room-1', comment: 'Done' }} />, { wrapper });
      await userEvent.click(screen.getByRole('button', { name: 'Close room-1' }));
      expect(await screen.findByText('success')).toBeInTheDocument();
      expect(mock.rooms.get('room-1')?.open).toBe(false);
    });

    it('invalidates room lists and the room before calling onSuccess', async () => {
      const { wrapper, queryClient } = setup();
      let listFetches = 0;
      function RoomList() {
        useQuery({ queryKey: livechatRoomKeys.list({ open: true }), queryFn: () => ++listFetches });
        return null;
      }
      const onSuccess = vi.fn(() => {
        expect(queryClient.getQueryState(livechatRoomKeys.list({ open: true }))?.isInvalidated).toBe(false);
        expect(listFetches).toBe(2);
      });
      render(
        <>
          <RoomList />
          <CloseButton request={{ rid: 'room-1', comment: 'Done' }} options={{ onSuccess }} />
        </>,
        { wrapper },
      );
      await vi.waitFor(() => expect(listFetches).toBe(1));
      await userEvent.click(screen.getByRole('button', { name: 'Close room-1' }));
      await screen.findByText('success');
      expect(onSuccess).toHaveBeenCalledTimes(1);
    });
  });

  // Every row of the contract's response table, through the hook as a component uses it.
  const rows: { row: string; request: CloseRoomRequest; kind: string; agent?: MockAgent; setup?: () => void }[] = [
    { row: 'room already closed', request: { rid: 'room-closed', comment: 'x' }, kind: 'already-closed' },
    { row: 'bad credentials', request: { rid: 'room-1', comment: 'x' }, kind: 'unauthorized', agent: { ...mockAgent, authToken: 'old' } },
    { row: 'bad credentials, older servers', request: { rid: 'room-1', comment: 'x' }, kind: 'unauthorized', agent: { ...mockAgent, authToken: 'old' }, setup: () => mock.set({ unauthorizedShape: 'legacy' }) },
    { row: 'bad body', request: { rid: 'room-1', comment: 'x', tags: [7 as unknown as string] }, kind: 'invalid-params' },
    { row: 'missing permission', request: { rid: 'room-1', comment: 'x' }, kind: 'forbidden', agent: mockAgentWithoutPermission },
    { row: 'room not found', request: { rid: 'nope', comment: 'x' }, kind: 'room-not-found' },
    { row: "not serving, no 'close-others'", request: { rid: 'room-1', comment: 'x' }, kind: 'not-serving', agent: mockAgentOwnRoomsOnly },
    { row: 'comment required', request: { rid: 'room-1' }, kind: 'comment-required' },
    { row: 'tags required', request: { rid: 'room-2', comment: 'x' }, kind: 'tags-required' },
    { row: 'conflict while closing', request: { rid: 'room-1', comment: 'x' }, kind: 'conflict', setup: () => mock.set({ failure: 'conflict' }) },
    { row: 'rate limited', request: { rid: 'room-1', comment: 'x' }, kind: 'rate-limited', setup: () => mock.set({ failure: 'rate-limited' }) },
    { row: '5xx', request: { rid: 'room-1', comment: 'x' }, kind: 'server', setup: () => mock.set({ failure: 'server-error' }) },
    { row: "a proxy's HTML page", request: { rid: 'room-1', comment: 'x' }, kind: 'server', setup: () => mock.set({ failure: 'bad-gateway-html' }) },
  ];

  it.each(rows)('exposes a typed error for "$row": $kind', async ({ request, kind, agent, setup }) => {
    setup?.();
    const { wrapper } = setupAs(agent);
    render(<CloseButton request={request} />, { wrapper });
    await userEvent.click(screen.getByRole('button', { name: `Close ${request.rid}` }));
    expect(await screen.findByText(`error ${kind}`)).toBeInTheDocument();
  });

  it('does not retry a failure on its own', async () => {
    mock.set({ failure: 'server-error' });
    const { wrapper } = setup();
    render(<CloseButton request={{ rid: 'room-1', comment: 'x' }} />, { wrapper });
    await userEvent.click(screen.getByRole('button', { name: 'Close room-1' }));
    await screen.findByText('error server');
    expect(mock.closeRequests).toHaveLength(1);
  });

  it('sends one request per room however often and from however many hooks it is called', async () => {
    mock.set({ delayMs: 50 });
    const { wrapper } = setup();
    const { result: first } = renderHook(() => useCloseRoom(), { wrapper });
    const { result: second } = renderHook(() => useCloseRoom(), { wrapper });
    const request = { rid: 'room-1', comment: 'Done' };
    const outcomes = await Promise.allSettled([
      first.current.mutateAsync(request),
      first.current.mutateAsync(request),
      second.current.mutateAsync(request),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(mock.closeRequests).toHaveLength(1);
    // Once the first is settled a new close is a new request (and the server says closed).
    await expect(first.current.mutateAsync(request)).rejects.toMatchObject({ kind: 'already-closed' });
    expect(mock.closeRequests).toHaveLength(2);
  });

  it('keeps requests for different rooms apart', async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useCloseRoom(), { wrapper });
    await Promise.all([
      result.current.mutateAsync({ rid: 'room-1', comment: 'a' }),
      result.current.mutateAsync({ rid: 'room-4', comment: 'b' }),
    ]);
    expect(mock.closeRequests.map((request) => (request.body as CloseRoomRequest).rid)).toEqual(['room-1', 'room-4']);
  });

  it('says clearly when no OmnichannelProvider is above it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const queryClient = new QueryClient();
    expect(() =>
      renderHook(() => useCloseRoom(), {
        wrapper: ({ children }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>,
      }),
    ).toThrow('useOmnichannelClient must be used within <OmnichannelProvider client={...}>');
  });
});
