import type { CloseRoomServerRules } from '../query/close-room-server-rules';
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
  /** Offer "Send transcript to visitor": the option, else the server's decision (connected), else `true`. */
  showEmail: boolean;
  /** Offer "Generate PDF transcript": the option, else the server's decision (connected), else `true`. */
  showPdf: boolean;
  /** Connected mode, `Livechat_transcript_send_always` on: the server e-mails the transcript itself. */
  transcriptSentByServer: boolean;
  /** The agent's preferences for the two boxes (connected mode, once read). */
  transcriptDefaults: { email: boolean; pdf: boolean } | undefined;
  /** The server's transcript subject (connected mode). */
  transcriptSubject: string | undefined;
  /** "Close anyway" may be offered after an already-closed answer: the option, else the server's setting. */
  allowForceClose: boolean;
}

/**
 * The form's rules from the options and, in connected mode, what the server said (`read`, with
 * the tags offered before any text is typed). Plain mode passes no `read`: only the options count.
 * A pure function, apart from the hook that reads the server (`useCloseRoomSource`), so a host
 * that never connects does not ship the reads (#13).
 */
export function closeRoomSource(options: UseCloseRoomFormOptions, read?: CloseRoomServerRules, serverTags?: readonly string[]): CloseRoomSource {
  const { tagSuggestions, transcript } = options;
  const offered = tagSuggestions ?? (!read ? [] : (serverTags ?? read.closingTags));
  return {
    visitorEmail: options.visitorEmail ?? read?.visitorEmail,
    requireComment: options.requireComment ?? read?.requireComment ?? false,
    requireTags: options.requireTags ?? read?.requireTags ?? false,
    roomClosed: read?.roomClosed === true,
    tagDeadEnd: read?.tagDeadEnd === true,
    departmentName: read?.departmentName,
    offered: offered.length,
    search: read && tagSuggestions === undefined ? { department: read.departmentId, fallback: read.closingTags, enabled: read.roomLoaded } : undefined,
    // Rocket.Chat's dialog decides these from permissions, licence, settings and the visitor (#12);
    // in props mode every field of the endpoint is offered.
    showEmail: transcript?.email ?? (read ? read.transcriptEmail === 'offered' : true),
    showPdf: transcript?.pdf ?? (read ? read.transcriptPdf === 'offered' : true),
    transcriptSentByServer: transcript?.email === undefined && read?.transcriptEmail === 'sent-by-server',
    transcriptDefaults: read?.transcriptDefaults,
    transcriptSubject: read?.transcriptSubject,
    allowForceClose: options.allowForceClose ?? read?.allowForceClose === true,
  };
}
