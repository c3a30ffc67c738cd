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

export interface OmnichannelClientOptions {
  /** Server root, e.g. `https://chat.example.com` (a trailing slash is fine); `/api/v1/...` is added. */
  baseUrl: string;
  /** Who the requests act as. Sent only to `baseUrl`'s origin, never logged. */
  credentials: OmnichannelCredentialsSource;
  /** A `fetch` to use instead of the global one (SSR, instrumentation). @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Milliseconds before a request is abandoned with a `timeout` error. @default 15000 */
  timeoutMs?: number;
}

export interface ApiRequest {
  method: 'GET' | 'POST';
  /** Path under `/api/v1/`, e.g. `livechat/room.closeByUser`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

export interface ApiResponse {
  status: number;
  /** Parsed JSON, or `undefined` when the body is empty or not JSON (a proxy's HTML page). */
  body: unknown;
  headers: Headers;
}

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
}

export const DEFAULT_TIMEOUT_MS = 15_000;

function normaliseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl must be an absolute http(s) URL, got "${baseUrl}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`baseUrl must be an absolute http(s) URL, got "${baseUrl}"`);
  }
  url.search = '';
  url.hash = '';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/`;
  return url;
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

async function readBody(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return undefined;
  }
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
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { credentials } = options;

  async function request({ method, path, query, body, signal }: ApiRequest): Promise<ApiResponse> {
    signal?.throwIfAborted();
    const url = new URL(path.replace(/^\/+/, ''), apiRoot);
    // A path can never leave the configured server: credentials go to that origin only.
    if (url.origin !== root.origin || !url.pathname.startsWith(apiRoot.pathname)) {
      throw new TypeError(`path "${path}" leaves ${apiRoot.href}`);
    }
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const { userId, authToken } = await resolveCredentials(credentials);
    signal?.throwIfAborted();

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });

    const headers: Record<string, string> = {
      Accept: 'application/json',
      'X-User-Id': userId,
      'X-Auth-Token': authToken,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';

    const doFetch = options.fetch ?? globalThis.fetch;
    try {
      const response = await doFetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        // Never follow a redirect: fetch would forward the X-Auth-Token header to wherever it
        // points, another origin included.
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
      });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        throw new OmnichannelRequestError('redirect', `${url.pathname} redirected: redirects are not followed`);
      }
      return { status: response.status, body: await readBody(response), headers: response.headers };
    } catch (error) {
      if (error instanceof OmnichannelRequestError) throw error;
      if (signal?.aborted) throw signal.reason;
      if (timedOut) {
        throw new OmnichannelRequestError('timeout', `No answer from ${url.origin} within ${timeoutMs} ms`, error);
      }
      throw new OmnichannelRequestError('network', `Could not reach ${url.origin}`, error);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  return { baseUrl: root.href.replace(/\/$/, ''), timeoutMs, request };
}
