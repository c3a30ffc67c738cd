import { http, HttpResponse } from 'msw';
import { fail } from '../mock-server';
import type { MockServer } from '../mock-server';

/** Public setting ids an agent's client reads for the close dialog. */
export const CLOSE_SETTINGS = {
  requireComment: 'Livechat_request_comment_when_closing_conversation',
  transcriptSendAlways: 'Livechat_transcript_send_always',
  transcriptEmailSubject: 'Livechat_transcript_email_subject',
  allowForceClose: 'Omnichannel_allow_force_close_conversations',
} as const;

/** Who the agent is, what their roles may do, the licence, and the public settings. */
export function accountHandlers(server: MockServer) {
  const { base } = server;
  return [
    // GET /api/v1/me: the user's roles and preferences (a small part of the real answer).
    http.get(`${base}/api/v1/me`, async ({ request }) => {
      await server.latency();
      const agent = server.authenticate(request);
      if (!agent) return server.unauthorized();
      return HttpResponse.json({
        _id: agent.userId,
        username: agent.username,
        roles: agent.roles,
        settings: { preferences: { ...server.preferencesOf(agent) } },
        success: true,
      });
    }),

    // GET /api/v1/permissions.listAll: every permission with the roles that hold it.
    http.get(`${base}/api/v1/permissions.listAll`, async ({ request }) => {
      await server.latency();
      if (!server.authenticate(request)) return server.unauthorized();
      const update = Object.entries(server.permissions).map(([_id, roles]) => ({ _id, roles, _updatedAt: '2026-11-01T00:00:00.000Z' }));
      return HttpResponse.json({ update, remove: [], success: true });
    }),

    // GET /api/v1/licenses.info: any signed-in user since 6.5; before, the endpoint is unknown.
    http.get(`${base}/api/v1/licenses.info`, async ({ request }) => {
      await server.latency();
      if (!server.authenticate(request)) return server.unauthorized();
      if (!server.has('licensesInfo')) return fail('API endpoint "/api/v1/licenses.info" not found.', 404);
      return HttpResponse.json({ license: { activeModules: server.activeModules(), limits: {}, tags: [] }, success: true });
    }),

    // GET /api/v1/settings.public?_id=a,b: the public settings the server exposes.
    http.get(`${base}/api/v1/settings.public`, async ({ request }) => {
      await server.latency();
      const ids = (new URL(request.url).searchParams.get('_id') ?? '').split(',');
      const { settings } = server;
      const exposed: { _id: string; value: unknown }[] = [];
      if (settings.exposeCommentSetting) exposed.push({ _id: CLOSE_SETTINGS.requireComment, value: settings.requireComment });
      if (settings.exposeTranscriptSettings) {
        exposed.push({ _id: CLOSE_SETTINGS.transcriptSendAlways, value: settings.transcriptSendAlways });
        exposed.push({ _id: CLOSE_SETTINGS.transcriptEmailSubject, value: settings.transcriptEmailSubject });
        // The setting exists from 7.3 on, with `forceClose`.
        if (server.has('forceClose')) exposed.push({ _id: CLOSE_SETTINGS.allowForceClose, value: settings.allowForceClose });
      }
      const found = exposed.filter((setting) => ids.includes(setting._id));
      return HttpResponse.json({ settings: found, count: found.length, offset: 0, total: found.length, success: true });
    }),
  ];
}
