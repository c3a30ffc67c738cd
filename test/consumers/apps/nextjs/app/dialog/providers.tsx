'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { createOmnichannelClient, OmnichannelProvider } from 'rocketchat-omnichannel-ui';

export function Providers({ baseUrl, children }: { baseUrl: string; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  // The app's own /api/v1 handler adds the real credentials: these never leave the browser.
  const [client] = useState(() => createOmnichannelClient({ baseUrl, credentials: { userId: 'set-by-server', authToken: 'set-by-server' } }));
  return (
    <QueryClientProvider client={queryClient}>
      <OmnichannelProvider client={client}>{children}</OmnichannelProvider>
    </QueryClientProvider>
  );
}
