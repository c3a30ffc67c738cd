import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { setupBuiltSite } from '../helpers/static-server';

// Issue #7: the built demo under a strict Content-Security-Policy. No inline script, no style
// injected at run time: the browser reports any violation, and there must be none.
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

declare global {
  interface Window {
    violations?: string[];
  }
}

describe('the demo under a strict Content-Security-Policy', () => {
  const site = setupBuiltSite(
    (out) => build({ configFile: 'examples/agent-console/vite.config.ts', build: { outDir: out, emptyOutDir: true }, logLevel: 'silent' }),
    { 'Content-Security-Policy': POLICY },
  );

  it('opens the dialog, closes a conversation, and violates nothing', async () => {
    const page = await site.browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.violations?.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const response = await page.goto(site.url);
    expect(response?.headers()['content-security-policy']).toBe(POLICY);
    const list = page.getByRole('navigation', { name: 'Open conversations' });
    await expect.poll(() => list.getByRole('button').count(), { timeout: 15_000 }).toBe(6);
    await page.getByRole('button', { name: 'Close conversation…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /Tags/ }).fill('bil');
    await dialog.getByRole('option', { name: 'billing' }).click();
    await dialog.getByRole('textbox', { name: /Comment/ }).fill('Closed under CSP');
    await dialog.getByRole('button', { name: 'Close conversation', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => list.getByRole('button').count()).toBe(5);
    expect(await page.evaluate(() => window.violations)).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(0);
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
