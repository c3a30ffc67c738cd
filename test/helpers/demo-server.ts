import type { Browser } from 'playwright-core';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';

/**
 * The demo as `npm start` serves it (its own Vite config, a free port) and a Chromium to drive it,
 * for the current test file. `url` and `browser` are set once the file's `beforeAll` has run.
 */
export function setupDemo() {
  const demo = { url: '', browser: undefined as unknown as Browser };
  let server: ViteDevServer;
  beforeAll(async () => {
    server = await createServer({ configFile: 'examples/agent-console/vite.config.ts', server: { port: 0 }, logLevel: 'silent' });
    await server.listen();
    demo.url = server.resolvedUrls?.local[0] ?? '';
    demo.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await demo.browser.close();
    await server.close();
  });
  return demo;
}
