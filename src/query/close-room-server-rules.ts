import { useCommentRequired, useLivechatDepartment, useLivechatRoom, useLivechatVisitor } from './livechat-queries';

/** What the server says about closing one room; every field is `undefined` until known. */
export interface CloseRoomServerRules {
  /** `Livechat_request_comment_when_closing_conversation`, when the server exposes it. */
  requireComment: boolean | undefined;
  /** The room's department's `requestTagBeforeClosingChat`. */
  requireTags: boolean | undefined;
  /** The visitor's first e-mail address. */
  visitorEmail: string | undefined;
  departmentId: string | undefined;
  /** The department's closing tags (merged into every close by the server). */
  closingTags: string[];
  /** `true` once the server says the room is closed already. */
  roomClosed: boolean;
  /** `true` once the room has been read (or could not be): its department is then known. */
  roomLoaded: boolean;
}

/**
 * Reads everything Rocket.Chat's own close dialog reads: the room (`rooms.info`), its visitor
 * (`livechat/visitors.info`), its department (`livechat/department/:id`) and the comment setting
 * (`settings.public`). Queries run in parallel where they can; nothing blocks the form.
 */
export function useCloseRoomServerRules(rid: string, { enabled = true }: { enabled?: boolean } = {}): CloseRoomServerRules {
  const room = useLivechatRoom(rid, { enabled });
  const visitor = useLivechatVisitor(enabled ? room.data?.visitorId : undefined);
  const department = useLivechatDepartment(enabled ? room.data?.departmentId : undefined);
  const comment = useCommentRequired({ enabled });
  return {
    requireComment: comment.data ?? undefined,
    requireTags: department.data?.requestTagBeforeClosingChat,
    visitorEmail: visitor.data?.email,
    departmentId: room.data?.departmentId,
    closingTags: department.data?.chatClosingTags ?? [],
    roomClosed: room.data?.open === false,
    roomLoaded: room.isSuccess || room.isError,
  };
}
