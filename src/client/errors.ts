/**
 * Every way closing a room can fail: one kind per answer Rocket.Chat's
 * `POST /api/v1/livechat/room.closeByUser` gives (its statuses and `error` strings), plus what
 * can go wrong before an answer arrives (network, timeout).
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

/** What a `CloseRoomError` carries besides its kind and message. */
export interface CloseRoomErrorOptions {
  /** HTTP status of the answer; absent when no answer arrived (network, timeout). */
  status?: number;
  /** The server's own `error` string, when it sent one. */
  serverError?: string;
  /** For `rate-limited` only: how long the server asks to wait, in whole seconds (0: now). */
  retryAfterSeconds?: number;
  /** The error underneath (a `fetch` failure, an abort), as `Error.cause`. */
  cause?: unknown;
}

/** The type of `retryAfterSeconds` for each kind: a wait only on `rate-limited`. */
type RetryAfterSeconds = { [Kind in CloseRoomErrorKind]: Kind extends 'rate-limited' ? number | undefined : undefined };

/**
 * The one error type `closeRoom` and `useCloseRoom` reject with. Switch on `kind`; `message` is an
 * English sentence for developers (logs, error trackers), not for agents: the UI has its own texts.
 * It never holds credentials. `isCloseRoomError(e, kind)` narrows it to `CloseRoomErrorOf<kind>`.
 */
export class CloseRoomError extends Error {
  override readonly name = 'CloseRoomError';
  /** What went wrong, one of `CloseRoomErrorKind`. */
  readonly kind: CloseRoomErrorKind;
  /** HTTP status of the answer; `undefined` when no answer arrived (network, timeout, refused locally). */
  declare readonly status: number | undefined;
  /** The server's own `error` string (`error-room-already-closed`, …), when it sent one. */
  declare readonly serverError: string | undefined;
  /**
   * Only on `rate-limited`: seconds the server asks to wait (0 means "now"); `undefined` when the
   * answer named no wait, and always on other kinds (`CloseRoomErrorOf<kind>` says which).
   */
  declare readonly retryAfterSeconds: number | undefined;

  constructor(kind: CloseRoomErrorKind, message: string, { cause, ...details }: CloseRoomErrorOptions = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.kind = kind;
    Object.assign(this, { status: undefined, serverError: undefined, retryAfterSeconds: undefined }, details);
  }
}

/**
 * A `CloseRoomError` of the given kind(s), as `isCloseRoomError(e, kind)` narrows it: `kind` is
 * that kind, and `retryAfterSeconds` is `number | undefined` on `rate-limited`, `undefined` on
 * every other kind.
 */
export type CloseRoomErrorOf<Kind extends CloseRoomErrorKind> = CloseRoomError & {
  readonly kind: Kind;
  readonly retryAfterSeconds: RetryAfterSeconds[Kind];
};

/**
 * Is `error` a `CloseRoomError` (of the given `kind`)? A type guard that narrows the kind too:
 * after `isCloseRoomError(e, 'rate-limited')`, `e.kind` is `'rate-limited'` and
 * `e.retryAfterSeconds` is the server's wait.
 */
export function isCloseRoomError<Kind extends CloseRoomErrorKind>(error: unknown, kind: Kind): error is CloseRoomErrorOf<Kind>;
export function isCloseRoomError(error: unknown): error is CloseRoomError;
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
  // The other loser of simultaneous closes of one room (the contract, "Simultaneous closes"; #12).
  'Error removing inquiry': 'conflict',
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

// The three forms of HTTP-date (RFC 9110 section 5.6.7): IMF-fixdate and the obsolete RFC 850
// form end in "GMT"; asctime has no zone and means GMT too. Anything else is garbage, not left to
// Date.parse, which guesses at almost any text.
const HTTP_DATE = /^(?:[A-Za-z]{3,9}, \d{2}[ -][A-Za-z]{3}[ -]\d{2,4} \d{2}:\d{2}:\d{2} GMT|[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;

function wholeNumber(text: string | null | undefined): number | undefined {
  if (!text || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** `Retry-After` as delta-seconds ("120") or as an HTTP-date, in seconds from `now`. */
function retryAfterHeader(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = wholeNumber(value);
  if (seconds !== undefined) return seconds;
  if (!HTTP_DATE.test(value)) return undefined;
  const date = Date.parse(value.endsWith('GMT') ? value : `${value} GMT`);
  // A date already past means "now": never a negative wait.
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Seconds to wait after a 429. Rocket.Chat says it in the message ("You must wait 12 seconds")
 * and in `X-RateLimit-Reset` (epoch milliseconds); a proxy may send the standard `Retry-After`.
 * 0 is a real answer ("retry now"), not a missing one.
 */
function retryAfter(error: string | undefined, headers: Headers, now: number): number | undefined {
  const fromMessage = wholeNumber(error && /\bwait (\d+) second/i.exec(error)?.[1]);
  if (fromMessage !== undefined) return fromMessage;
  const fromHeader = retryAfterHeader(headers.get('retry-after'), now);
  if (fromHeader !== undefined) return fromHeader;
  const reset = wholeNumber(headers.get('x-ratelimit-reset'));
  if (reset !== undefined && reset > now) return Math.max(1, Math.ceil((reset - now) / 1000));
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
