import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { setupRocketChatServer, testClient } from '../../test/helpers/node-server';
import { OmnichannelProvider } from '../provider/OmnichannelProvider';
import { createManyMockTags } from '../testing';
import { useCloseRoomServerRules } from './close-room-server-rules';
import { useCommentRequired, useLivechatDepartment, useLivechatRoom, useLivechatTags, useLivechatVisitor } from './livechat-queries';

const { mock, server } = setupRocketChatServer({ tags: createManyMockTags(5000) });

const paths: string[] = [];
server.events.on('request:start', ({ request }) => paths.push(new URL(request.url).pathname + new URL(request.url).search));

function wrapper({ children }: { children: ReactNode }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <QueryClientProvider client={queryClient}>
      <OmnichannelProvider client={testClient()}>{children}</OmnichannelProvider>
    </QueryClientProvider>
  );
}

describe('useLivechatTags', () => {
  it('pages through thousands of tags 50 at a time instead of downloading them all', async () => {
    const { result } = renderHook(() => useLivechatTags({}), { wrapper });
    await waitFor(() => expect(result.current.tags).toHaveLength(50));
    expect(result.current.hasNextPage).toBe(true);
    await result.current.fetchNextPage();
    await waitFor(() => expect(result.current.tags).toHaveLength(100));
    expect(result.current.tags[50]).toBe('billing-0050');
  });

  it('lets the server search by text', async () => {
    const { result } = renderHook(() => useLivechatTags({ text: 'vip-12' }), { wrapper });
    await waitFor(() => expect(result.current.tags.length).toBeGreaterThan(0));
    expect(result.current.tags.every((tag) => tag.includes('vip-12'))).toBe(true);
    expect(paths.some((path) => path.includes('text=vip-12'))).toBe(true);
  });

  it('reports no tag list, not an error, on a community server', async () => {
    mock.set({ edition: 'community' });
    const { result } = renderHook(() => useLivechatTags({ department: 'dept-sales' }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.available).toBe(false);
    expect(result.current.tags).toEqual([]);
  });

  it('surfaces a real failure as an error', async () => {
    mock.set({ tagsFail: true });
    const { result } = renderHook(() => useLivechatTags({}), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ name: 'OmnichannelApiError', status: 500 });
  });
});

describe('room, visitor, department and setting queries', () => {
  it('read what the close dialog needs', async () => {
    const { result } = renderHook(
      () => ({
        room: useLivechatRoom('room-2'),
        visitor: useLivechatVisitor('visitor-2'),
        department: useLivechatDepartment('dept-sales'),
        comment: useCommentRequired(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.comment.isSuccess && result.current.department.isSuccess && result.current.visitor.isSuccess && result.current.room.isSuccess).toBe(true));
    expect(result.current.room.data).toEqual({ _id: 'room-2', open: true, departmentId: 'dept-sales', visitorId: 'visitor-2' });
    expect(result.current.visitor.data).toEqual({ _id: 'visitor-2', name: 'John Carter', email: 'john+orders@example.co.uk' });
    expect(result.current.department.data).toEqual({ _id: 'dept-sales', name: 'Sales', requestTagBeforeClosingChat: true, chatClosingTags: ['sales'] });
    expect(result.current.comment.data).toBe(true);
  });

  it('gives null for the comment rule when the server does not expose it', async () => {
    mock.set({ exposeCommentSetting: false });
    const { result } = renderHook(() => useCommentRequired(), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toBeNull();
  });

  it('combines them in useCloseRoomServerRules', async () => {
    const { result } = renderHook(() => useCloseRoomServerRules('room-2'), { wrapper });
    await waitFor(() => expect(result.current.visitorEmail).toBeDefined());
    await waitFor(() => expect(result.current.requireTags).toBeDefined());
    expect(result.current).toMatchObject({
      requireComment: true,
      requireTags: true,
      tagDeadEnd: false,
      visitorEmail: 'john+orders@example.co.uk',
      departmentId: 'dept-sales',
      departmentName: 'Sales',
      closingTags: ['sales'],
      roomClosed: false,
      roomLoaded: true,
    });
  });

  it('sends nothing when disabled', async () => {
    paths.length = 0;
    renderHook(() => useCloseRoomServerRules('room-2', { enabled: false }), { wrapper });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(paths).toEqual([]);
  });
});
