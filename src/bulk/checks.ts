import type { OmnichannelClient } from '../client/client';
import type { BulkSkip } from './close-rooms-job';
import type { BulkCloseRoom, CloseRoomsWrapUp } from './types';
import { isValidEmail } from '../schema/email';

/** What the server says about closing a set of rooms, read once before the first request. */
export interface CloseRoomsFacts {
  /** Departments by id: their tag rule and closing tags (`null`: the server does not know it). */
  departments: Record<string, { name?: string; requestTagBeforeClosingChat: boolean; chatClosingTags: string[] } | null>;
  /** The signed-in agent's user id (`GET me`); `undefined` when not known. */
  agentId?: string;
  /** Whether the agent holds `close-others-livechat-room`; `undefined` when not known. */
  canCloseOthers?: boolean;
  /** `Livechat_request_comment_when_closing_conversation`; `undefined` when the server does not expose it. */
  requireComment?: boolean;
}

/** The result of `checkCloseRooms`: what is skipped up front and what the wrap-up still needs. */
export interface CloseRoomsCheck {
  /** Rooms that cannot be closed: listed up front, never attempted. */
  skip: BulkSkip[];
  /** Rooms that will be attempted. */
  closable: number;
  /** Some room to attempt is in a department that requires a tag. */
  tagsRequired: boolean;
  /** Names (else ids) of those departments. */
  tagsRequiredBy: string[];
  /** The server requires a closing comment. */
  commentRequired: boolean;
  /** What the wrap-up lacks for the server to accept it: start only when empty. */
  missing: ('comment' | 'tags')[];
  /** Rooms to attempt whose visitor e-mail is known (the transcript goes there). */
  withEmail: number;
}

const COMMENT_SETTING = 'Livechat_request_comment_when_closing_conversation';

async function getJson(client: OmnichannelClient, path: string, query: Record<string, string>, signal?: AbortSignal): Promise<Record<string, unknown> | undefined> {
  try {
    const { status, body } = await client.request({ method: 'GET', path, query, signal });
    return status >= 200 && status < 300 && typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  } catch (error) {
    if (signal?.aborted) throw error;
    return undefined; // a fact not read is unknown, never a refusal
  }
}

/**
 * Reads the facts the checks need, in parallel: the agent (`me`), the permission table
 * (`permissions.listAll`), the comment setting (`settings.public`) and each distinct department
 * once (`livechat/department/:id`). Never one read per room: those endpoints are rate limited too.
 * A read that fails leaves its fact unknown.
 */
export async function readCloseRoomsFacts(client: OmnichannelClient, rooms: readonly BulkCloseRoom[], { signal }: { signal?: AbortSignal } = {}): Promise<CloseRoomsFacts> {
  const departmentIds = [...new Set(rooms.map((room) => room.departmentId).filter((id): id is string => Boolean(id)))];
  const [me, permissions, settings, ...departments] = await Promise.all([
    getJson(client, 'me', {}, signal),
    getJson(client, 'permissions.listAll', {}, signal),
    getJson(client, 'settings.public', { _id: COMMENT_SETTING }, signal),
    ...departmentIds.map((id) => getJson(client, `livechat/department/${encodeURIComponent(id)}`, {}, signal)),
  ]);
  const facts: CloseRoomsFacts = { departments: {} };
  departmentIds.forEach((id, index) => {
    const found = departments[index]?.department as { name?: string; requestTagBeforeClosingChat?: boolean; chatClosingTags?: string[] } | null | undefined;
    if (found === undefined) return; // not read: unknown
    facts.departments[id] = found && { name: found.name, requestTagBeforeClosingChat: found.requestTagBeforeClosingChat === true, chatClosingTags: found.chatClosingTags ?? [] };
  });
  if (typeof me?._id === 'string') facts.agentId = me._id;
  const roles = Array.isArray(me?.roles) ? (me.roles as unknown[]) : undefined;
  const table = Array.isArray(permissions?.update) ? (permissions.update as { _id?: unknown; roles?: unknown }[]) : undefined;
  if (roles && table) {
    const holders = table.find((entry) => entry._id === 'close-others-livechat-room')?.roles;
    facts.canCloseOthers = Array.isArray(holders) && holders.some((role) => roles.includes(role));
  }
  const comment = (settings?.settings as { _id?: string; value?: unknown }[] | undefined)?.find((setting) => setting._id === COMMENT_SETTING)?.value;
  if (typeof comment === 'boolean') facts.requireComment = comment;
  return facts;
}

/**
 * The checks made before the first request (pure): rooms of a department whose tag rule can never
 * be met (tags required, no closing tags) and, when known, rooms another agent serves while the
 * agent may not close others' rooms, are skipped; a wrap-up without a tag is refused when some
 * room to attempt requires one, and without a comment when the server requires it.
 */
export function checkCloseRooms(rooms: readonly BulkCloseRoom[], wrapUp: CloseRoomsWrapUp, facts: CloseRoomsFacts): CloseRoomsCheck {
  const skip: BulkSkip[] = [];
  const tagDepartments = new Set<string>();
  let closable = 0;
  let withEmail = 0;
  const seen = new Set<string>();
  for (const room of rooms) {
    if (seen.has(room.rid)) continue;
    seen.add(room.rid);
    const department = room.departmentId ? facts.departments[room.departmentId] : undefined;
    const departmentName = department?.name ?? room.departmentId;
    if (department?.requestTagBeforeClosingChat && department.chatClosingTags.length === 0) {
      skip.push({ rid: room.rid, reason: 'tag-dead-end', department: departmentName });
      continue;
    }
    if (facts.canCloseOthers === false && facts.agentId && room.servedBy && room.servedBy !== facts.agentId) {
      skip.push({ rid: room.rid, reason: 'not-serving' });
      continue;
    }
    closable += 1;
    // Counted as the job sends: only an address the server would accept gets a transcript.
    if (room.visitorEmail && isValidEmail(room.visitorEmail)) withEmail += 1;
    if (department?.requestTagBeforeClosingChat && departmentName) tagDepartments.add(departmentName);
  }
  const tagsRequired = tagDepartments.size > 0;
  const commentRequired = facts.requireComment === true;
  const missing: CloseRoomsCheck['missing'] = [];
  if (commentRequired && !wrapUp.comment?.trim()) missing.push('comment');
  if (tagsRequired && !wrapUp.tags?.some((tag) => tag.trim())) missing.push('tags');
  return { skip, closable, tagsRequired, tagsRequiredBy: [...tagDepartments], commentRequired, missing, withEmail };
}
