import fc from 'fast-check';
import { describe, inject, it } from 'vitest';
import { closeFlowCommands } from './commands';
import { campaign, setupModelRun, TIMEOUT_MS } from './run';
import { INVARIANTS } from './world';

// Issue #11, "the test that finds the next ones": random sequences of agent and server events run
// against the real form, client and mock server in Chromium, checked after every step against a
// small model (test/model/world.ts lists the invariants). `npm test` runs a fixed seed;
// `npm run fuzz` runs a long randomized campaign (FUZZ_RUNS, FUZZ_SEED and FUZZ_PATH to replay).

const runSequence = setupModelRun();
const fuzz = inject('fuzz');

describe('the close flow against its model', () => {
  it(
    `keeps every invariant over ${fuzz.runs} random sequences of agent and server events`,
    async () => {
      await fc.assert(fc.asyncProperty(closeFlowCommands(TIMEOUT_MS), runSequence), {
        numRuns: fuzz.runs,
        seed: fuzz.seed,
        path: fuzz.path,
        endOnFailure: fuzz.endOnFailure,
        verbose: fc.VerbosityLevel.Verbose,
      });
      // The campaign's figures, for the README's Reliability section.
      console.info(
        `model-based: ${campaign.sequences} sequences, ${campaign.steps} steps, ${campaign.forcedCloses} forced closes, ${INVARIANTS.length} invariants checked after every step, 0 violations (seed ${fuzz.seed})`,
      );
    },
    fuzz.runs * 8000 + 60_000,
  );
});
