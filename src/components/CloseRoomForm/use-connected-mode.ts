import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as connectedMode from '../../form/connected-mode';

/** Connected mode's code, loaded on demand. */
export type ConnectedMode = typeof connectedMode;

let loaded: ConnectedMode | undefined;
let loading: Promise<ConnectedMode> | undefined;
const listeners = new Set<() => void>();

/**
 * Starts loading connected mode, once per page (again after a failure). `CloseRoomDialog` calls
 * it as it mounts, so the code is there by the time the agent opens the dialog.
 */
export function loadConnectedMode(): Promise<ConnectedMode> {
  loading ??= import('../../form/connected-mode').then(
    (module) => {
      loaded = module;
      for (const listener of listeners) listener();
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/**
 * Connected mode's code once loaded, else `undefined` while it loads. `undefined` on the server
 * and during hydration too, so the client's first render matches the server's HTML. A chunk that
 * failed to download (offline, replaced by a deploy) is thrown to the nearest error boundary, and
 * tried again on the next mount.
 */
export function useConnectedMode(wanted: boolean): ConnectedMode | undefined {
  const module = useSyncExternalStore(subscribe, () => loaded, () => undefined);
  const [failure, setFailure] = useState<{ error: unknown }>();
  useEffect(() => {
    if (wanted && !loaded) loadConnectedMode().catch((error: unknown) => setFailure({ error }));
  }, [wanted]);
  if (!wanted) return undefined;
  if (!module && failure) throw failure.error;
  return module;
}
