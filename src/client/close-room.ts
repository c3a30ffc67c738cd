import type { OmnichannelClient } from './client';
import { OmnichannelRequestError } from './client';
import { CloseRoomError, errorFromResponse } from './errors';
import { isValidEmail } from '../schema/email';

/** The transcript e-mail part of the body; `requestData` is required when sending. */
export type CloseRoomTranscriptEmail =
  | { sendToVisitor: true; requestData: { email: string; subject: string } }
  | { sendToVisitor: false };

/** The body of `POST /api/v1/livechat/room.closeByUser`: exactly the server's fields. */
export interface CloseRoomRequest {
  /** The livechat room id. */
  rid: string;
  /** Closing comment; the server may require one. */
  comment?: string | undefined;
  /** Free strings; the department's closing tags are merged in by the server. */
  tags?: string[] | undefined;
  /** Ask for a PDF transcript (enterprise servers; ignored elsewhere). */
  generateTranscriptPdf?: boolean | undefined;
  /** Send, or cancel (`sendToVisitor: false`), the transcript e-mail to the visitor. */
  transcriptEmail?: CloseRoomTranscriptEmail | undefined;
  /**
   * Run the close even if the room is recorded closed, to recover a room stuck in a bad state
   * (Rocket.Chat 7.3+, honoured only with `Omnichannel_allow_force_close_conversations` on).
   * Servers before 7.3 refuse the field with `invalid-params`: see `isForceCloseUnsupported`.
   * Sent only when `true`.
   */
  forceClose?: boolean | undefined;
}

/** Options of `closeRoom` and `closeRoomOnce`. */
export interface CloseRoomOptions {
  /** Aborting rejects with the signal's reason, as `fetch` does. */
  signal?: AbortSignal | undefined;
  /** Abandons the close only while it has not been sent (see `ApiRequest.abandonSignal`). */
  abandonSignal?: AbortSignal | undefined;
}

/** The close endpoint's path under `/api/v1/`: `livechat/room.closeByUser`. */
export const CLOSE_ROOM_PATH = 'livechat/room.closeByUser';

function invalid(message: string): CloseRoomError {
  return new CloseRoomError('invalid-params', message);
}

// Both fields end up in the headers of the transcript e-mail (To, Subject). A line break there is
// the shape of header injection ("Subject: x\r\nBcc: ..."), and the server does not check it.
// Cc covers CR, LF, NUL, TAB and U+0080-U+009F (NEL); U+2028 and U+2029 are line breaks too.
const UNSAFE_IN_MAIL_HEADER = /[\p{Cc}\u2028\u2029]/u;

/**
 * Copies only the fields the server's schema allows (it rejects unknown properties) and refuses
 * locally what the server would answer with a raw JavaScript error.
 */
function toBody(request: CloseRoomRequest): CloseRoomRequest {
  if (typeof request?.rid !== 'string' || !request.rid.trim()) {
    throw invalid('closeRoom: rid must be a non-empty string');
  }
  const body: CloseRoomRequest = { rid: request.rid };
  if (request.comment !== undefined) body.comment = request.comment;
  if (request.tags !== undefined) body.tags = [...request.tags];
  if (request.generateTranscriptPdf !== undefined) body.generateTranscriptPdf = request.generateTranscriptPdf;
  const transcript = request.transcriptEmail;
  if (transcript !== undefined) {
    if (transcript.sendToVisitor) {
      const { email, subject } = transcript.requestData ?? {};
      if (!email || !subject) {
        // The server accepts this shape and then crashes with "Cannot read properties of undefined".
        throw invalid('closeRoom: sendToVisitor needs requestData with email and subject');
      }
      if (UNSAFE_IN_MAIL_HEADER.test(email)) {
        throw invalid('closeRoom: transcriptEmail.requestData.email must not contain line breaks or control characters');
      }
      // The server does not check the address; a comma or a bidi control would reach the mail (#12 review).
      if (!isValidEmail(email)) throw invalid('closeRoom: transcriptEmail.requestData.email must be a valid e-mail address');
      if (UNSAFE_IN_MAIL_HEADER.test(subject)) {
        throw invalid('closeRoom: transcriptEmail.requestData.subject must not contain line breaks or control characters');
      }
      body.transcriptEmail = { sendToVisitor: true, requestData: { email, subject } };
    } else {
      body.transcriptEmail = { sendToVisitor: false };
    }
  }
  if (request.forceClose === true) body.forceClose = true;
  return body;
}

/**
 * `true` when a close sent with `forceClose` was refused because the server predates 7.3: its
 * schema rejects the unknown property. Retrying will not help; the server cannot force a close.
 */
export function isForceCloseUnsupported(request: CloseRoomRequest, error: unknown): boolean {
  return (
    request.forceClose === true &&
    error instanceof CloseRoomError &&
    error.kind === 'invalid-params' &&
    error.status === 400 &&
    /additional properties/i.test(error.serverError ?? '')
  );
}

const TRANSPORT_KIND = {
  network: 'network',
  timeout: 'timeout',
  credentials: 'unauthorized',
  redirect: 'server',
} as const;

/**
 * Closes a livechat room as the client's user. Resolves when the server answers
 * `{ success: true }`; rejects with a `CloseRoomError` for every other outcome (or with the
 * signal's reason when aborted).
 */
export async function closeRoom(
  client: OmnichannelClient,
  request: CloseRoomRequest,
  options: CloseRoomOptions = {},
): Promise<void> {
  const body = toBody(request);
  let response;
  try {
    response = await client.request({ method: 'POST', path: CLOSE_ROOM_PATH, body, signal: options.signal, abandonSignal: options.abandonSignal });
  } catch (error) {
    if (error instanceof OmnichannelRequestError) {
      throw new CloseRoomError(TRANSPORT_KIND[error.kind], `Closing the room failed: ${error.message}`, { cause: error });
    }
    throw error;
  }
  const { status, body: answer, headers } = response;
  const succeeded =
    status >= 200 && status < 300 && typeof answer === 'object' && answer !== null && (answer as { success?: unknown }).success === true;
  if (!succeeded) throw errorFromResponse(status, answer, headers);
}
