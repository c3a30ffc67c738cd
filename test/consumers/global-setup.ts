import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO, run } from './harness';

// One `npm pack` per run: `npm test` sets RCOU_PACK_DIR for all its consumer steps, so the first
// packs and the others reuse the tarball; run alone, the check packs into a folder of its own.
export default async function setup(project: TestProject) {
  const shared = process.env.RCOU_PACK_DIR;
  const dir = shared ?? mkdtempSync(join(tmpdir(), 'rcou-pack-'));
  let tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
  if (!tarball) {
    if (!existsSync(join(REPO, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` before the consumer checks');
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: REPO });
    tarball = (JSON.parse(stdout) as { filename: string }[])[0]?.filename;
    if (!tarball) throw new Error(`npm pack printed no file name:\n${stdout}`);
  }
  project.provide('tarball', join(dir, tarball));
  return () => {
    if (!shared) rmSync(dir, { recursive: true, force: true });
  };
}
