import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect } from 'react';
import type { ReactNode } from 'react';
import type { OmnichannelClient } from '../client/client';

/**
 * The root of every query key of the package (`omnichannelKeyRoot`), written out rather than
 * imported: this module is the 'use client' provider chunk, and importing the key factories would
 * move them into it, out of reach of server code (#14). A test checks the two stay equal.
 */
export const PROVIDER_KEY_ROOT = ['rocketchat-omnichannel-ui'] as const;

// Which client last filled each QueryClient with this package's answers. The keys do not name the
// server or the agent, so answers cached for one client (another agent's roles and preferences,
// another server's rooms) must not be read through the next one (hostile review of #12).
const lastClient = new WeakMap<QueryClient, OmnichannelClient>();

const OmnichannelClientContext = createContext<OmnichannelClient | null>(null);

/** Props of `OmnichannelProvider`. */
export interface OmnichannelProviderProps {
  /** The client every hook and component below uses, from `createOmnichannelClient`. */
  client: OmnichannelClient;
  children?: ReactNode;
}

/**
 * Makes a Rocket.Chat client available to `useCloseRoom`, `CloseRoomDialog` and the rest. Use one
 * client per server and signed-in agent: when the agent changes, create a new client. The package's
 * cached answers in the QueryClient above are dropped when another client takes over. Needs a
 * react-query `QueryClientProvider` above it.
 */
export function OmnichannelProvider({ client, children }: OmnichannelProviderProps) {
  const queryClient = useQueryClient();
  // Before the children render and read the cache: idempotent, so a repeated render is harmless.
  if (lastClient.get(queryClient) !== client) {
    if (lastClient.has(queryClient)) queryClient.removeQueries({ queryKey: PROVIDER_KEY_ROOT });
    lastClient.set(queryClient, client);
  }
  // The same client, credentials now naming another agent: that agent's answers are read afresh.
  useEffect(() => client.onUserChange?.(() => queryClient.removeQueries({ queryKey: PROVIDER_KEY_ROOT })), [client, queryClient]);
  // `.Provider` rather than React 19's `<Context value>`: the peer range includes React 18.3.
  return <OmnichannelClientContext.Provider value={client}>{children}</OmnichannelClientContext.Provider>;
}

/** The client of the nearest `OmnichannelProvider`; throws when there is none. */
export function useOmnichannelClient(): OmnichannelClient {
  const client = useContext(OmnichannelClientContext);
  if (!client) {
    throw new Error('useOmnichannelClient must be used within <OmnichannelProvider client={...}>');
  }
  return client;
}
