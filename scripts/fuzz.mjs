// `npm run fuzz`: a long randomized campaign of the model-based suite (test/model). Prints the
// sequences, steps and seed; a failure prints the shrunk sequence with its seed and path, which
// `FUZZ_SEED=… FUZZ_PATH=… npm run fuzz` replays. FUZZ_RUNS sets the number of sequences.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const runs = process.env.FUZZ_RUNS ?? '2000';
const seed = process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 31);
console.log(`fuzz: ${runs} sequences, seed ${seed}`);
const { status } = spawnSync(
  join('node_modules', '.bin', 'vitest'),
  ['run', '--project', 'browser', 'test/model/close-flow.model.test.tsx', '--reporter=default'],
  { stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed } },
);
process.exit(status ?? 1);
