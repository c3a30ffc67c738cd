import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockAgent } from '../../src/testing';
import type { RocketChatMock } from '../../src/testing';
import { launchChromium } from '../helpers/chromium';
import { startRocketChatHttp } from '../helpers/rocketchat-http';

// `RC_URL=… RC_USER_ID=… RC_AUTH_TOKEN=… npm start`, against a Rocket.Chat-like HTTP server on
// loopback: the demo lists that server's rooms and closes them through the dev server's proxy.
describe('the demo against a Rocket.Chat server', () => {
  let upstream: { url: string; mock: RocketChatMock; seen: { path: string; headers: Record<string, unknown> }[]; server: Server };
  let demo: ViteDevServer;
  let browser: Browser;

  beforeAll(async () => {
    upstream = await startRocketChatHttp({ delayMs: 50 });
    const saved = { ...process.env };
    Object.assign(process.env, { RC_URL: upstream.url, RC_USER_ID: mockAgent.userId, RC_AUTH_TOKEN: mockAgent.authToken });
    try {
      demo = await createServer({ configFile: 'examples/agent-console/vite.config.ts', server: { port: 0 }, logLevel: 'silent' });
    } finally {
      for (const key of ['RC_URL', 'RC_USER_ID', 'RC_AUTH_TOKEN']) {
        if (saved[key] === undefined) Reflect.deleteProperty(process.env, key);
        else process.env[key] = saved[key];
      }
    }
    await demo.listen();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await demo.close();
    upstream.server.close();
  });

  it("lists the server's open rooms, closes one for real, and the token never reaches the browser", async () => {
    const page = await browser.newPage();
    const browserHeaders: string[] = [];
    page.on('request', (request) => browserHeaders.push(JSON.stringify(request.headers())));
    await page.goto(demo.resolvedUrls?.local[0] ?? '');
    await expect(page.getByText('Connected to your Rocket.Chat').waitFor()).resolves.toBeUndefined();
    const list = page.getByRole('navigation', { name: 'Open conversations' });
    await expect.poll(() => list.getByRole('button').count(), { timeout: 15_000 }).toBe(6);
    await list.getByRole('button', { name: /Lucía Fernández/ }).click();
    await page.getByRole('button', { name: 'Close conversation…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Comment/ }).fill('Password reset link sent');
    await dialog.getByRole('button', { name: 'Close conversation', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => list.getByRole('button').count()).toBe(5);

    expect(upstream.mock.rooms.get('room-3')).toMatchObject({ open: false, closeComment: 'Password reset link sent', closedBy: mockAgent.userId });
    const closes = upstream.seen.filter((request) => request.path === '/api/v1/livechat/room.closeByUser');
    expect(closes.map((request) => request.headers['x-auth-token'])).toEqual([mockAgent.authToken]);
    expect(browserHeaders.join('\n')).not.toContain(mockAgent.authToken);
  }, 60_000);
});
