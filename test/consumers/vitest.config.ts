import { defineConfig } from 'vitest/config';

// The consumer checks (#14): fresh apps built from the packed tarball. A config of their own, so
// `vitest run` (the suite's tests) does not pick them up; `npm test` runs them after the build.
export default defineConfig({
  test: {
    name: 'consumers',
    root: import.meta.dirname,
    environment: 'node',
    include: ['*.test.ts'],
    globalSetup: ['global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
