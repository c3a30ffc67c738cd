import { delay, http, HttpResponse } from 'msw';
import { fail } from '../mock-server';
import type { MockFailure, MockServer } from '../mock-server';
import type { MockRoom } from '../fixtures';
import { validateCloseBody } from '../validate-close-body';

/** The server's default subject of a transcript e-mail (`Transcript_of_your_livechat_conversation`). */
const DEFAULT_SUBJECT = 'Transcript of your livechat conversation';

const HTML_PAGE = (status: number, title: string) =>
  `<!DOCTYPE html><html><head><title>${status} ${title}</title></head><body><h1>${status} ${title}</h1><hr><p>nginx</p></body></html>`;

/** What the losers of simultaneous closes of one room get: both seen in Rocket.Chat's own tests. */
const RACE_ERRORS = ['error-room-cannot-be-closed-try-again', 'Error removing inquiry'] as const;

interface CloseParams {
  rid: string;
  comment?: string;
  tags?: string[];
  generateTranscriptPdf?: boolean;
  transcriptEmail?: { sendToVisitor: boolean; requestData?: { email: string; subject: string } };
  forceClose?: boolean;
}

const unique = (...lists: (readonly string[] | undefined)[]) => [...new Set(lists.flatMap((list) => list ?? []))];

async function injectedFailure(failure: MockFailure): Promise<Response | undefined> {
  switch (failure) {
    case 'hang':
      await delay('infinite');
      return undefined;
    case 'network':
      return HttpResponse.error();
    case 'bad-gateway-html':
      return HttpResponse.html(HTML_PAGE(502, 'Bad Gateway'), { status: 502 });
    case 'unavailable-html':
      return HttpResponse.html(HTML_PAGE(503, 'Service Temporarily Unavailable'), { status: 503 });
    case 'non-json-success':
      return HttpResponse.html('<!DOCTYPE html><html><body>Welcome</body></html>', { status: 200 });
    case 'truncated-json':
      return new HttpResponse('{"success": tr', { status: 200, headers: { 'Content-Type': 'application/json' } });
    default:
      return undefined; // 'none', and 'rate-limited' / 'server-error' / 'conflict': Rocket.Chat's own answers, in its order below
  }
}

const tooManyRequests = (seconds: number, headers: Record<string, string>) =>
  fail(
    `Error, too many requests. Please slow down. You must wait ${seconds} seconds before trying this endpoint again. [error-too-many-requests]`,
    429,
    {},
    headers,
  );

/**
 * Runs the close of an open room, holding it for `closeDurationMs`: a second close of the room
 * meanwhile loses the race, as on Rocket.Chat (one of three simultaneous closes succeeds).
 */
export async function runClose(server: MockServer, room: MockRoom, commit: () => void): Promise<Response> {
  if (server.closing.has(room._id)) return lostRace(server, room);
  server.closing.add(room._id);
  const wasOpen = room.open;
  try {
    if (server.settings.closeDurationMs > 0) await delay(server.settings.closeDurationMs);
    // Closed meanwhile by a change made straight to `rooms` (a test's colleague): this close lost.
    if (wasOpen && !room.open) return lostRace(server, room);
    commit();
  } finally {
    server.closing.delete(room._id);
  }
  return HttpResponse.json({ success: true });
}

function lostRace(server: MockServer, room: MockRoom) {
  const losers = server.raceLosers.get(room._id) ?? 0;
  server.raceLosers.set(room._id, losers + 1);
  return fail(RACE_ERRORS[losers % RACE_ERRORS.length] ?? RACE_ERRORS[0]);
}

/** `POST /api/v1/livechat/room.closeByUser`, in the server's order of checks (contract). */
export function closeByUserHandler(server: MockServer) {
  return http.post(`${server.base}/api/v1/livechat/room.closeByUser`, async ({ request }) => {
    await server.latency();
    const body: unknown = await request.json().catch(() => undefined);
    server.closeRequests.push({ userId: request.headers.get('x-user-id'), body });
    const rid = typeof body === 'object' && body !== null ? (body as { rid?: unknown }).rid : undefined;
    const failure = (typeof rid === 'string' ? server.settings.roomFailures[rid] : undefined) ?? server.settings.failure;
    const injected = await injectedFailure(failure);
    if (injected) return injected;

    const agent = server.authenticate(request);
    if (!agent) return server.unauthorized();
    const limit = server.rateLimit();
    if (failure === 'rate-limited') {
      const seconds = server.settings.rateLimitSeconds;
      const calls = String(limit?.calls ?? 10);
      return tooManyRequests(seconds, { 'X-RateLimit-Limit': calls, 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(Date.now() + seconds * 1000) });
    }
    const verdict = limit && server.limiter.take(`${agent.userId} room.closeByUser`, limit);
    if (verdict && !verdict.allowed) return tooManyRequests(verdict.waitSeconds, verdict.headers);
    // A 500 of Rocket.Chat's own comes after the limiter, which counted the call.
    const answer = failure === 'server-error' ? fail('Internal server error', 500) : await decide(server, agent, body, failure === 'conflict');
    // With the limiter on, every answer carries the window's figures.
    for (const [name, value] of Object.entries(verdict ? verdict.headers : {})) answer.headers.set(name, value);
    return answer;
  });
}

async function decide(server: MockServer, agent: Parameters<MockServer['can']>[0], body: unknown, conflict: boolean): Promise<Response> {
  const invalid = validateCloseBody(body, { forceClose: server.has('forceClose') });
  if (invalid) return fail(invalid, 400, { errorType: 'invalid-params' });
  const params = body as CloseParams;

  if (!server.can(agent, 'close-livechat-room')) {
    return fail('User does not have the permissions required for this action [error-unauthorized]', 403);
  }
  const room = server.rooms.get(params.rid);
  if (!room) return fail('error-invalid-room');
  if (room.servedBy !== agent.userId && !server.can(agent, 'close-others-livechat-room')) return fail('error-not-authorized');
  // `forceClose` (7.3+) skips the "still open" check only when the server's setting allows it.
  const forcing = params.forceClose === true && server.settings.allowForceClose;
  if (!room.open && !forcing) return fail('error-room-already-closed');
  if (server.settings.requireComment && !params.comment?.trim()) return fail('error-comment-is-required');

  // The tag rule of closeRoom.ts: the room's tags and the sent ones count, and a department
  // that requires tags but has no closing tags refuses every agent close.
  const department = room.departmentId ? server.departments.get(room.departmentId) : undefined;
  const roomTags = unique(room.tags, params.tags);
  if (department?.requestTagBeforeClosingChat && (roomTags.length === 0 || department.chatClosingTags.length === 0)) {
    return fail('error-tags-must-be-assigned-before-closing-chat');
  }
  const transcript = params.transcriptEmail;
  if (transcript?.sendToVisitor && !transcript.requestData && !server.settings.transcriptSendAlways) {
    // What the real server does with this shape (the contract's "semantics" section).
    return fail("Cannot read properties of undefined (reading 'email')");
  }
  if (conflict) return fail(RACE_ERRORS[0]);

  return runClose(server, room, () => {
    room.open = false;
    room.closedAt = new Date().toISOString();
    room.closedBy = agent.userId;
    room.closer = 'user';
    room.closeComment = params.comment;
    room.tags = unique(roomTags, department?.chatClosingTags);
    recordTranscripts(server, room, params);
  });
}

/** What the close asked of transcripts, as the server then acts on it. */
function recordTranscripts(server: MockServer, room: MockRoom, params: CloseParams) {
  const { settings } = server;
  if (settings.transcriptSendAlways) {
    // The server replaces the agent's choice with its own: to the visitor's address, if any.
    const subject = settings.transcriptEmailSubject || DEFAULT_SUBJECT;
    room.transcriptRequest = room.visitor.email ? { email: room.visitor.email, subject } : undefined;
  } else if (params.transcriptEmail) {
    // `sendToVisitor: false` cancels a transcript requested earlier; leaving it out keeps one.
    room.transcriptRequest = params.transcriptEmail.sendToVisitor ? params.transcriptEmail.requestData : undefined;
  }
  // Without the enterprise licence the PDF request is silently ignored; with it the PDF is made
  // after the close, asynchronously.
  const pdf = params.generateTranscriptPdf === true && server.activeModules().includes('livechat-enterprise');
  room.pdfTranscriptRequested = pdf;
  if (pdf) setTimeout(() => (room.pdfTranscriptFileId = `pdf-${room._id}`), 20);
}
