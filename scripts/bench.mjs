// `npm run bench`: the dialog against its peer (the same wrap-up in Rocket.Chat's fuselage on the
// headless hook) and the floor (plain HTML in a native <dialog>, no library), all built in
// production mode and driven in headless Chromium side by side. Prints medians, the gzip size each
// adds to a host, and ratios. Figures, not pass/fail: timings on a shared 2-core machine vary.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { timeOpens, timeTyping } from './bench-page.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const chromiumArgs = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

await build({ configFile: 'bench/vite.config.ts', mode: 'production', logLevel: 'warn' });
const server = await preview({ configFile: 'bench/vite.config.ts', preview: { port: 0 }, logLevel: 'warn' });
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });

const QUERIES = ['b', 'bi', 'bil', 'vip-1', 'ref', 'on', 'shipping-4', 'log', 'feature-00', 'churn-2'];

async function measure(pageName) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${base}${pageName}.html`);
  await page.waitForFunction(() => window.bench?.ready === true);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0;

  const open = await timeOpens(page, RUNS);

  // Typing in the comment: per keystroke, the input event's synchronous script, plus the
  // script time Chromium counts around it (CDP ScriptDuration), plus React commits.
  await page.evaluate(() => window.bench.open());
  const keystrokes = RUNS * 5;
  const commitsBefore = await page.evaluate(() => ({ ...(window.reactCommits?.renders ?? {}), total: window.reactCommits?.total ?? 0 }));
  const scriptBefore = await scriptSeconds();
  const typing = await timeTyping(page, keystrokes);
  const scriptPerKey = ((await scriptSeconds()) - scriptBefore) * 1000 / keystrokes;
  const commitsAfter = await page.evaluate(() => ({ ...(window.reactCommits?.renders ?? {}), total: window.reactCommits?.total ?? 0 }));
  const perKey = (name) => ((commitsAfter[name] ?? 0) - (commitsBefore[name] ?? 0)) / keystrokes;

  const tags = [];
  for (let index = 0; index < RUNS; index += 1) {
    const query = QUERIES[index % QUERIES.length];
    tags.push(await page.evaluate((text) => window.bench.typeTag(text), query));
    await page.evaluate(() => window.bench.typeTag(''));
  }
  await page.evaluate(() => window.bench.close());

  const submit = [];
  for (let index = 0; index < RUNS; index += 1) {
    // A fresh room each time: a room the page closed opens as closed, with nothing to submit.
    await page.evaluate(() => window.bench.newRoom());
    await page.evaluate(() => window.bench.open());
    submit.push(await page.evaluate(() => window.bench.submit()));
    await page.waitForFunction(() => !document.querySelector('[role="dialog"]') && !document.querySelector('dialog[open]'));
  }
  await page.close();
  return {
    openFocused: median(open.map((times) => times.focused)),
    openPainted: median(open.map((times) => times.painted)),
    typingHandler: median(typing),
    typingScript: scriptPerKey,
    commitsPerKey: perKey('total'),
    // Per watched component (bench/*.tsx set `reactCommits.watch`): renders per comment keystroke.
    rendersPerKey: Object.fromEntries(Object.keys(commitsAfter).filter((name) => name !== 'total').map((name) => [name, perKey(name)])),
    tagsUpdated: median(tags.map((times) => times.updated)),
    tagsPainted: median(tags.map((times) => times.painted)),
    submit: median(submit),
  };
}

// What each page adds to a host that already ships React, React DOM and react-query: its entry
// built as an app build (minified, tree-shaken), host libraries external, JS and CSS gzip -9.
// The bench harness is in all three (about 1 KB); fonts are not counted.
const hostDependencies = ['react', 'react-dom', '@tanstack/react-query'];
// A Rocket.Chat-styled host ships fuselage already: what the peer adds there is its view and the hook.
const fuselageHost = [...hostDependencies, '@rocket.chat/', 'react-aria', 'react-stately', '@react-aria/', '@react-stately/', '@internationalized/', 'react-virtuoso'];
async function addedSize(entry, host = hostDependencies) {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      modulePreload: false,
      assetsInlineLimit: 0,
      rollupOptions: { input: entry, external: (id) => host.some((dep) => id === dep || id.startsWith(dep.endsWith('/') ? dep : `${dep}/`)) },
    },
  });
  const files = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output);
  const gzip = (parts) => gzipSync(parts.join('\n'), { level: 9 }).length;
  const js = gzip(files.filter((file) => file.type === 'chunk').map((file) => file.code));
  const css = gzip(files.filter((file) => file.fileName.endsWith('.css')).map((file) => String(file.source)));
  return { js, css };
}

// Side by side: the three pages in the same run, the same browser, one after another.
// BENCH_ONLY=bulk runs only the bulk close figures (#15); BENCH_ONLY=dialog only the dialog's.
const only = process.env.BENCH_ONLY;
const pages = only === 'bulk' ? [] : ['library', 'fuselage', 'floor'];
const results = {};
for (const name of pages) {
  results[name] = await measure(name);
}

// The bulk close (#15): 1,000 rooms against the mock's limit on a fast window (50 calls per
// 500 ms: about 10 s), through the real client, job and CloseRoomsDialog, in one page.
async function measureBulk() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${base}bulk.html?rooms=1000&calls=50&windowMs=500`);
  await page.waitForFunction(() => window.bulkBench !== undefined);
  const figures = await page.evaluate(() => window.bulkBench.run());
  await page.close();
  return figures;
}
const bulk = only === 'dialog' ? undefined : await measureBulk();
await browser.close();
await server.close();
const entries = { library: 'bench/library.tsx', fuselage: 'bench/fuselage.tsx', floor: 'bench/floor.ts' };
const sizes = {};
for (const name of pages) sizes[name] = await addedSize(entries[name]);
const onFuselageHost = { ...sizes, fuselage: pages.length ? await addedSize(entries.fuselage, fuselageHost) : undefined };
for (const name of pages) {
  const total = (size) => (size.js + size.css) / 1024;
  Object.assign(results[name], { sizeJs: sizes[name].js / 1024, sizeCss: sizes[name].css / 1024, size: total(sizes[name]), sizeOnFuselageHost: total(onFuselageHost[name]) });
}
const { library, fuselage, floor } = results;

const rows = [
  ['open: click to comment focused', 'openFocused', 'ms'],
  ['open: click to next frame painted', 'openPainted', 'ms'],
  ['typing: input handler per keystroke', 'typingHandler', 'ms'],
  ['typing: script time per keystroke (CDP)', 'typingScript', 'ms'],
  ['tags, 5,000 suggestions: keystroke to list updated', 'tagsUpdated', 'ms'],
  ['tags, 5,000 suggestions: keystroke to list painted', 'tagsPainted', 'ms'],
  ['submit: click to request leaving', 'submit', 'ms'],
  ['added gzip size: JS', 'sizeJs', 'KB'],
  ['added gzip size: CSS', 'sizeCss', 'KB'],
  ['added gzip size: JS + CSS', 'size', 'KB'],
  ['added gzip size where the host ships fuselage already', 'sizeOnFuselageHost', 'KB'],
];
const fmt = (value) => value.toFixed(value < 1 ? 3 : 1);
const ratio = (one, other) => `${(one / Math.max(other, 0.001)).toFixed(2)}×`;
console.log(`\nbench ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Chromium headless, ${RUNS} runs, medians\n`);
if (library && floor) printDialog();
if (bulk) printBulk();
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify({ date: new Date().toISOString(), runs: RUNS, library, fuselage, floor, bulk }, null, 2));

function printBulk() {
  const { limit } = bulk;
  const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`\nbulk close: ${bulk.rooms.toLocaleString('en')} rooms, mock limit ${limit.calls} calls per ${limit.windowMs} ms\n`);
  console.log('| figure | value |');
  console.log('| --- | ---: |');
  console.log(`| rooms closed / close requests sent | ${bulk.closed} / ${bulk.posts} |`);
  console.log(`| share of the allowance used: closes / (calls × windows the server opened: ${bulk.windowsOpened}) | ${(bulk.allowanceShare * 100).toFixed(1)} % |`);
  console.log(`| first request to last answer (at the limit: ${seconds(bulk.idealMs)}, the last window's sends after) | ${seconds(bulk.durationMs)} |`);
  console.log(`| 429 answers: in all / after the first window | ${bulk.rateLimited.total} / ${bulk.rateLimited.afterFirstWindow} |`);
  console.log(`| limit observed from X-RateLimit-* (calls / window) | ${bulk.observedLimit.limit} / ${bulk.observedLimit.windowMs} ms |`);
  if (bulk.estimateAtTenth) console.log(`| time left at 10 %: estimated / actual | ${seconds(bulk.estimateAtTenth.estimatedMs)} / ${seconds(bulk.estimateAtTenth.actualMs)} |`);
  console.log(`| progress view update, 1,000 rooms, render + commit: median / p95 / max (${bulk.updates.count} updates) | ${bulk.updates.median.toFixed(2)} / ${bulk.updates.p95.toFixed(2)} / ${bulk.updates.max.toFixed(2)} ms |`);
  console.log(`| progress view, 1,000 rooms: first render (mount) | ${bulk.mountMs.toFixed(2)} ms |`);
  console.log(`| a snapshot of 1,000 rooms built as the job builds it, per change: median / p95 | ${bulk.builds.median.toFixed(2)} / ${bulk.builds.p95.toFixed(2)} ms |`);
  console.log(`| long animation frames (> 50 ms) during the run | ${bulk.longFrames} |`);
  console.log(`| keeping the 1,000-room job in sessionStorage, per change | ${bulk.saveMs.toFixed(2)} ms |`);
}

function printDialog() {
console.log(`| figure | library | fuselage on the hook | floor | library ÷ floor | fuselage ÷ floor | library ÷ fuselage |`);
console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const [label, key, unit] of rows) {
  const [ours, peer, bare] = [library[key], fuselage[key], floor[key]];
  console.log(`| ${label} | ${fmt(ours)} ${unit} | ${fmt(peer)} ${unit} | ${fmt(bare)} ${unit} | ${ratio(ours, bare)} | ${ratio(peer, bare)} | ${ratio(ours, peer)} |`);
}
console.log(`| React commits per comment keystroke | ${library.commitsPerKey.toFixed(2)} | ${fuselage.commitsPerKey.toFixed(2)} | n/a | | | |`);
const renders = (result) => Object.entries(result.rendersPerKey).map(([name, count]) => `${name} ${count.toFixed(2)}`).join(', ');
console.log(`| renders per comment keystroke | ${renders(library)} | ${renders(fuselage)} | n/a | | | |`);
}
