import { useCloseRoomServerRules } from '../query/close-room-server-rules';
import { useLivechatTags } from '../query/livechat-queries';
import type { UseCloseRoomFormOptions } from './close-room-form-state';
import type { ServerTagSearch } from './use-server-tag-input';

/** The options with what connected mode read from the server filled in (explicit options win). */
export interface CloseRoomSource {
  visitorEmail: string | undefined;
  requireComment: boolean;
  requireTags: boolean;
  /** The server reports the room closed (connected mode only). */
  roomClosed: boolean;
  /** The department requires tags and has no closing tags: the server refuses every close (#12). */
  tagDeadEnd: boolean;
  /** The room's department's name, for messages. */
  departmentName: string | undefined;
  /** How many tags are offered with no text typed, for the "type any tag" hint. */
  offered: number;
  /** Set when the tag input searches the server. */
  search: ServerTagSearch | undefined;
}

/**
 * Connected mode's rules (#5). In plain mode every query is disabled, so nothing is requested,
 * and what another connected form of the room cached is ignored: only the options count.
 */
export function useCloseRoomSource(options: UseCloseRoomFormOptions): CloseRoomSource {
  const { rid, tagSuggestions } = options;
  const connected = options.source === 'server';
  const server = useCloseRoomServerRules(rid, { enabled: connected });
  // Searching tags waits for the room, whose department filters them.
  const serverTags = useLivechatTags({ department: server.departmentId, enabled: connected && tagSuggestions === undefined && server.roomLoaded });
  if (!connected) {
    return {
      visitorEmail: options.visitorEmail,
      requireComment: options.requireComment ?? false,
      requireTags: options.requireTags ?? false,
      roomClosed: false,
      tagDeadEnd: false,
      departmentName: undefined,
      offered: tagSuggestions?.length ?? 0,
      search: undefined,
    };
  }
  const offered = tagSuggestions ?? (serverTags.available ? serverTags.tags : server.closingTags);
  return {
    visitorEmail: options.visitorEmail ?? server.visitorEmail,
    requireComment: options.requireComment ?? server.requireComment ?? false,
    requireTags: options.requireTags ?? server.requireTags ?? false,
    roomClosed: server.roomClosed,
    tagDeadEnd: server.tagDeadEnd,
    departmentName: server.departmentName,
    offered: offered.length,
    search: tagSuggestions === undefined ? { department: server.departmentId, fallback: server.closingTags, enabled: server.roomLoaded } : undefined,
  };
}
