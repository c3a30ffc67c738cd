import type { Browser } from 'playwright-core';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium';

// `npm start` as a user runs it: the demo's own Vite config, served, driven in Chromium.
describe('the agent-console demo on the built-in mock Rocket.Chat', () => {
  let server: ViteDevServer;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    server = await createServer({ configFile: 'examples/agent-console/vite.config.ts', server: { port: 0 }, logLevel: 'silent' });
    await server.listen();
    url = server.resolvedUrls?.local[0] ?? '';
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('closes a conversation through the dialog and the conversation leaves the list', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    const list = page.getByRole('navigation', { name: 'Open conversations' });
    await expect.poll(() => list.getByRole('button').count(), { timeout: 15_000 }).toBe(6);
    await list.getByRole('button', { name: /Kenji Watanabe/ }).click();
    await page.getByRole('button', { name: 'Close conversation…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Wrap up conversation' });
    await dialog.getByRole('textbox', { name: /Comment/ }).fill('App reinstalled, login works');
    await dialog.getByRole('combobox', { name: /Tags/ }).fill('bug');
    await dialog.getByRole('combobox', { name: /Tags/ }).press('Enter');
    await dialog.getByRole('button', { name: 'Close conversation', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => list.getByRole('button').allTextContents()).not.toContainEqual(expect.stringContaining('Kenji'));
    expect(await list.getByRole('button').count()).toBe(5);
    expect(errors).toEqual([]);
  }, 60_000);
});
