import { http, HttpResponse } from 'msw';
import { fail } from '../mock-server';
import type { MockServer } from '../mock-server';

/** GET /api/v1/livechat/tags?text=&department=&viewAll=&offset=&count= (enterprise only). */
export function tagHandlers(server: MockServer) {
  return [
    http.get(`${server.base}/api/v1/livechat/tags`, async ({ request }) => {
      await server.latency();
      if (!server.authenticate(request)) return server.unauthorized();
      if (!server.activeModules().includes('livechat-enterprise')) {
        return fail('API endpoint "/api/v1/livechat/tags" not found.', 404);
      }
      if (server.settings.tagsFail) return fail('Internal server error', 500);
      const query = new URL(request.url).searchParams;
      const text = (query.get('text') ?? '').toLocaleLowerCase();
      const department = query.get('department');
      const viewAll = query.get('viewAll') === 'true';
      const offset = Number(query.get('offset') ?? 0);
      const count = Number(query.get('count') ?? 50);
      const matching = server.tags.filter(
        (tag) =>
          tag.name.toLocaleLowerCase().includes(text) &&
          (viewAll || !department || tag.departments.length === 0 || tag.departments.includes(department)),
      );
      const page = matching.slice(offset, offset + count);
      return HttpResponse.json({ tags: page, count: page.length, offset, total: matching.length, success: true });
    }),
  ];
}
