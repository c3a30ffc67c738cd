/** Who a request acts as: a Rocket.Chat user id and its auth token (a personal access token or a login token). */
export interface OmnichannelCredentials {
  /** Rocket.Chat user id, sent as `X-User-Id`. */
  userId: string;
  /** Rocket.Chat personal or login token, sent as `X-Auth-Token`. */
  authToken: string;
}

/** Fixed credentials, or a function called before every request so a host can rotate tokens. */
export type OmnichannelCredentialsSource =
  | OmnichannelCredentials
  | (() => OmnichannelCredentials | Promise<OmnichannelCredentials>);

/** Options of `createOmnichannelClient`. */
export interface OmnichannelClientOptions {
  /** Server root, e.g. `https://chat.example.com` (a trailing slash is fine); `/api/v1/...` is added. */
  baseUrl: string;
  /** Who the requests act as. Sent only to `baseUrl`'s origin, never logged. */
  credentials: OmnichannelCredentialsSource;
  /** A `fetch` to use instead of the global one (SSR, instrumentation). @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Milliseconds one request may take, counted from the call of `request()`: resolving
   * `credentials`, the fetch and reading the whole body all count. Past it the request is
   * abandoned with a `timeout` error and no request leaves any more. Accepted: 1 to
   * `MAX_TIMEOUT_MS` (2147483647 ms, about 24.8 days); anything else throws a `RangeError` when
   * the client is created. There is no "no timeout" setting on purpose: an attempt that never ends
   * would leave an agent on "Closing…" forever and block later closes of the room.
   * `MAX_TIMEOUT_MS` is the closest thing.
   * @default 15000
   */
  timeoutMs?: number;
}

/** One call of `client.request`: an authenticated request under `/api/v1/`. */
export interface ApiRequest {
  method: 'GET' | 'POST';
  /** Path under `/api/v1/`, e.g. `livechat/room.closeByUser`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Abandons the request only while it has not been sent (its credentials are still being
   * resolved): aborting it then rejects with its reason and nothing reaches the server. Once the
   * request is sent it has no effect, so the answer, and what the server did, are still known.
   * For a form the agent dismisses: nothing may leave after that (#11).
   */
  abandonSignal?: AbortSignal;
}

/** Any HTTP answer to `client.request`, success or not. */
export interface ApiResponse {
  status: number;
  /** Parsed JSON, or `undefined` when the body is empty or not JSON (a proxy's HTML page). */
  body: unknown;
  headers: Headers;
}

/** Why a request got no usable answer: the connection failed, the deadline passed, the credentials function failed, or the server redirected (never followed). */
export type OmnichannelRequestErrorKind = 'network' | 'timeout' | 'credentials' | 'redirect';

/** A request that got no usable HTTP answer. Endpoint helpers turn it into their own error type. */
export class OmnichannelRequestError extends Error {
  override readonly name = 'OmnichannelRequestError';
  readonly kind: OmnichannelRequestErrorKind;
  constructor(kind: OmnichannelRequestErrorKind, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.kind = kind;
  }
}

/** A Rocket.Chat REST client bound to one server and one set of credentials, from `createOmnichannelClient`. */
export interface OmnichannelClient {
  /** The normalised server root, without a trailing slash. */
  readonly baseUrl: string;
  readonly timeoutMs: number;
  /**
   * Sends one authenticated request to `{baseUrl}/api/v1/{path}`. Resolves with any HTTP answer,
   * success or not; rejects with `OmnichannelRequestError` when none arrives, or with the
   * `signal`'s reason when the caller aborts.
   */
  request(request: ApiRequest): Promise<ApiResponse>;
  /**
   * Calls `listener` whenever the credentials start naming another user than the requests before
   * (one client whose `credentials()` switched agents); returns the unsubscribe. The provider drops
   * the package's cached answers and the drafts on it. Optional for clients made otherwise.
   */
  onUserChange?(listener: () => void): () => void;
}

/**
 * The `timeoutMs` used when none is given: 15 s. There is no "no timeout" setting on purpose: an
 * attempt that never ends would leave an agent on "Closing…" forever and block later closes of
 * the room. The largest accepted value, `MAX_TIMEOUT_MS`, is the closest thing.
 */
export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The largest accepted `timeoutMs`: 2147483647 ms (2^31 - 1, about 24.8 days). Timers overflow
 * past it and fire at once, which would fail every request as a timeout while it still reaches
 * the server.
 */
export const MAX_TIMEOUT_MS = 2_147_483_647;

// Hides everything up to the last "@", where a URL keeps its user name and password. Works on
// strings the URL parser refuses too ("https://ana:pa/ss@host"), at the price of hiding a path
// that happens to contain "@".
function redactUserinfo(text: string): string {
  return text.replace(/^([a-z][a-z\d+.-]*:\/\/)?.*@/is, '$1***@');
}

function normaliseBaseUrl(baseUrl: string): URL {
  // JavaScript callers may pass anything; only a string is echoed, and never its userinfo.
  const got = typeof baseUrl === 'string' ? `"${redactUserinfo(baseUrl)}"` : describeValue(baseUrl);
  const notHttp = () => new TypeError(`baseUrl must be an absolute http(s) URL, got ${got}`);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw notHttp();
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw notHttp();
  if (url.username || url.password) {
    // fetch refuses such URLs, so every close would fail, and the password would sit in
    // `client.baseUrl` and in error causes.
    throw new TypeError(
      `baseUrl must not contain a user name or password, got "${redactUserinfo(url.href.replace(/\/$/, ''))}": ` +
        'Rocket.Chat authenticates with a userId and an authToken, give them in the credentials option',
    );
  }
  url.search = '';
  url.hash = '';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/`;
  return url;
}

function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return value === null ? 'null' : `a value of type ${typeof value}`;
}

function checkTimeout(timeoutMs: unknown): number {
  // The comparisons also refuse NaN; MAX_TIMEOUT_MS refuses Infinity and the overflowing values.
  if (typeof timeoutMs === 'number' && timeoutMs >= 1 && timeoutMs <= MAX_TIMEOUT_MS) return timeoutMs;
  throw new RangeError(`timeoutMs must be a number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, got ${describeValue(timeoutMs)}`);
}

async function resolveCredentials(source: OmnichannelCredentialsSource): Promise<OmnichannelCredentials> {
  let credentials: OmnichannelCredentials | undefined;
  try {
    credentials = typeof source === 'function' ? await source() : source;
  } catch (error) {
    // The host's own error may say anything; keep it as the cause, not in our message.
    throw new OmnichannelRequestError('credentials', 'credentials() failed', error);
  }
  if (!credentials || typeof credentials.userId !== 'string' || typeof credentials.authToken !== 'string' || !credentials.userId || !credentials.authToken) {
    throw new OmnichannelRequestError('credentials', 'credentials need a userId and an authToken');
  }
  return credentials;
}

// A promise cannot be cancelled, but we can stop waiting for it: a credentials function that
// never settles must not hold the request past its deadline or the caller's abort.
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

// Errors reading the body (timeout, reset connection) propagate: only a complete body that is
// empty or not JSON becomes `undefined`.
async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Creates the REST client every hook and helper of this package uses. It holds no state besides
 * its options, so one client per server is enough for a whole app.
 */
export function createOmnichannelClient(options: OmnichannelClientOptions): OmnichannelClient {
  const root = normaliseBaseUrl(options.baseUrl);
  const apiRoot = new URL('api/v1/', root);
  // `undefined` only: null, strings and other values a JavaScript caller may pass are refused.
  const timeoutMs = options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : checkTimeout(options.timeoutMs);
  const { credentials } = options;
  // Which user the requests name, kept in memory only: never logged or shown.
  let lastUser: string | undefined;
  const userListeners = new Set<() => void>();
  function noteUser(userId: string) {
    const previous = lastUser;
    lastUser = userId;
    if (previous !== undefined && previous !== userId) for (const listener of userListeners) listener();
  }

  async function request({ method, path, query, body, signal, abandonSignal }: ApiRequest): Promise<ApiResponse> {
    signal?.throwIfAborted();
    abandonSignal?.throwIfAborted();
    const url = new URL(path.replace(/^\/+/, ''), apiRoot);
    // A path can never leave the configured server: credentials go to that origin only.
    if (url.origin !== root.origin || !url.pathname.startsWith(apiRoot.pathname)) {
      throw new TypeError(`path "${path}" leaves ${apiRoot.href}`);
    }
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }

    // One controller for the whole attempt: the deadline and the caller's abort end whichever
    // step is running (credentials, fetch, body), and its reason is what the caller gets.
    const controller = new AbortController();
    const deadline = Date.now() + timeoutMs;
    const expire = () => controller.abort(new OmnichannelRequestError('timeout', `No complete answer from ${url.origin} within ${timeoutMs} ms`));
    const timer = setTimeout(expire, timeoutMs);
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });

    const doFetch = options.fetch ?? globalThis.fetch;
    try {
      const resolving = untilAborted(resolveCredentials(credentials), controller.signal);
      const { userId, authToken } = await (abandonSignal ? untilAborted(resolving, abandonSignal) : resolving);
      abandonSignal?.throwIfAborted();
      noteUser(userId);
      // A busy page runs timers late: the clock, not only the timer, says whether the deadline
      // has passed, so no request leaves after it.
      if (Date.now() >= deadline) expire();
      controller.signal.throwIfAborted();
      const headers: Record<string, string> = {
        Accept: 'application/json',
        'X-User-Id': userId,
        'X-Auth-Token': authToken,
      };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      // Raced against the deadline as well as given the signal: a host's `fetch` (instrumentation,
      // SSR) may ignore the signal, and the deadline must hold all the same.
      const response = await untilAborted(doFetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        // Never follow a redirect: fetch would forward the X-Auth-Token header to wherever it
        // points, another origin included.
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
      }), controller.signal);
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        throw new OmnichannelRequestError('redirect', `${url.pathname} redirected: redirects are not followed`);
      }
      return { status: response.status, body: await untilAborted(readBody(response), controller.signal), headers: response.headers };
    } catch (error) {
      // fetch and the body stream reject with an AbortError of their own; the controller's
      // reason says whether it was the deadline or the caller.
      if (controller.signal.aborted) throw controller.signal.reason;
      if (abandonSignal?.aborted && error === abandonSignal.reason) throw error;
      if (error instanceof OmnichannelRequestError) throw error;
      throw new OmnichannelRequestError('network', `Could not reach ${url.origin}`, error);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  return {
    baseUrl: root.href.replace(/\/$/, ''),
    timeoutMs,
    request,
    onUserChange(listener) {
      userListeners.add(listener);
      return () => userListeners.delete(listener);
    },
  };
}
