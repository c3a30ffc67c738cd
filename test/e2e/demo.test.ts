import { describe, expect, it } from 'vitest';
import { setupDemo } from '../helpers/demo-server';

// `npm start` as a user runs it: the demo's own Vite config, served, driven in Chromium.
describe('the agent-console demo on the built-in mock Rocket.Chat', () => {
  const demo = setupDemo();

  it('closes a conversation through the dialog and the conversation leaves the list', async () => {
    const page = await demo.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(demo.url);
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
