import type { NextRequest } from 'next/server';

// The browser's client talks to this app; this handler forwards to Rocket.Chat and adds the
// agent's credentials, so the token never reaches the browser.
async function forward(request: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  const target = new URL(`/api/v1/${path.join('/')}${request.nextUrl.search}`, process.env.RC_URL);
  const headers = new Headers({ 'X-User-Id': process.env.RC_USER_ID ?? '', 'X-Auth-Token': process.env.RC_AUTH_TOKEN ?? '' });
  const type = request.headers.get('content-type');
  if (type) headers.set('Content-Type', type);
  const body = request.method === 'GET' ? undefined : await request.text();
  const answer = await fetch(target, { method: request.method, headers, body, redirect: 'manual' });
  return new Response(await answer.arrayBuffer(), { status: answer.status, headers: { 'Content-Type': answer.headers.get('content-type') ?? 'text/plain' } });
}

export { forward as GET, forward as POST };
