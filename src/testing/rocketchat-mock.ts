import { delay, http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { MockAgent, MockDepartment, MockRoom, MockTag } from './fixtures';
import { createMockRooms, createMockTags, mockAgent, mockAgentOwnRoomsOnly, mockAgentWithoutPermission, mockDepartments } from './fixtures';
import { validateCloseBody } from './validate-close-body';

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
  /**
   * `enterprise` serves `GET livechat/tags`; `community` answers it 404, as servers without the
   * licence do. @default 'enterprise'
   */
  edition?: 'enterprise' | 'community';
  /** Whether `settings.public` exposes `Livechat_request_comment_when_closing_conversation` (older servers do not). @default true */
  exposeCommentSetting?: boolean;
  /** Make `GET livechat/tags` fail with a 500. @default false */
  tagsFail?: boolean;
  /** `Livechat_request_comment_when_closing_conversation`. @default true, as on Rocket.Chat */
  requireComment?: boolean;
  /** Latency of every answer, in milliseconds. @default 0 */
  delayMs?: number;
  /** How the close endpoint misbehaves. @default 'none' */
  failure?: MockFailure;
  /** Misbehaviour for some rooms only, by room id; wins over `failure`. @default {} */
  roomFailures?: Record<string, MockFailure>;
  /** 401 body: `current` servers add `success` and `error`; `legacy` ones send only status and message. @default 'current' */
  unauthorizedShape?: 'current' | 'legacy';
  /** Wait announced by the `rate-limited` failure, in seconds. @default 12 */
  rateLimitSeconds?: number;
}

type Settings = Required<Omit<RocketChatMockOptions, 'baseUrl' | 'agents' | 'rooms' | 'departments' | 'tags'>>;

/** One request that reached the close endpoint, as the server saw it (credentials left out). */
export interface RecordedCloseRequest {
  userId: string | null;
  body: unknown;
}

export interface RocketChatMock {
  /** The MSW handlers: pass them to `setupServer`, `setupWorker` or `msw-storybook-addon`. */
  handlers: HttpHandler[];
  /** Current rooms by id: read them to assert what a close did. */
  rooms: Map<string, MockRoom>;
  departments: Map<string, MockDepartment>;
  /** Every request to the close endpoint, in order. */
  closeRequests: RecordedCloseRequest[];
  /** Current rules and failure mode. */
  readonly settings: Readonly<Settings>;
  /** Changes rules or failure mode while running. */
  set(settings: Partial<Settings>): void;
  /** Back to the options given at creation, rooms reopened, requests forgotten. */
  reset(): void;
}

const HTML_PAGE = (status: number, title: string) =>
  `<!DOCTYPE html><html><head><title>${status} ${title}</title></head><body><h1>${status} ${title}</h1><hr><p>nginx</p></body></html>`;

const fail = (error: string, status = 400, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ success: false, error, ...extra }, { status });

/**
 * A Rocket.Chat server in MSW handlers, following shared/rocketchat-close-room-contract.md: the
 * same checks in the same order, the same statuses and error strings, and state (a room closed
 * once answers `error-room-already-closed` after).
 */
export function createRocketChatMock(options: RocketChatMockOptions = {}): RocketChatMock {
  const base = (options.baseUrl ?? '*').replace(/\/+$/, '');
  const agents = options.agents ?? [mockAgent, mockAgentWithoutPermission, mockAgentOwnRoomsOnly];
  const initialSettings: Settings = {
    requireComment: options.requireComment ?? true,
    delayMs: options.delayMs ?? 0,
    failure: options.failure ?? 'none',
    roomFailures: options.roomFailures ?? {},
    unauthorizedShape: options.unauthorizedShape ?? 'current',
    rateLimitSeconds: options.rateLimitSeconds ?? 12,
    edition: options.edition ?? 'enterprise',
    exposeCommentSetting: options.exposeCommentSetting ?? true,
    tagsFail: options.tagsFail ?? false,
  };
  const tags = options.tags ?? createMockTags();
  let settings = { ...initialSettings };
  const rooms = new Map<string, MockRoom>();
  const departments = new Map<string, MockDepartment>();
  const closeRequests: RecordedCloseRequest[] = [];

  function reset() {
    settings = { ...initialSettings };
    rooms.clear();
    for (const room of options.rooms ?? createMockRooms()) rooms.set(room._id, structuredClone(room));
    departments.clear();
    for (const department of options.departments ?? mockDepartments) departments.set(department._id, structuredClone(department));
    closeRequests.length = 0;
  }
  reset();

  function authenticate(request: Request): MockAgent | undefined {
    const userId = request.headers.get('x-user-id');
    const token = request.headers.get('x-auth-token');
    return agents.find((agent) => agent.userId === userId && agent.authToken === token);
  }

  function unauthorized() {
    const message = 'You must be logged in to do this.';
    const body =
      settings.unauthorizedShape === 'legacy'
        ? { status: 'error', message }
        : { success: false, error: message, status: 'error', message };
    return HttpResponse.json(body, { status: 401 });
  }

  async function latency() {
    if (settings.delayMs > 0) await delay(settings.delayMs);
  }

  function failureFor(body: unknown): MockFailure {
    const rid = typeof body === 'object' && body !== null ? (body as { rid?: unknown }).rid : undefined;
    return (typeof rid === 'string' ? settings.roomFailures[rid] : undefined) ?? settings.failure;
  }

  async function injectedFailure(failure: MockFailure): Promise<Response | undefined> {
    switch (failure) {
      case 'none':
        return undefined;
      case 'hang':
        await delay('infinite');
        return undefined;
      case 'network':
        return HttpResponse.error();
      case 'server-error':
        return fail('Internal server error', 500);
      case 'bad-gateway-html':
        return HttpResponse.html(HTML_PAGE(502, 'Bad Gateway'), { status: 502 });
      case 'unavailable-html':
        return HttpResponse.html(HTML_PAGE(503, 'Service Temporarily Unavailable'), { status: 503 });
      case 'non-json-success':
        return HttpResponse.html('<!DOCTYPE html><html><body>Welcome</body></html>', { status: 200 });
      case 'truncated-json':
        return new HttpResponse('{"success": tr', { status: 200, headers: { 'Content-Type': 'application/json' } });
      case 'rate-limited':
      case 'conflict':
        return undefined; // answered by the server's own checks below, in their order
    }
  }

  function rateLimited() {
    const seconds = settings.rateLimitSeconds;
    return HttpResponse.json(
      {
        success: false,
        error: `Error, too many requests. Please slow down. You must wait ${seconds} seconds before trying this endpoint again. [error-too-many-requests]`,
      },
      {
        status: 429,
        headers: {
          'X-RateLimit-Limit': '10',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(Date.now() + seconds * 1000),
        },
      },
    );
  }

  const closeByUser = http.post(`${base}/api/v1/livechat/room.closeByUser`, async ({ request }) => {
    await latency();
    const body: unknown = await request.json().catch(() => undefined);
    closeRequests.push({ userId: request.headers.get('x-user-id'), body });
    const failure = failureFor(body);
    const injected = await injectedFailure(failure);
    if (injected) return injected;

    const agent = authenticate(request);
    if (!agent) return unauthorized();
    if (failure === 'rate-limited') return rateLimited();

    const invalid = validateCloseBody(body);
    if (invalid) return fail(invalid, 400, { errorType: 'invalid-params' });
    const params = body as {
      rid: string;
      comment?: string;
      tags?: string[];
      generateTranscriptPdf?: boolean;
      transcriptEmail?: { sendToVisitor: boolean; requestData?: { email: string; subject: string } };
    };

    if (!agent.permissions.includes('close-livechat-room')) {
      return HttpResponse.json(
        { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' },
        { status: 403 },
      );
    }
    const room = rooms.get(params.rid);
    if (!room) return fail('error-invalid-room');
    if (room.servedBy !== agent.userId && !agent.permissions.includes('close-others-livechat-room')) {
      return fail('error-not-authorized');
    }
    if (!room.open) return fail('error-room-already-closed');
    if (settings.requireComment && !params.comment?.trim()) return fail('error-comment-is-required');
    const department = room.departmentId ? departments.get(room.departmentId) : undefined;
    if (department?.requestTagBeforeClosingChat && !params.tags?.length) {
      return fail('error-tags-must-be-assigned-before-closing-chat');
    }
    const transcript = params.transcriptEmail;
    if (transcript?.sendToVisitor && !transcript.requestData) {
      // What the real server does with this shape (the contract's "semantics" section).
      return fail("Cannot read properties of undefined (reading 'email')");
    }

    if (failure === 'conflict') return fail('error-room-cannot-be-closed-try-again');

    room.open = false;
    room.closedAt = new Date().toISOString();
    room.closedBy = agent.userId;
    room.closeComment = params.comment;
    room.tags = [...new Set([...(params.tags ?? []), ...(department?.chatClosingTags ?? [])])];
    room.pdfTranscriptRequested = params.generateTranscriptPdf === true;
    if (transcript) room.transcriptRequest = transcript.sendToVisitor ? transcript.requestData : undefined;
    return HttpResponse.json({ success: true });
  });

  // GET /api/v1/livechat/rooms: the subset of filters an agent console uses (open, agents).
  const listRooms = http.get(`${base}/api/v1/livechat/rooms`, async ({ request }) => {
    await latency();
    const agent = authenticate(request);
    if (!agent) return unauthorized();
    const url = new URL(request.url);
    const open = url.searchParams.get('open');
    const count = Number(url.searchParams.get('count') ?? 25);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const matching = [...rooms.values()].filter((room) => open === null || String(room.open) === open);
    const page = matching.slice(offset, offset + count).map((room) => ({
      _id: room._id,
      t: 'l',
      fname: room.fname,
      open: room.open,
      ts: room.ts,
      departmentId: room.departmentId,
      servedBy: room.servedBy ? { _id: room.servedBy } : undefined,
      v: { _id: room.visitor._id, username: room.visitor.username, token: room.visitor.token },
      lastMessage: room.lastMessage ? { msg: room.lastMessage } : undefined,
      tags: room.tags,
    }));
    return HttpResponse.json({ rooms: page, count: page.length, offset, total: matching.length, success: true });
  });

  // GET /api/v1/rooms.info?roomId=: what an agent reads of a room.
  const roomInfo = http.get(`${base}/api/v1/rooms.info`, async ({ request }) => {
    await latency();
    if (!authenticate(request)) return unauthorized();
    const room = rooms.get(new URL(request.url).searchParams.get('roomId') ?? '');
    if (!room) {
      return fail('The required "roomId" or "roomName" param provided does not match any channel [error-room-not-found]');
    }
    return HttpResponse.json({
      room: { _id: room._id, t: 'l', fname: room.fname, open: room.open, departmentId: room.departmentId, v: { _id: room.visitor._id, username: room.visitor.username, token: room.visitor.token } },
      success: true,
    });
  });

  // GET /api/v1/livechat/visitors.info?visitorId=
  const visitorInfo = http.get(`${base}/api/v1/livechat/visitors.info`, async ({ request }) => {
    await latency();
    if (!authenticate(request)) return unauthorized();
    const id = new URL(request.url).searchParams.get('visitorId');
    const visitor = [...rooms.values()].map((room) => room.visitor).find((candidate) => candidate._id === id);
    if (!visitor) return fail('visitor-not-found');
    return HttpResponse.json({
      visitor: { _id: visitor._id, name: visitor.name, username: visitor.username, token: visitor.token, visitorEmails: visitor.email ? [{ address: visitor.email }] : [] },
      success: true,
    });
  });

  // GET /api/v1/livechat/department/:id
  const department = http.get(`${base}/api/v1/livechat/department/:id`, async ({ request, params }) => {
    await latency();
    if (!authenticate(request)) return unauthorized();
    const found = departments.get(String(params.id));
    return HttpResponse.json({ department: found ? { ...found, enabled: true } : null, agents: [], success: true });
  });

  // GET /api/v1/livechat/tags?text=&department=&viewAll=&offset=&count= (enterprise only)
  const listTags = http.get(`${base}/api/v1/livechat/tags`, async ({ request }) => {
    await latency();
    if (!authenticate(request)) return unauthorized();
    if (settings.edition === 'community') {
      return HttpResponse.json({ success: false, error: 'API endpoint "/api/v1/livechat/tags" not found.' }, { status: 404 });
    }
    if (settings.tagsFail) return fail('Internal server error', 500);
    const query = new URL(request.url).searchParams;
    const text = (query.get('text') ?? '').toLocaleLowerCase();
    const dept = query.get('department');
    const viewAll = query.get('viewAll') === 'true';
    const offset = Number(query.get('offset') ?? 0);
    const count = Number(query.get('count') ?? 50);
    const matching = tags.filter(
      (tag) =>
        tag.name.toLocaleLowerCase().includes(text) &&
        (viewAll || !dept || tag.departments.length === 0 || tag.departments.includes(dept)),
    );
    const page = matching.slice(offset, offset + count);
    return HttpResponse.json({ tags: page, count: page.length, offset, total: matching.length, success: true });
  });

  // GET /api/v1/settings.public?_id=a,b: the public settings an agent's client reads.
  const publicSettings = http.get(`${base}/api/v1/settings.public`, async ({ request }) => {
    await latency();
    const ids = (new URL(request.url).searchParams.get('_id') ?? '').split(',');
    const known = settings.exposeCommentSetting
      ? [{ _id: 'Livechat_request_comment_when_closing_conversation', value: settings.requireComment }]
      : [];
    const found = known.filter((setting) => ids.includes(setting._id));
    return HttpResponse.json({ settings: found, count: found.length, offset: 0, total: found.length, success: true });
  });

  return {
    handlers: [closeByUser, listRooms, roomInfo, visitorInfo, department, listTags, publicSettings],
    rooms,
    departments,
    closeRequests,
    get settings() {
      return settings;
    },
    set(next) {
      settings = { ...settings, ...next };
    },
    reset,
  };
}
