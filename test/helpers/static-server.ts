import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A plain static file server on loopback, as someone would open a built site. */
export async function serveStatic(root: string, headers: Record<string, string> = {}): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

/**
 * For one e2e file: builds a site into a temporary folder (`buildInto`), serves it with `headers`
 * on loopback and launches Chromium; everything is torn down after the file.
 */
export function setupBuiltSite(buildInto: (out: string) => Promise<unknown> | void, headers: Record<string, string> = {}) {
  const out = mkdtempSync(join(tmpdir(), 'rcou-site-'));
  const site = { url: '', browser: undefined as unknown as Browser };
  let server: Server | undefined;
  beforeAll(async () => {
    await buildInto(out);
    ({ server, url: site.url } = await serveStatic(out, headers));
    site.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await site.browser.close();
    server?.close();
    rmSync(out, { recursive: true, force: true });
  });
  return site;
}
