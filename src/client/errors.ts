/**
 * Every way closing a room can fail, one kind per row of the server's response table
 * (shared/rocketchat-close-room-contract.md), plus what can go wrong before an answer arrives.
 */
export type CloseRoomErrorKind =
  | 'already-closed'
  | 'unauthorized'
  | 'forbidden'
  | 'not-serving'
  | 'room-not-found'
  | 'comment-required'
  | 'tags-required'
  | 'invalid-params'
  | 'rate-limited'
  | 'conflict'
  | 'timeout'
  | 'network'
  | 'server'
  | 'unknown';

export interface CloseRoomErrorOptions {
  /** HTTP status of the answer; absent when no answer arrived (network, timeout). */
  status?: number;
  /** The server's own `error` string, when it sent one. */
  serverError?: string;
  /** For `rate-limited`: how long the server asks to wait, in whole seconds. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * The one error type `closeRoom` and `useCloseRoom` reject with. Switch on `kind`; `message` is an
 * English sentence for developers (logs, error trackers), not for agents: the UI has its own texts.
 * It never holds credentials.
 */
export class CloseRoomError extends Error {
  override readonly name = 'CloseRoomError';
  readonly kind: CloseRoomErrorKind;
  declare readonly status: number | undefined;
  declare readonly serverError: string | undefined;
  declare readonly retryAfterSeconds: number | undefined;

  constructor(kind: CloseRoomErrorKind, message: string, { cause, ...details }: CloseRoomErrorOptions = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.kind = kind;
    Object.assign(this, { status: undefined, serverError: undefined, retryAfterSeconds: undefined }, details);
  }
}

/** Type guard that also narrows to one kind: `isCloseRoomError(e, 'unauthorized')`. */
export function isCloseRoomError(error: unknown, kind?: CloseRoomErrorKind): error is CloseRoomError {
  return error instanceof CloseRoomError && (kind === undefined || error.kind === kind);
}

// Rocket.Chat's 400 answers carry a code either alone (`error-invalid-room`) or in brackets at the
// end of a sentence (`... [invalid-params]`). Order matters only for readability: codes are unique.
const KIND_BY_SERVER_CODE: Record<string, CloseRoomErrorKind> = {
  'error-room-already-closed': 'already-closed',
  'error-room-closed': 'already-closed',
  'error-invalid-room': 'room-not-found',
  'error-not-authorized': 'not-serving',
  'error-unauthorized': 'forbidden',
  'error-comment-is-required': 'comment-required',
  'error-tags-must-be-assigned-before-closing-chat': 'tags-required',
  'error-room-cannot-be-closed-try-again': 'conflict',
  'invalid-params': 'invalid-params',
};

function serverCode(error: string | undefined, errorType: string | undefined): string | undefined {
  if (errorType && errorType in KIND_BY_SERVER_CODE) return errorType;
  if (!error) return undefined;
  const bracketed = /\[([\w-]+)\]\s*$/.exec(error)?.[1];
  return bracketed ?? error.trim();
}

function readString(body: unknown, key: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Seconds to wait after a 429. Rocket.Chat says it in the message ("You must wait 12 seconds")
 * and in `X-RateLimit-Reset` (epoch milliseconds); a proxy may send the standard `Retry-After`.
 */
function retryAfter(error: string | undefined, headers: Headers, now: number): number | undefined {
  const fromMessage = error && /wait (\d+) seconds?/i.exec(error)?.[1];
  if (fromMessage) return Number(fromMessage);
  const retryHeader = Number(headers.get('retry-after'));
  if (Number.isFinite(retryHeader) && retryHeader > 0) return Math.ceil(retryHeader);
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (Number.isFinite(reset) && reset > now) return Math.max(1, Math.ceil((reset - now) / 1000));
  return undefined;
}

/** Turns any non-success answer of `room.closeByUser` into a `CloseRoomError`. */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers: Headers,
  now: number = Date.now(),
): CloseRoomError {
  const serverError = readString(body, 'error') ?? readString(body, 'message');
  const code = serverCode(serverError, readString(body, 'errorType'));
  let kind: CloseRoomErrorKind;
  if (status === 401) kind = 'unauthorized';
  else if (status === 403) kind = 'forbidden';
  else if (status === 429) kind = 'rate-limited';
  else if (status >= 500 || status < 400 || body === undefined) kind = 'server';
  else kind = (code !== undefined ? KIND_BY_SERVER_CODE[code] : undefined) ?? 'unknown';

  const retryAfterSeconds = kind === 'rate-limited' ? retryAfter(serverError, headers, now) : undefined;
  const detail = serverError ? `: ${serverError}` : '';
  // Terse on purpose: `kind` says what happened; the UI's catalogue says it to people.
  return new CloseRoomError(kind, `Closing the room failed: ${kind} (HTTP ${status})${detail}`, {
    status,
    serverError,
    retryAfterSeconds,
  });
}
