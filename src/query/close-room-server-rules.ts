import { DEFAULT_TRANSCRIPT_SUBJECT } from '../schema/close-room-form-schema';
import { hasPermission, useCloseRoomSettings, useOmnichannelAgent, useOmnichannelLicense, useOmnichannelPermissions } from './agent-queries';
import { useLivechatDepartment, useLivechatRoom, useLivechatVisitor } from './livechat-queries';

/**
 * Whether the e-mail transcript is offered, decided as Rocket.Chat's own dialog decides it:
 * `offered`; `sent-by-server` (`Livechat_transcript_send_always` is on: the server sends it
 * itself); `no-permission` (no `send-omnichannel-chat-transcript`); `no-visitor-email`;
 * `loading` until the answers are in.
 */
export type TranscriptEmailAvailability = 'offered' | 'sent-by-server' | 'no-permission' | 'no-visitor-email' | 'loading';

/**
 * Whether the PDF transcript is offered: `offered`; `no-licence` (no `livechat-enterprise`
 * module: the server would ignore it); `no-permission` (no `request-pdf-transcript`);
 * `unknown-licence` (the server does not tell: before 6.5, or refused; not offered, since the
 * server may ignore it); `loading`.
 */
export type TranscriptPdfAvailability = 'offered' | 'no-licence' | 'no-permission' | 'unknown-licence' | 'loading';

/** What the server says about closing one room; every field is `undefined` until known. */
export interface CloseRoomServerRules {
  /** `Livechat_request_comment_when_closing_conversation`, when the server exposes it. */
  requireComment: boolean | undefined;
  /** The room's department's `requestTagBeforeClosingChat`. */
  requireTags: boolean | undefined;
  /**
   * The department requires tags and has no closing tags: the server refuses every agent close of
   * the room, whatever tags are sent, until an administrator adds closing tags or turns the rule off.
   */
  tagDeadEnd: boolean;
  /** The visitor's first e-mail address. */
  visitorEmail: string | undefined;
  departmentId: string | undefined;
  /** The department's name, for messages. */
  departmentName: string | undefined;
  /** The department's closing tags (merged into every close by the server). */
  closingTags: string[];
  /** `true` once the server says the room is closed already. */
  roomClosed: boolean;
  /** `true` once the room has been read (or could not be): its department is then known. */
  roomLoaded: boolean;
  /** Whether the e-mail transcript option is offered, and why not. */
  transcriptEmail: TranscriptEmailAvailability;
  /** Whether the PDF transcript option is offered, and why not. */
  transcriptPdf: TranscriptPdfAvailability;
  /** The agent's preferences (`omnichannelTranscriptEmail`, `omnichannelTranscriptPDF`): the boxes start from them. */
  transcriptDefaults: { email: boolean; pdf: boolean } | undefined;
  /** `Livechat_transcript_email_subject`, else Rocket.Chat's default text. */
  transcriptSubject: string;
  /** `Omnichannel_allow_force_close_conversations` (7.3+): a closed room may be closed again with `forceClose`. */
  allowForceClose: boolean;
}

/** The shortest `refreshMs`: a form re-reading the room faster would load the server for nothing. */
export const MIN_REFRESH_MS = 1000;

/** Options of `useCloseRoomServerRules`. */
export interface CloseRoomServerRulesOptions {
  /** @default true */
  enabled?: boolean;
  /**
   * How often the room is read again while the rules are in use, in ms, so a room closed by the
   * visitor, a colleague or inactivity is known before the agent submits. Never while the page
   * is hidden; also on window focus. `false` turns the interval off. @default 30000
   */
  refreshMs?: number | false;
}

/**
 * Reads everything Rocket.Chat's own close dialog reads: the room (`rooms.info`), its visitor
 * (`livechat/visitors.info`), its department (`livechat/department/:id`), the agent (`me`), the
 * permission table (`permissions.listAll`), the licence (`licenses.info`) and the public settings
 * (`settings.public`). Queries run in parallel where they can; nothing blocks the form.
 */
export function useCloseRoomServerRules(rid: string, { enabled = true, refreshMs = 30_000 }: CloseRoomServerRulesOptions = {}): CloseRoomServerRules {
  if (refreshMs !== false && !(Number.isFinite(refreshMs) && refreshMs >= MIN_REFRESH_MS)) {
    throw new RangeError(`refreshMs must be false or a number of milliseconds of at least ${MIN_REFRESH_MS}, got ${String(refreshMs)}`);
  }
  const room = useLivechatRoom(rid, { enabled, refetchInterval: refreshMs });
  const visitor = useLivechatVisitor(enabled ? room.data?.visitorId : undefined);
  // Read again with the room: an administrator lifting a tag dead end is seen while the form is open.
  const department = useLivechatDepartment(enabled ? room.data?.departmentId : undefined, { refetchInterval: refreshMs });
  const settings = useCloseRoomSettings({ enabled });
  const agent = useOmnichannelAgent({ enabled });
  // The agent is read afresh for every form: a cached answer may be another agent's (one client
  // whose credentials switched users), and roles and preferences decide what is offered.
  const agentData = agent.isFetchedAfterMount ? agent.data : undefined;
  const agentPending = !agent.isFetchedAfterMount;
  const permissions = useOmnichannelPermissions({ enabled });
  const license = useOmnichannelLicense({ enabled });

  const can = (permission: string) =>
    // Refused reads are a fallback, not a "no": the server itself does not check these two.
    agentPending || permissions.isPending ? undefined : (hasPermission(agentData, permissions.data, permission) ?? true);
  const canEmail = can('send-omnichannel-chat-transcript');
  const canPdf = can('request-pdf-transcript');
  // A visitor read refused (no `view-l-room`) is not "no e-mail": the agent may type one.
  const visitorKnown = visitor.isSuccess;
  const visitorEmail = visitor.data?.email;

  const transcriptEmail: TranscriptEmailAvailability =
    settings.isPending || canEmail === undefined || (room.data?.visitorId !== undefined && visitor.isPending)
      ? 'loading'
      : settings.data?.transcriptSendAlways === true
        ? // The server sends it to the visitor's address: with none on file, nothing goes out.
          visitorKnown && !visitorEmail
          ? 'no-visitor-email'
          : 'sent-by-server'
        : !canEmail
          ? 'no-permission'
          : visitorKnown && !visitorEmail
            ? 'no-visitor-email'
            : 'offered';
  const modules = license.data;
  const transcriptPdf: TranscriptPdfAvailability =
    license.isPending || canPdf === undefined
      ? 'loading'
      : modules === null || modules === undefined
        ? 'unknown-licence'
        : !modules.includes('livechat-enterprise')
          ? 'no-licence'
          : !canPdf
            ? 'no-permission'
            : 'offered';
  const closingTags = department.data?.chatClosingTags ?? [];
  return {
    requireComment: settings.data?.requireComment ?? undefined,
    requireTags: department.data?.requestTagBeforeClosingChat,
    tagDeadEnd: department.data?.requestTagBeforeClosingChat === true && closingTags.length === 0,
    visitorEmail,
    departmentId: room.data?.departmentId,
    departmentName: department.data?.name,
    closingTags,
    roomClosed: room.data?.open === false,
    roomLoaded: room.isSuccess || room.isError,
    transcriptEmail,
    transcriptPdf,
    transcriptDefaults: agentData ? { email: agentData.transcriptEmailByDefault, pdf: agentData.transcriptPdfByDefault } : agentPending ? undefined : { email: false, pdf: false },
    transcriptSubject: settings.data?.transcriptEmailSubject || DEFAULT_TRANSCRIPT_SUBJECT,
    allowForceClose: settings.data?.allowForceClose === true,
  };
}
