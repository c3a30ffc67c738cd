import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, mergeConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './test/helpers/chromium.ts';
import viteConfig from './vite.config.ts';

// Debian's Chromium, never a downloaded one (shared/TOOLCHAIN.md).
const chromium = playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } });
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
            include: ['src/**/*.browser.test.{ts,tsx}', 'test/browser/**/*.test.{ts,tsx}'],
            setupFiles: ['test/setup/browser.ts'],
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
