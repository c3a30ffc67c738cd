import { http, HttpResponse } from 'msw';
import { fail } from '../mock-server';
import type { MockServer } from '../mock-server';
import { runClose } from './close-by-user';

const forbidden = () => fail('User does not have the permissions required for this action [error-unauthorized]', 403);

/** The room, visitor and department reads of an agent's client, and the visitor's own close. */
export function roomHandlers(server: MockServer) {
  const { base } = server;
  return [
    // GET /api/v1/livechat/rooms: the subset of filters an agent console uses (open, paging).
    http.get(`${base}/api/v1/livechat/rooms`, async ({ request }) => {
      await server.latency();
      if (!server.authenticate(request)) return server.unauthorized();
      const url = new URL(request.url);
      const open = url.searchParams.get('open');
      const count = Number(url.searchParams.get('count') ?? 25);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const matching = [...server.rooms.values()].filter((room) => open === null || String(room.open) === open);
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
    }),

    // GET /api/v1/rooms.info?roomId=: what an agent reads of a room. A closed livechat room has
    // no `open` field at all.
    http.get(`${base}/api/v1/rooms.info`, async ({ request }) => {
      await server.latency();
      const agent = server.authenticate(request);
      if (!agent) return server.unauthorized();
      const room = server.rooms.get(new URL(request.url).searchParams.get('roomId') ?? '');
      if (!room) return fail('The required "roomId" or "roomName" param provided does not match any channel [error-room-not-found]');
      // A livechat room is readable by its serving agent, or with `view-livechat-rooms`.
      if (room.servedBy !== agent.userId && !server.can(agent, 'view-livechat-rooms')) return fail('Not allowed [error-not-allowed]', 403);
      return HttpResponse.json({
        room: {
          _id: room._id,
          t: 'l',
          fname: room.fname,
          ...(room.open && { open: true }),
          ...(room.closedAt && { closedAt: room.closedAt, closer: room.closer }),
          departmentId: room.departmentId,
          servedBy: room.servedBy ? { _id: room.servedBy } : undefined,
          v: { _id: room.visitor._id, username: room.visitor.username, token: room.visitor.token },
        },
        success: true,
      });
    }),

    // GET /api/v1/livechat/visitors.info?visitorId=
    http.get(`${base}/api/v1/livechat/visitors.info`, async ({ request }) => {
      await server.latency();
      const agent = server.authenticate(request);
      if (!agent) return server.unauthorized();
      if (!server.can(agent, 'view-l-room')) return forbidden();
      const id = new URL(request.url).searchParams.get('visitorId');
      const visitor = [...server.rooms.values()].map((room) => room.visitor).find((candidate) => candidate._id === id);
      if (!visitor) return fail('visitor-not-found');
      return HttpResponse.json({
        visitor: { _id: visitor._id, name: visitor.name, username: visitor.username, token: visitor.token, visitorEmails: visitor.email ? [{ address: visitor.email }] : [] },
        success: true,
      });
    }),

    // GET /api/v1/livechat/department/:id
    http.get(`${base}/api/v1/livechat/department/:id`, async ({ request, params }) => {
      await server.latency();
      const agent = server.authenticate(request);
      if (!agent) return server.unauthorized();
      if (!server.can(agent, 'view-l-room') && !server.can(agent, 'view-livechat-departments')) return forbidden();
      const found = server.departments.get(String(params.id));
      return HttpResponse.json({ department: found ? { ...found, enabled: true } : null, agents: [], success: true });
    }),

    // POST /api/v1/livechat/room.close { rid, token }: the visitor closes the chat (no agent
    // credentials). It races an agent's close like any other close.
    http.post(`${base}/api/v1/livechat/room.close`, async ({ request }) => {
      await server.latency();
      const body = (await request.json().catch(() => undefined)) as { rid?: unknown; token?: unknown } | undefined;
      const room = typeof body?.rid === 'string' ? server.rooms.get(body.rid) : undefined;
      if (!room || room.visitor.token !== body?.token) return fail('invalid-room');
      if (!room.open) return fail('room-closed');
      const answer = await runClose(server, room, () => {
        room.open = false;
        room.closedAt = new Date().toISOString();
        room.closer = 'visitor';
      });
      return answer.ok ? HttpResponse.json({ rid: room._id, comment: '', success: true }) : answer;
    }),
  ];
}
