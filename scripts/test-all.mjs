// `npm test`: every check the project promises, in one command with one summary.
// Each step runs even when an earlier one failed, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const vitestReport = join(tmpdir(), `rocketchat-omnichannel-ui-vitest-${process.pid}.json`);

const steps = [
  ['lint', 'eslint', ['.', '--max-warnings=0']],
  ['typecheck', 'tsc', ['--noEmit']],
  ['tests (unit, browser, stories)', 'vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]],
  ['build', 'vite', ['build', '--logLevel', 'warn']],
  ['publint', 'publint', ['--strict']],
  ['attw', 'attw', ['--pack', '.', '--profile', 'esm-only', '--exclude-entrypoints', 'styles.css']],
  ['size budget', 'node', ['scripts/size.mjs']],
];

const only = process.argv.slice(2);
const results = [];
for (const [name, command, args] of steps) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  console.log(`\n━━ ${name}: ${command} ${args.join(' ')}`);
  const started = performance.now();
  const bin = command === 'node' ? process.execPath : join('node_modules', '.bin', command);
  const { status } = spawnSync(bin, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
  results.push({ name, ok: status === 0, seconds: (performance.now() - started) / 1000 });
}

let tests = { passed: 0, failed: 0, skipped: 0 };
try {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  tests = { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
  rmSync(vitestReport);
} catch {
  // No report: the test step did not run or crashed; its failure is listed below.
}

console.log('\n━━ summary');
for (const { name, ok, seconds } of results) {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(32)} ${seconds.toFixed(1).padStart(6)} s`);
}
const failedSteps = results.filter((result) => !result.ok).length;
const total = results.reduce((sum, result) => sum + result.seconds, 0);
console.log(`  steps: ${results.length - failedSteps} ok, ${failedSteps} failed, ${total.toFixed(0)} s in all`);
if (tests.skipped > 0) console.log(`  ${tests.skipped} tests skipped: every test must run`);
// The plain closing line CI reads. A failed step counts as a failure even when no test failed.
console.log(`tests: ${tests.passed} passed, ${tests.failed + failedSteps} failed`);
process.exit(failedSteps > 0 || tests.failed > 0 || tests.skipped > 0 ? 1 : 0);
