/**
 * Query-key factories. Every key starts with the same root so a host can invalidate or inspect
 * everything this package caches; no key ever holds credentials.
 */
export const omnichannelKeyRoot = ['rocketchat-omnichannel-ui'] as const;
const root = omnichannelKeyRoot;

/** Keys of livechat room queries (lists and single rooms). Closing a room invalidates `all`. */
export const livechatRoomKeys = {
  all: [...root, 'livechat-rooms'] as const,
  lists: () => [...livechatRoomKeys.all, 'list'] as const,
  list: (filters: Record<string, unknown> = {}) => [...livechatRoomKeys.lists(), filters] as const,
  details: () => [...livechatRoomKeys.all, 'detail'] as const,
  detail: (rid: string) => [...livechatRoomKeys.details(), rid] as const,
};

/** Mutation keys of the close-room mutation, for `useIsMutating` / `useMutationState`. */
export const closeRoomKeys = {
  all: [...root, 'close-room'] as const,
};
