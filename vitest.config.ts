import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, mergeConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './test/helpers/chromium.ts';
import viteConfig from './vite.config.ts';

// Debian's Chromium, never a downloaded one (shared/TOOLCHAIN.md).
const chromium = playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } });
// The model-based suite (test/model): `npm test` runs a fixed seed; `npm run fuzz` sets FUZZ_RUNS
// (and FUZZ_SEED / FUZZ_PATH to replay a failure).
const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 10);
const fuzz = {
  runs: Number.isInteger(fuzzRuns) && fuzzRuns > 0 ? fuzzRuns : 10,
  seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Date.now() ^ (Math.random() * 2 ** 31) : 20261125,
  path: process.env.FUZZ_PATH || undefined,
  // A fixed-seed run in `npm test` reports the first failure at once; a campaign shrinks it.
  endOnFailure: !process.env.FUZZ_RUNS,
};

declare module 'vitest' {
  export interface ProvidedContext {
    fuzz: typeof fuzz;
  }
}

// A fresh object per project: Vitest writes the project's name into `instances`.
const browser = () => ({ enabled: true, headless: true, provider: chromium, instances: [{ browser: 'chromium' as const }], screenshotFailures: false });

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'jsdom',
            include: ['src/**/*.test.{ts,tsx}'],
            exclude: ['src/**/*.browser.test.{ts,tsx}'],
            setupFiles: ['test/setup/unit.ts'],
            restoreMocks: true,
            // Type-level tests (*.test-d.ts), checked by tsc as part of this project.
            typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
          },
        },
        {
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['test/e2e/**/*.test.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            include: ['src/**/*.browser.test.{ts,tsx}', 'test/browser/**/*.test.{ts,tsx}', 'test/model/**/*.test.{ts,tsx}'],
            setupFiles: ['test/setup/browser.ts'],
            provide: { fuzz },
            browser: browser(),
          },
        },
        {
          extends: true,
          // Every story is a test: it renders, its play function passes, and axe finds nothing.
          plugins: [storybookTest({ configDir: '.storybook' })],
          test: {
            name: 'storybook',
            browser: browser(),
          },
        },
      ],
    },
  }),
);
