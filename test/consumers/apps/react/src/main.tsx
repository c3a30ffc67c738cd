// A React app as a user writes it from the README, installed from the packed tarball.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CloseRoomDialog, createOmnichannelClient, OmnichannelProvider } from 'rocketchat-omnichannel-ui';
import type { CloseRoomResult } from 'rocketchat-omnichannel-ui';
import { esMessages } from 'rocketchat-omnichannel-ui/locales';
import 'rocketchat-omnichannel-ui/styles.css';

const queryClient = new QueryClient();
// The page's server adds the agent's credentials to /api/ requests: these are placeholders.
const client = createOmnichannelClient({ baseUrl: window.location.origin, credentials: { userId: 'set-by-server', authToken: 'set-by-server' } });

function App() {
  const [closed, setClosed] = useState<CloseRoomResult | null>(null);
  return (
    <main>
      <h1>Conversation with Lucía</h1>
      <p role="status">{closed ? `Closed ${closed.rid}` : 'Open'}</p>
      <CloseRoomDialog rid="room-1" requireComment trigger={<button type="button">Close conversation…</button>} onClosed={setClosed} />
      <p lang="es">{esMessages.title}</p>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <OmnichannelProvider client={client}>
        <App />
      </OmnichannelProvider>
    </QueryClientProvider>
  </StrictMode>,
);
