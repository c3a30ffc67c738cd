import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockAgent } from '../../src/testing';
import { launchChromium } from '../helpers/chromium';
import { startRocketChatHttp } from '../helpers/rocketchat-http';
import { createApp, freePort, startProcess, waitForHttp } from './harness';
import type { ConsumerApp } from './harness';

// A Next.js 16 App Router app (test/consumers/apps/nextjs) installed from the tarball, built with
// `next build` and served by `next start`: the headless API in a route handler, a server action
// and a server component, and the dialog, a client component, rendered from a server component.
describe('in a Next.js 16 app', () => {
  let app: ConsumerApp;
  let upstream: Awaited<ReturnType<typeof startRocketChatHttp>>;
  let server: ReturnType<typeof startProcess>;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    upstream = await startRocketChatHttp();
    app = await createApp('nextjs', {
      next: '~16.4.0',
      react: '~19.3.0',
      'react-dom': '~19.3.0',
      '@tanstack/react-query': '^5.0.0',
      typescript: '~6.0.0',
      '@types/react': '^19.0.0',
      '@types/react-dom': '^19.0.0',
      '@types/node': '^20.0.0',
    });
    const env = { NEXT_TELEMETRY_DISABLED: '1', RC_URL: upstream.url, RC_USER_ID: mockAgent.userId, RC_AUTH_TOKEN: mockAgent.authToken };
    // `next build` type-checks the app too (strict), against the package's declarations.
    await app.bin('next', ['build'], env);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = startProcess(`${app.dir}/node_modules/.bin/next`, ['start', '--hostname', '127.0.0.1', '--port', String(port)], { cwd: app.dir, env });
    await waitForHttp(url, server.output);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    upstream?.server.close();
    app?.remove();
  });

  it('closes a room from a route handler, and reports the second close as already closed', async () => {
    const close = () => fetch(`${url}/api/close`, { method: 'POST', body: JSON.stringify({ rid: 'room-1', comment: 'From a route handler' }) });
    const first = await close();
    expect(await first.json(), server.output()).toEqual({ closed: true });
    expect(upstream.mock.rooms.get('room-1')).toMatchObject({ open: false, closeComment: 'From a route handler' });
    const second = await close();
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({ closed: false, kind: 'already-closed', status: 400 });
  });

  it('runs the schema, the request builder and the key factories in a server component', async () => {
    const answer = await fetch(url);
    const html = (await answer.text()).replaceAll('&quot;', '"');
    expect(answer.status, server.output()).toBe(200);
    expect(html).toContain('Empty form: <!-- -->comment-required');
    expect(html).toContain('Request: <!-- -->{"rid":"room-9","comment":"Solved","tags":["billing"]}');
    expect(html).toContain('Key: <!-- -->["rocketchat-omnichannel-ui","livechat-rooms","detail","room-9"]');
    expect(html).toContain('Wait: <!-- -->1 minute');
  });

  it('closes a room from a server action', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${url}/action`);
      await page.getByRole('textbox', { name: 'Comment' }).fill('From a server action');
      await page.getByRole('button', { name: 'Close on the server' }).click();
      await expect(page.getByRole('status').textContent()).resolves.toBe('room-3: closed');
      expect(upstream.mock.rooms.get('room-3')).toMatchObject({ open: false, closeComment: 'From a server action' });
    } finally {
      await page.close();
    }
  });

  it('renders the dialog from a server component, and it closes a room in Chromium', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      await page.goto(`${url}/dialog`);
      await page.getByRole('button', { name: 'Close conversation…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Wrap up conversation' });
      await dialog.getByRole('textbox', { name: /Comment/ }).fill('From the dialog in Next.js');
      await dialog.getByRole('button', { name: 'Close conversation', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(upstream.mock.rooms.get('room-4')).toMatchObject({ open: false, closeComment: 'From the dialog in Next.js', closedBy: mockAgent.userId });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
