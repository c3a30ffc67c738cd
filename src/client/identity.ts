// Which user each client last sent, so what was kept for one agent (drafts, cached answers) is
// dropped when the same client's credentials start naming another (hostile review of #12). The
// user id stays in memory here and is never logged or shown.

const lastUser = new WeakMap<object, string>();
const listeners = new WeakMap<object, Set<() => void>>();

/** Called by the client with the user id of every request it sends. */
export function noteUser(client: object, userId: string): void {
  const previous = lastUser.get(client);
  lastUser.set(client, userId);
  if (previous !== undefined && previous !== userId) for (const listener of listeners.get(client) ?? []) listener();
}

/** Calls `listener` whenever `client` starts sending another user's credentials; returns the unsubscribe. */
export function onUserChange(client: object, listener: () => void): () => void {
  let set = listeners.get(client);
  if (!set) {
    set = new Set();
    listeners.set(client, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}
