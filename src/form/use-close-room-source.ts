import { useCloseRoomServerRules } from '../query/close-room-server-rules';
import { useLivechatTags } from '../query/livechat-queries';
import type { UseCloseRoomFormOptions } from './close-room-form-state';
import { closeRoomSource } from './close-room-source';
import type { CloseRoomSource } from './close-room-source';

/**
 * Connected mode's rules (#5). In plain mode every query is disabled, so nothing is requested,
 * and what another connected form of the room cached is ignored: only the options count.
 */
export function useCloseRoomSource(options: UseCloseRoomFormOptions): CloseRoomSource {
  const { rid, tagSuggestions } = options;
  const connected = options.source === 'server';
  const server = useCloseRoomServerRules(rid, { enabled: connected, refreshMs: options.refreshMs });
  // Searching tags waits for the room, whose department filters them.
  const serverTags = useLivechatTags({ department: server.departmentId, enabled: connected && tagSuggestions === undefined && server.roomLoaded });
  // Only what this form asked for counts: a connected form of the room may have filled the cache.
  return connected ? closeRoomSource(options, server, serverTags.available ? serverTags.tags : undefined) : closeRoomSource(options);
}
