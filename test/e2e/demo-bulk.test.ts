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
    // The demo's mock keeps what it closed for the tab: a reload shows the same server.
    await page.reload();
    await expect.poll(() => list.getByRole('checkbox').count(), { timeout: 15_000 }).toBe(3);
    expect(errors).toEqual([]);
  }, 60_000);

  it('a reload mid-run: the job is offered again with what was done, and resumes without closing a room twice', async () => {
    const page = await demo.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // A fast window (5 closes per 10 s) and 8 abandoned chats: the job must wait after 5.
    await page.goto(`${demo.url}?stale=8&rateLimit=fast`);
    const list = page.getByRole('navigation', { name: 'Open conversations' });
    await expect.poll(() => list.getByRole('checkbox').count(), { timeout: 15_000 }).toBe(14);
    for (let index = 1; index <= 8; index += 1) await list.getByRole('checkbox', { name: `Select Abandoned chat 00${index}` }).check();
    await page.getByRole('button', { name: 'Close selected…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Close 8 conversations' });
    await dialog.getByRole('textbox', { name: /Comment/ }).fill('Abandoned');
    await dialog.getByRole('button', { name: 'Close 8 conversations' }).click();
    await dialog.getByText(/Waiting for Rocket\.Chat’s limit/).waitFor({ timeout: 15_000 });
    await page.reload();
    // The 5 closed stay closed; nothing is ticked, and the job is still reachable, paused.
    await expect.poll(() => list.getByRole('checkbox').count(), { timeout: 15_000 }).toBe(9);
    await page.getByRole('button', { name: 'Closing 5 of 8…' }).click({ timeout: 15_000 });
    dialog = page.getByRole('dialog', { name: 'Close 8 conversations' });
    await dialog.getByText('Closing was interrupted: 5 of 8 handled. Resume to close the rest.').waitFor();
    await dialog.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 20_000 }).toBe('Finished: 8 closed, 0 not closed, 0 skipped.');
    // Each room closed once: none answered "already closed".
    expect(await dialog.getByText(/already closed/).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => list.getByRole('checkbox').count(), { timeout: 10_000 }).toBe(6);
    expect(errors).toEqual([]);
  }, 90_000);

  it('a reload while a close is in flight: that room is queued again as uncertain, none is marked failed', async () => {
    const page = await demo.browser.newPage();
    await page.goto(`${demo.url}?stale=4`);
    const list = page.getByRole('navigation', { name: 'Open conversations' });
    await expect.poll(() => list.getByRole('checkbox').count(), { timeout: 15_000 }).toBe(10);
    for (let index = 1; index <= 4; index += 1) await list.getByRole('checkbox', { name: `Select Abandoned chat 00${index}` }).check();
    await page.getByRole('button', { name: 'Close selected…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Close 4 conversations' });
    await dialog.getByRole('textbox', { name: /Comment/ }).fill('Abandoned');
    await dialog.getByRole('button', { name: 'Close 4 conversations' }).click();
    // The mock answers in 300 ms: reload while the second room's close is on its way.
    await dialog.getByText(/^Closing \u2068Abandoned chat 002\u2069…$/).waitFor({ timeout: 15_000 });
    await page.reload();

    await page.getByRole('button', { name: /^Closing 1 of 4…$/ }).click({ timeout: 15_000 });
    dialog = page.getByRole('dialog', { name: 'Close 4 conversations' });
    await dialog.getByRole('row', { name: /Abandoned chat 002 Waiting Sent again after the page reloaded\./ }).waitFor();
    expect(await dialog.getByRole('row', { name: /Not closed/ }).count()).toBe(0);
    expect(await dialog.getByText('Sent again after the page reloaded.').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 20_000 }).toBe('Finished: 4 closed, 0 not closed, 0 skipped.');
  }, 60_000);
});
