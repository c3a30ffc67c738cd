// `npm run screenshots`: the README's pictures, taken in headless Chromium from the demo.
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const server = await createServer({ configFile: 'examples/agent-console/vite.config.ts', server: { port: 0 }, logLevel: 'silent' });
await server.listen();
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function shoot(colorScheme) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, colorScheme, reducedMotion: 'reduce' });
  await page.goto(url);
  await page.getByRole('button', { name: /Maria Silva/ }).waitFor();
  if (colorScheme === 'light') await page.screenshot({ path: 'docs/demo.png' });
  await page.getByRole('button', { name: 'Close conversation…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /Comment/ }).fill('Invoice resent, customer confirmed.');
  await dialog.getByRole('combobox', { name: /Tags/ }).fill('billing');
  await dialog.getByRole('combobox', { name: /Tags/ }).press('Enter');
  await dialog.getByRole('checkbox', { name: 'Send transcript to visitor' }).check();
  await dialog.getByRole('textbox', { name: 'Visitor email' }).fill('maria.silva@example');
  await dialog.getByRole('button', { name: 'Close conversation', exact: true }).click();
  await dialog.getByText('Enter a valid email address').waitFor();
  await dialog.getByRole('combobox', { name: /Tags/ }).fill('re');
  await dialog.screenshot({ path: `docs/dialog-${colorScheme}.png` });
  await page.close();
}

await shoot('light');
await shoot('dark');
await browser.close();
await server.close();
console.log('wrote docs/demo.png, docs/dialog-light.png, docs/dialog-dark.png');
