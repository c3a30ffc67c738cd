import { headers } from 'next/headers';
import { CloseRoomDialog } from 'rocketchat-omnichannel-ui';
import { Providers } from './providers';

// A server component rendering the dialog: CloseRoomDialog is a client component.
export default async function DialogPage() {
  const host = (await headers()).get('host') ?? 'localhost';
  return (
    <main>
      <h1>Conversation with Lucía</h1>
      <Providers baseUrl={`http://${host}`}>
        <CloseRoomDialog rid="room-4" requireComment trigger={<button type="button">Close conversation…</button>} />
      </Providers>
    </main>
  );
}
