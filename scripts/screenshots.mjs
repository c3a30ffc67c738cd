// `npm run screenshots`: the README's pictures, taken in headless Chromium from the demo.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer, preview } from 'vite';
import { rocketChatTheme } from './rocketchat-theme.mjs';

// The Rocket.Chat look is added after the demo's stylesheet, as a host imports it (#13).
const tokens = JSON.parse(readFileSync('node_modules/@rocket.chat/fuselage-tokens/package.json', 'utf8')).version;
const themes = { default: undefined, rocketchat: rocketChatTheme(tokens) };

const server = await createServer({ configFile: 'examples/agent-console/vite.config.ts', server: { port: 0 }, logLevel: 'silent' });
await server.listen();
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function shoot(colorScheme, theme = 'default') {
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, colorScheme, reducedMotion: 'reduce' });
  await page.goto(url);
  await page.getByRole('button', { name: /Maria Silva/ }).waitFor();
  if (themes[theme]) await page.addStyleTag({ content: themes[theme] });
  if (colorScheme === 'light' && theme === 'default') await page.screenshot({ path: 'docs/demo.png' });
  await page.getByRole('button', { name: 'Close conversation…' }).click();
  const dialog = page.getByRole('dialog');
  // Connected mode: wait for the server's rules before filling in.
  await dialog.getByText('(required)').waitFor();
  await dialog.getByRole('textbox', { name: /Comment/ }).fill('Invoice resent, customer confirmed.');
  await dialog.getByRole('combobox', { name: /Tags/ }).fill('billing');
  await dialog.getByRole('combobox', { name: /Tags/ }).press('Enter');
  await dialog.getByRole('checkbox', { name: 'Send transcript to visitor' }).check();
  await dialog.getByRole('textbox', { name: 'Visitor email' }).fill('maria.silva@example');
  await dialog.getByRole('button', { name: 'Close conversation', exact: true }).click();
  await dialog.getByText('Enter a valid email address').waitFor();
  await dialog.getByRole('combobox', { name: /Tags/ }).fill('re');
  await dialog.getByRole('option', { name: 'refund' }).waitFor();
  await dialog.screenshot({ path: theme === 'default' ? `docs/dialog-${colorScheme}.png` : `docs/dialog-${theme}-${colorScheme}.png` });
  await page.close();
}

await shoot('light');
await shoot('dark');
await shoot('light', 'rocketchat');
await shoot('dark', 'rocketchat');
await server.close();

// The Storybook "All states" grid, from a static build.
const out = mkdtempSync(join(tmpdir(), 'rcou-storybook-'));
execFileSync('node_modules/.bin/storybook', ['build', '-o', out, '--quiet', '--disable-telemetry'], { stdio: 'inherit' });
const site = await preview({ configFile: false, root: out, build: { outDir: out }, preview: { port: 0 }, logLevel: 'silent' });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
await page.goto(`${site.resolvedUrls.local[0]}iframe.html?id=omnichannel-all-states--grid&viewMode=story`);
await page.getByRole('region', { name: 'Timeout' }).getByRole('alert').getByText(/did not answer/).waitFor({ timeout: 15_000 });
await page.screenshot({ path: 'docs/storybook-all-states.png', fullPage: true });
// The same flow in Rocket.Chat's fuselage, on the headless hook only (#13).
await page.goto(`${site.resolvedUrls.local[0]}iframe.html?id=design-systems-fuselage--outcomes&viewMode=story`);
await page.getByRole('region', { name: 'Timeout' }).getByRole('alert').getByText(/did not answer/).waitFor({ timeout: 15_000 });
await page.screenshot({ path: 'docs/storybook-fuselage.png', fullPage: true });
await site.close();
rmSync(out, { recursive: true, force: true });
await browser.close();
console.log('wrote docs/demo.png, docs/dialog-{light,dark}.png, docs/dialog-rocketchat-{light,dark}.png, docs/storybook-all-states.png, docs/storybook-fuselage.png');
