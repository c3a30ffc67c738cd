import { describe, expect, it } from 'vitest';
import { setupDemo } from '../helpers/demo-server';

// "Close selected…" in the demo, on the mock with Rocket.Chat's own rate limit (10 per 60 s).
describe('the demo’s bulk close', () => {
  const demo = setupDemo();

  it('closes the ticked conversations with one wrap-up, and they leave the list', async () => {
    const page = await demo.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(demo.url);
    const list = page.getByRole('navigation', { name: 'Open conversations' });
    await expect.poll(() => list.getByRole('checkbox').count(), { timeout: 15_000 }).toBe(6);
    for (const name of ['Maria Silva', 'Lucía Fernández', 'Kenji Watanabe']) await list.getByRole('checkbox', { name: `Select ${name}` }).check();
    await page.getByRole('button', { name: 'Close selected…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close 3 conversations' });
    await dialog.getByRole('textbox', { name: /Comment/ }).fill('Abandoned');
    await dialog.getByRole('button', { name: 'Close 3 conversations' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 15_000 }).toBe('Finished: 3 closed, 0 not closed, 0 skipped.');
    expect(await dialog.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('3');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => list.getByRole('checkbox').count(), { timeout: 10_000 }).toBe(3);
    expect(errors).toEqual([]);
  }, 60_000);
});
