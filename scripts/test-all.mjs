// `npm test`: every check the project promises, in one command with one summary.
// Each step runs even when an earlier one failed, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const vitestReport = (name) => join(tmpdir(), `rocketchat-omnichannel-ui-vitest-${process.pid}-${name}.json`);
// The consumer checks (#14) install the packed tarball into fresh apps; they share one `npm pack`.
const packDir = mkdtempSync(join(tmpdir(), 'rcou-pack-'));
const consumers = (file) => ['run', '--config', 'test/consumers/vitest.config.ts', file, '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport(file)}`];

const steps = [
  ['lint', 'eslint', ['.', '--max-warnings=0']],
  ['typecheck', 'tsc', ['--noEmit']],
  ['tests (unit, browser, stories)', 'vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport('suite')}`]],
  ['build', 'vite', ['build', '--logLevel', 'warn']],
  ['theme', 'node', ['scripts/build-theme.mjs']],
  ['publint', 'publint', ['--strict']],
  ['attw', 'attw', ['--pack', '.', '--profile', 'esm-only', '--exclude-entrypoints', 'styles.css', 'themes/rocketchat.css']],
  ['size budget', 'node', ['scripts/size.mjs']],
  ['api docs (JSDoc on every export)', 'node', ['scripts/api-docs.mjs']],
  ['README (every ts block compiles)', 'node', ['scripts/check-readme.mjs']],
  // After the build: these pack dist/.
  ['consumers: tarball, React 19 and 18.3', 'vitest', consumers('tarball')],
  ['consumers: Next.js 16', 'vitest', consumers('nextjs')],
  ['consumers: msw 2 (Node 20), 3 (Node 22)', 'vitest', consumers('msw')],
];

const only = process.argv.slice(2);
const results = [];
for (const [name, command, args] of steps) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  console.log(`\n━━ ${name}: ${command} ${args.join(' ')}`);
  const started = performance.now();
  const bin = command === 'node' ? process.execPath : join('node_modules', '.bin', command);
  const { status } = spawnSync(bin, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1', RCOU_PACK_DIR: packDir } });
  results.push({ name, ok: status === 0, seconds: (performance.now() - started) / 1000 });
}

rmSync(packDir, { recursive: true, force: true });

const tests = { passed: 0, failed: 0, skipped: 0 };
for (const name of ['suite', 'tarball', 'nextjs', 'msw']) {
  try {
    const report = JSON.parse(readFileSync(vitestReport(name), 'utf8'));
    tests.passed += report.numPassedTests;
    tests.failed += report.numFailedTests;
    tests.skipped += report.numPendingTests + report.numTodoTests;
    rmSync(vitestReport(name));
  } catch {
    // No report: the step did not run (filtered out) or crashed; a crash is listed below.
  }
}

console.log('\n━━ summary');
for (const { name, ok, seconds } of results) {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(40)} ${seconds.toFixed(1).padStart(6)} s`);
}
const failedSteps = results.filter((result) => !result.ok).length;
const total = results.reduce((sum, result) => sum + result.seconds, 0);
console.log(`  steps: ${results.length - failedSteps} ok, ${failedSteps} failed, ${total.toFixed(0)} s in all`);
if (tests.skipped > 0) console.log(`  ${tests.skipped} tests skipped: every test must run`);
// The plain closing line CI reads. A failed step counts as a failure even when no test failed.
console.log(`tests: ${tests.passed} passed, ${tests.failed + failedSteps} failed`);
process.exit(failedSteps > 0 || tests.failed > 0 || tests.skipped > 0 ? 1 : 0);
