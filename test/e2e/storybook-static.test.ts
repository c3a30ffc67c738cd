import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { setupBuiltSite } from '../helpers/static-server';

// `npm run build-storybook`, then the result opened from a plain static server, offline.
describe('the static Storybook build', () => {
  const site = setupBuiltSite((out) => {
    execFileSync('node_modules/.bin/storybook', ['build', '-o', out, '--quiet', '--disable-telemetry'], { stdio: 'pipe' });
  });

  it('lists the stories and closes a room on the mock Rocket.Chat from a static server', async () => {
    const page = await site.browser.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await page.goto(`${site.url}/index.json`);
    const index = JSON.parse(await page.locator('body').innerText()) as { entries: Record<string, { type: string }> };
    expect(Object.values(index.entries).filter((entry) => entry.type === 'story').length).toBeGreaterThanOrEqual(20);

    await page.goto(`${site.url}/iframe.html?id=omnichannel-closeroomdialog--transcript-prefilled&viewMode=story`);
    const dialog = page.getByRole('dialog', { name: 'Wrap up conversation' });
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Visitor email' }).inputValue(), { timeout: 15_000 }).toBe('maria.silva@example.com');
    await dialog.getByRole('textbox', { name: /Comment/ }).fill('Closed from the static build');
    await dialog.getByRole('button', { name: 'Close conversation', exact: true }).click();
    // The mock Rocket.Chat answered from the service worker: the dialog closed itself.
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    expect(failed.filter((address) => address.startsWith(site.url))).toEqual([]);
  }, 60_000);
});
