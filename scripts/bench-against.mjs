// Opening and typing in the dialog, this tree against another commit, side by side (#13: "the
// refactor costs nothing the bench can see"). One timing on a shared machine moves by ±20 %, so
// both pages run in one browser, in rounds that alternate which goes first; the medians of each
// round are printed, then the median of the rounds and the differences round by round.
//
//   node scripts/bench-against.mjs <git-ref> [rounds]      (BENCH_RUNS opens per round, default 60)
//
// The other commit is checked out in a temporary worktree that borrows this tree's node_modules;
// only its bench/library page is built (its `open`, `close` and `typeComment`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { timeOpens, timeTyping } from './bench-page.mjs';

const [ref, roundsArg = '6'] = process.argv.slice(2);
if (!ref) {
  console.error('usage: node scripts/bench-against.mjs <git-ref> [rounds]');
  process.exit(2);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const ROUNDS = Number(roundsArg);
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const scratch = mkdtempSync(join(tmpdir(), 'rcou-against-'));
const other = join(scratch, 'tree');
execFileSync('git', ['worktree', 'add', '--detach', other, ref], { stdio: 'ignore' });
symlinkSync(resolve('node_modules'), join(other, 'node_modules'));
const trees = [
  { name: 'this tree', dir: resolve('.') },
  { name: ref, dir: other },
];
const servers = [];
try {
  for (const [index, tree] of trees.entries()) {
    const outDir = join(scratch, `site-${index}`);
    const configFile = join(tree.dir, 'bench/vite.config.ts');
    await build({ configFile, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true, rollupOptions: { input: { library: join(tree.dir, 'bench/library.html') } } } });
    const server = await preview({ configFile, build: { outDir }, preview: { port: 0 }, logLevel: 'warn' });
    servers.push(server);
    tree.url = `${server.resolvedUrls.local[0]}library.html`;
    tree.rounds = [];
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });

  async function measure(url) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.waitForFunction(() => window.bench?.ready === true);
    const open = await timeOpens(page, RUNS);
    await page.evaluate(() => window.bench.open());
    const typing = await timeTyping(page, RUNS * 5);
    await page.close();
    return { focused: median(open.map((times) => times.focused)), painted: median(open.map((times) => times.painted)), typing: median(typing) };
  }

  const show = ({ focused, painted, typing }) => `focused ${focused.toFixed(2)} ms, painted ${painted.toFixed(2)} ms, typing ${typing.toFixed(3)} ms`;
  console.log(`open and typing, ${RUNS} opens per round, ${ROUNDS} rounds, order alternating`);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const tree of round % 2 ? [...trees].reverse() : trees) {
      const figures = await measure(tree.url);
      tree.rounds.push(figures);
      console.log(`  round ${round + 1}  ${tree.name.padEnd(10)} ${show(figures)}`);
    }
  }
  await browser.close();
  console.log('median of the rounds');
  for (const tree of trees) {
    console.log(`  ${tree.name.padEnd(10)} ${show(Object.fromEntries(['focused', 'painted', 'typing'].map((key) => [key, median(tree.rounds.map((figures) => figures[key]))])))}`);
  }
  for (const key of ['focused', 'painted']) {
    const differences = trees[0].rounds.map((figures, round) => figures[key] - trees[1].rounds[round][key]);
    console.log(`  ${key}, this tree minus ${ref}, round by round: ${differences.map((value) => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`).join(' ')} ms (median ${median(differences).toFixed(2)})`);
  }
} finally {
  for (const server of servers) await server.close();
  execFileSync('git', ['worktree', 'remove', '--force', other], { stdio: 'ignore' });
  rmSync(scratch, { recursive: true, force: true });
}
