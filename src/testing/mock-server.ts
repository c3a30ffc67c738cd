import { delay, HttpResponse } from 'msw';
import type { MockAgent, MockAgentPreferences, MockDepartment, MockPermissions, MockRoom, MockTag } from './fixtures';
import { createMockPermissions, createMockRooms, createMockTags, mockAgent, mockAgentOwnRoomsOnly, mockAgentWithoutPermission, mockDepartments } from './fixtures';
import { createRateLimiter, ROCKET_CHAT_RATE_LIMIT } from './rate-limiter';
import type { MockRateLimit } from './rate-limiter';
import { hasFeature, SUPPORTED_VERSIONS } from './versions';
import type { VersionFeature } from './versions';

/**
 * Ways the close endpoint can misbehave beyond Rocket.Chat's own answers: what proxies, load
 * balancers and bad networks do.
 */
export type MockFailure =
  | 'none'
  /** 500 with Rocket.Chat's JSON error shape. */
  | 'server-error'
  /** 502 with a proxy's HTML page. */
  | 'bad-gateway-html'
  /** 503 with a proxy's HTML page. */
  | 'unavailable-html'
  /** The connection fails: `fetch` rejects. */
  | 'network'
  /** 429 with the wait time and the `X-RateLimit-*` headers. */
  | 'rate-limited'
  /** 200 with an HTML body. */
  | 'non-json-success'
  /** 200 with JSON cut in the middle. */
  | 'truncated-json'
  /** Never answers: for timeouts. */
  | 'hang'
  /** 400 `error-room-cannot-be-closed-try-again`: the server lost a race while closing. */
  | 'conflict';

/** Options of `createRocketChatMock`; `set()` changes the rules and failures while running. */
export interface RocketChatMockOptions {
  /** Server root the handlers answer for. @default any origin */
  baseUrl?: string;
  /** Agents the server knows. @default mockAgent, mockAgentWithoutPermission, mockAgentOwnRoomsOnly */
  agents?: MockAgent[];
  /** Rooms at start (copied). @default createMockRooms() */
  rooms?: MockRoom[];
  /** @default mockDepartments */
  departments?: MockDepartment[];
  /** The enterprise tag list. @default createMockTags() */
  tags?: MockTag[];
  /** Which roles hold each permission (copied; change it with `setPermission`). @default createMockPermissions() */
  permissions?: MockPermissions;
  /** The server's version: decides `licenses.info` (6.5+) and `forceClose` (7.3+). @default '8.0.0' */
  version?: string;
  /**
   * `enterprise` has the `livechat-enterprise` licence module: it serves `GET livechat/tags` and
   * makes PDF transcripts. `community` answers `livechat/tags` with 404 and ignores
   * `generateTranscriptPdf`, as servers without the licence do. @default 'enterprise'
   */
  edition?: 'enterprise' | 'community';
  /** Whether `settings.public` exposes `Livechat_request_comment_when_closing_conversation` (older servers do not). @default true */
  exposeCommentSetting?: boolean;
  /** Whether `settings.public` exposes the transcript and force-close settings. @default true */
  exposeTranscriptSettings?: boolean;
  /** Make `GET livechat/tags` fail with a 500. @default false */
  tagsFail?: boolean;
  /** `Livechat_request_comment_when_closing_conversation`. @default true, as on Rocket.Chat */
  requireComment?: boolean;
  /** `Livechat_transcript_send_always`: the server e-mails every transcript itself. @default false */
  transcriptSendAlways?: boolean;
  /** `Livechat_transcript_email_subject`. @default '' (the server then uses its default text) */
  transcriptEmailSubject?: string;
  /** `Omnichannel_allow_force_close_conversations` (7.3+): `forceClose` is honoured. @default false */
  allowForceClose?: boolean;
  /**
   * Rocket.Chat's REST rate limiter on the close endpoint, per user: `true` for its defaults
   * (10 calls per 60 s), or your own window. @default false (off, as in Rocket.Chat's test mode)
   */
  rateLimit?: boolean | MockRateLimit;
  /** Latency of every answer, in milliseconds. @default 0 */
  delayMs?: number;
  /**
   * How long a close holds the room, in milliseconds: a second close of the room arriving
   * meanwhile loses the race (`error-room-cannot-be-closed-try-again`). @default 5
   */
  closeDurationMs?: number;
  /** How the close endpoint misbehaves. @default 'none' */
  failure?: MockFailure;
  /** Misbehaviour for some rooms only, by room id; wins over `failure`. @default {} */
  roomFailures?: Record<string, MockFailure>;
  /** 401 body: `current` servers add `success` and `error`; `legacy` ones send only status and message. @default 'current' */
  unauthorizedShape?: 'current' | 'legacy';
  /** Wait announced by the `rate-limited` failure, in seconds. @default 12 */
  rateLimitSeconds?: number;
}

/** The rules and failure modes that `set()` changes while the mock runs. */
export type MockSettings = Required<Omit<RocketChatMockOptions, 'baseUrl' | 'agents' | 'rooms' | 'departments' | 'tags' | 'permissions'>>;

/** One request that reached the close endpoint, as the server saw it (credentials left out). */
export interface RecordedCloseRequest {
  userId: string | null;
  body: unknown;
}

const DEFAULTS: MockSettings = {
  version: SUPPORTED_VERSIONS.newest,
  edition: 'enterprise',
  exposeCommentSetting: true,
  exposeTranscriptSettings: true,
  tagsFail: false,
  requireComment: true,
  transcriptSendAlways: false,
  transcriptEmailSubject: '',
  allowForceClose: false,
  rateLimit: false,
  delayMs: 0,
  closeDurationMs: 5,
  failure: 'none',
  roomFailures: {},
  unauthorizedShape: 'current',
  rateLimitSeconds: 12,
};

/** Refuses a version the mock cannot compare: a typo would silently serve an old server. */
export function checkVersion(version: string): void {
  if (!/^\d+\.\d+(\.\d+)?$/.test(version)) throw new TypeError(`version must look like "7.3.0", got ${JSON.stringify(version)}`);
}

/** An `{ success: false, error }` answer, 400 unless said otherwise. */
export const fail = (error: string, status = 400, extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  HttpResponse.json({ success: false, error, ...extra }, { status, headers });

/**
 * The mock server's state, shared by every endpoint group: what the server knows (agents, roles,
 * rooms, departments, tags, settings) and the checks every endpoint makes the same way.
 */
export function createMockServer(options: RocketChatMockOptions) {
  const initial: MockSettings = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof MockSettings)[]) {
    if (options[key] !== undefined) Object.assign(initial, { [key]: options[key] });
  }
  checkVersion(initial.version);
  const agents = options.agents ?? [mockAgent, mockAgentWithoutPermission, mockAgentOwnRoomsOnly];
  const server = {
    base: (options.baseUrl ?? '*').replace(/\/+$/, ''),
    settings: { ...initial },
    tags: options.tags ?? createMockTags(),
    rooms: new Map<string, MockRoom>(),
    departments: new Map<string, MockDepartment>(),
    permissions: {} as MockPermissions,
    closeRequests: [] as RecordedCloseRequest[],
    /** Rooms whose close is running, for the race of simultaneous closes. */
    closing: new Set<string>(),
    /** How many closes of each room lost a race: the losers' answers alternate as on Rocket.Chat. */
    raceLosers: new Map<string, number>(),
    limiter: createRateLimiter(),

    reset() {
      server.settings = { ...initial };
      server.rooms.clear();
      for (const room of options.rooms ?? createMockRooms()) server.rooms.set(room._id, structuredClone(room));
      server.departments.clear();
      for (const department of options.departments ?? mockDepartments) server.departments.set(department._id, structuredClone(department));
      server.permissions = structuredClone(options.permissions ?? createMockPermissions());
      server.closeRequests.length = 0;
      server.closing.clear();
      server.raceLosers.clear();
      server.limiter.clear();
    },

    /** The agent whose `X-User-Id` and `X-Auth-Token` match, if any. */
    authenticate(request: Request): MockAgent | undefined {
      const userId = request.headers.get('x-user-id');
      const token = request.headers.get('x-auth-token');
      return agents.find((agent) => agent.userId === userId && agent.authToken === token);
    },

    /** Whether one of the agent's roles holds `permission`. */
    can(agent: MockAgent, permission: string): boolean {
      return (server.permissions[permission] ?? []).some((role) => agent.roles.includes(role));
    },

    has(feature: VersionFeature): boolean {
      return hasFeature(server.settings.version, feature);
    },

    /** The licence modules the server has. */
    activeModules(): string[] {
      return server.settings.edition === 'enterprise' ? ['livechat-enterprise', 'omnichannel-mobile-enterprise', 'auditing'] : [];
    },

    /** The rate limit in force on the close endpoint, if any. */
    rateLimit(): MockRateLimit | undefined {
      const { rateLimit } = server.settings;
      return rateLimit === true ? ROCKET_CHAT_RATE_LIMIT : rateLimit === false ? undefined : rateLimit;
    },

    preferencesOf(agent: MockAgent): MockAgentPreferences {
      return agent.preferences ?? {};
    },

    unauthorized() {
      const message = 'You must be logged in to do this.';
      const body =
        server.settings.unauthorizedShape === 'legacy'
          ? { status: 'error', message }
          : { success: false, error: message, status: 'error', message };
      return HttpResponse.json(body, { status: 401 });
    },

    async latency() {
      if (server.settings.delayMs > 0) await delay(server.settings.delayMs);
    },
  };
  server.reset();
  return server;
}

export type MockServer = ReturnType<typeof createMockServer>;
