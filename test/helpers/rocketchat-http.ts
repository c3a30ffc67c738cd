import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { createRocketChatMock } from '../../src/testing';
import type { RocketChatMock, RocketChatMockOptions } from '../../src/testing';

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined;
}

/**
 * The mock Rocket.Chat behind a real HTTP port on loopback, for tests of what crosses a network
 * (the demo's proxy). It answers with the same handlers tests and stories use.
 */
export async function startRocketChatHttp(options: RocketChatMockOptions = {}): Promise<{
  url: string;
  mock: RocketChatMock;
  seen: { method: string; path: string; headers: IncomingMessage['headers'] }[];
  server: Server;
}> {
  const mock = createRocketChatMock(options);
  const seen: { method: string; path: string; headers: IncomingMessage['headers'] }[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      seen.push({ method: request.method ?? 'GET', path: request.url ?? '/', headers: request.headers });
      const url = `http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`;
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string') headers.set(name, value);
      }
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await readBody(request);
      const answer = (await getResponse(mock.handlers, new Request(url, { method: request.method, headers, body }))) ?? new Response('Not found', { status: 404 });
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(Buffer.from(await answer.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, mock, seen, server };
}
