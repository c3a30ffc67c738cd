import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { OmnichannelClient } from '../client/client';

const OmnichannelClientContext = createContext<OmnichannelClient | null>(null);

/** Props of `OmnichannelProvider`. */
export interface OmnichannelProviderProps {
  /** The client every hook and component below uses, from `createOmnichannelClient`. */
  client: OmnichannelClient;
  children?: ReactNode;
}

/** Makes a Rocket.Chat client available to `useCloseRoom`, `CloseRoomDialog` and the rest. */
export function OmnichannelProvider({ client, children }: OmnichannelProviderProps) {
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
