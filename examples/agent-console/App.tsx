import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CloseRoomDialog, createOmnichannelClient, livechatRoomKeys, OmnichannelProvider, useOmnichannelClient } from '../../src';
import type { OmnichannelClient } from '../../src';
import { BulkClose } from './BulkClose';
import { mockAgent } from '../../src/testing';

export interface ListedRoom {
  _id: string;
  fname?: string;
  v?: { _id?: string; username?: string };
  lastMessage?: { msg?: string };
  departmentId?: string;
  servedBy?: { _id?: string };
}

/** `GET /api/v1/livechat/rooms?open=true`: the agent's open conversations. */
async function fetchOpenRooms(client: OmnichannelClient, signal: AbortSignal): Promise<ListedRoom[]> {
  const response = await client.request({ method: 'GET', path: 'livechat/rooms', query: { open: true, count: 50 }, signal });
  const body = response.body as { rooms?: ListedRoom[] } | undefined;
  if (response.status !== 200 || !Array.isArray(body?.rooms)) {
    throw new Error(`Rocket.Chat answered ${response.status} to the room list`);
  }
  return body.rooms;
}

function Console({ mode }: { mode: 'mock' | 'server' }) {
  const client = useOmnichannelClient();
  const queryClient = useQueryClient();
  const rooms = useQuery({
    queryKey: livechatRoomKeys.list({ open: true }),
    queryFn: ({ signal }) => fetchOpenRooms(client, signal),
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // Rooms ticked for "Close selected…"; a ticked room that left the list no longer counts.
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set());
  const tickedRooms = rooms.data?.filter((room) => ticked.has(room._id)) ?? [];
  const tick = (rid: string, on: boolean) =>
    setTicked((before) => {
      const next = new Set(before);
      if (on) next.add(rid);
      else next.delete(rid);
      return next;
    });
  // Derived, not synced: the selection falls back to the first room still open.
  const selected = rooms.data?.find((room) => room._id === selectedId) ?? rooms.data?.[0];

  return (
    <div className="console">
      <header className="console__header">
        <h1>Agent console</h1>
        <p className="console__mode">{mode === 'mock' ? 'Built-in mock Rocket.Chat' : 'Connected to your Rocket.Chat'}</p>
      </header>
      <div className="console__side">
      <BulkClose
        rooms={rooms.data ?? []}
        ticked={tickedRooms}
        onTickAll={(on) => setTicked(new Set(on ? (rooms.data ?? []).map((room) => room._id) : []))}
        onFinished={() => setTicked(new Set())}
      />
      <nav className="console__list" aria-label="Open conversations">
        <h2>Open conversations</h2>
        {rooms.isPending && <p>Loading…</p>}
        {rooms.isError && <p role="alert">Could not load the conversations: {rooms.error.message}</p>}
        {rooms.data?.length === 0 && <p>No open conversations. Well done!</p>}
        <ul>
          {rooms.data?.map((room) => (
            <li key={room._id} className="console__row">
              <input
                type="checkbox"
                className="console__tick"
                aria-label={`Select ${room.fname ?? room.v?.username ?? room._id}`}
                checked={ticked.has(room._id)}
                onChange={(event) => tick(room._id, event.target.checked)}
              />
              <button
                type="button"
                className="console__room"
                aria-current={room._id === selected?._id ? 'true' : undefined}
                onClick={() => setSelectedId(room._id)}
              >
                <span className="console__room-name">{room.fname ?? room.v?.username ?? room._id}</span>
                <span className="console__room-message">{room.lastMessage?.msg ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      </div>
      <main className="console__main">
        {selected ? (
          <section aria-labelledby="conversation-title">
            <div className="console__conversation-header">
              <h2 id="conversation-title">{selected.fname ?? selected._id}</h2>
              <CloseRoomDialog
                key={selected._id}
                rid={selected._id}
                // Connected mode: rules, tags and the visitor's e-mail come from Rocket.Chat.
                source="server"
                transcript={{ email: true, pdf: true }}
                trigger={<button type="button" className="console__close">Close conversation…</button>}
                onClosed={({ alreadyClosed }) => {
                  // A successful close already invalidated the lists; a room closed elsewhere did not.
                  if (alreadyClosed) void queryClient.invalidateQueries({ queryKey: livechatRoomKeys.lists() });
                }}
              />
            </div>
            <p className="console__last-message">
              <span>Last message:</span> {selected.lastMessage?.msg ?? '—'}
            </p>
          </section>
        ) : (
          <p>Select a conversation.</p>
        )}
      </main>
    </div>
  );
}

export function App({ mode }: { mode: 'mock' | 'server' }) {
  const [queryClient] = useState(() => new QueryClient());
  const [client] = useState(() =>
    createOmnichannelClient({
      // Same origin in both modes: the service worker (mock) or the dev server's proxy (server)
      // answers. With a real server the proxy adds the real credentials; these are placeholders.
      baseUrl: window.location.origin,
      credentials: mode === 'mock' ? { userId: mockAgent.userId, authToken: mockAgent.authToken } : { userId: 'set-by-proxy', authToken: 'set-by-proxy' },
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <OmnichannelProvider client={client}>
        <Console mode={mode} />
      </OmnichannelProvider>
    </QueryClientProvider>
  );
}
