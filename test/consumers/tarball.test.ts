import { readdirSync, readFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockAgent } from '../../src/testing';
import { launchChromium } from '../helpers/chromium';
import { startRocketChatHttp } from '../helpers/rocketchat-http';
import { createApp, run, servePageWithApi } from './harness';
import type { ConsumerApp } from './harness';

// The packed tarball in a fresh React app (test/consumers/apps/react) with only the package's
// declared peers and the tools to build it: installed by npm (peer ranges), type-checked under
// strict against the shipped declarations, bundled by esbuild through the export map, and driven
// in Chromium. React 19 and 18.3, the two majors the peer range names.
const reacts = [
  { react: '19', dependencies: { react: '~19.3.0', 'react-dom': '~19.3.0', '@types/react': '^19.0.0', '@types/react-dom': '^19.0.0' } },
  { react: '18.3', dependencies: { react: '~18.3.1', 'react-dom': '~18.3.1', '@types/react': '~18.3.0', '@types/react-dom': '~18.3.0' } },
];

interface Manifest {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

describe.each(reacts)('a React $react app from the tarball', ({ dependencies }) => {
  let app: ConsumerApp;
  beforeAll(async () => {
    app = await createApp('react', { ...dependencies, '@tanstack/react-query': '^5.0.0', typescript: '~6.0.0', esbuild: '~0.28.0' });
  });
  afterAll(() => app?.remove());

  it('installs with its peers satisfied, ships every file its export map names or its modules import, and imports only packages it declares', async () => {
    // `npm ls` exits non-zero on a missing or invalid peer.
    await run('npm', ['ls', '--all', '--omit=dev'], { cwd: app.dir });
    const installed = join(app.dir, 'node_modules/rocketchat-omnichannel-ui');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Manifest;
    const named = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    const shipped = new Set(filesUnder(installed).map((file) => `./${relative(installed, file)}`));
    expect(named.filter((file) => !shipped.has(file)), 'files the export map names but the tarball lacks').toEqual([]);
    // Every relative import of a shipped module (the entries' chunks) is shipped too.
    const scripts = [...shipped].filter((name) => name.endsWith('.js'));
    const missing = scripts.flatMap((file) =>
      [...readFileSync(join(installed, file), 'utf8').matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g)]
        .map(([, specifier]) => `./${relative(installed, join(installed, dirname(file), specifier ?? ''))}`)
        .filter((target) => !shipped.has(target))
        .map((target) => `${file} imports ${target}`),
    );
    expect(missing, 'modules a shipped module imports but the tarball lacks').toEqual([]);
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    const imported = new Set<string>();
    for (const file of [...shipped].filter((name) => /\.(js|d\.ts)$/.test(name))) {
      for (const [, specifier] of readFileSync(join(installed, file), 'utf8').matchAll(/(?:^|\s)(?:from|import)\s*["']([^"'.][^"']*)["']/gm)) {
        if (specifier === undefined || specifier.startsWith('node:')) continue;
        imported.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier));
      }
    }
    expect([...imported].filter((name) => !declared.has(name)), 'packages dist/ imports that are neither dependencies nor peerDependencies').toEqual([]);
  });

  it('type-checks under strict (exactOptionalPropertyTypes, noUncheckedIndexedAccess, no skipLibCheck)', async () => {
    await app.bin('tsc', ['-p', '.']);
  });

  it('bundles with esbuild and closes a room in Chromium', async () => {
    const out = join(app.dir, 'out');
    await app.bin('esbuild', ['src/main.tsx', '--bundle', '--format=esm', '--minify', `--outdir=${out}`, '--define:process.env.NODE_ENV="production"', '--log-level=warning']);
    await copyFile(join(app.dir, 'index.html'), join(out, 'index.html'));
    const upstream = await startRocketChatHttp();
    const site = await servePageWithApi(out, upstream.url, { 'x-user-id': mockAgent.userId, 'x-auth-token': mockAgent.authToken });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(site.url);
      await page.getByRole('button', { name: 'Close conversation…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Wrap up conversation' });
      // The stylesheet came through the export map (`rocketchat-omnichannel-ui/styles.css`).
      await expect(dialog.evaluate((element) => getComputedStyle(element).getPropertyValue('--rcou-accent'))).resolves.not.toBe('');
      await dialog.getByRole('textbox', { name: /Comment/ }).fill('Closed from the tarball');
      await dialog.getByRole('button', { name: 'Close conversation', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect(page.getByRole('status').textContent()).resolves.toBe('Closed room-1');
      expect(upstream.mock.rooms.get('room-1')).toMatchObject({ open: false, closeComment: 'Closed from the tarball' });
      await expect(page.getByText('Finalizar conversación').isVisible()).resolves.toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      site.server.close();
      upstream.server.close();
    }
  });
});
