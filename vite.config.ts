import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import react from '@vitejs/plugin-react';
import { transform } from 'lightningcss';
import { defineConfig, preprocessCSS } from 'vite';
import type { Plugin, ResolvedConfig } from 'vite';
import dts from 'vite-plugin-dts';

// Components never import CSS (no style injected at run time, strict CSP friendly): the one
// stylesheet, src/styles.css with its @imports, is compiled and emitted as dist/styles.css.
function stylesheet(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'rocketchat-omnichannel-ui:stylesheet',
    // Only the library build: not Storybook's or the demo's app builds.
    apply: (config, { command }) => command === 'build' && Boolean(config.build?.lib) && process.env.STORYBOOK !== 'true',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle() {
      const file = new URL('./src/styles.css', import.meta.url).pathname;
      const { code } = await preprocessCSS(await readFile(file, 'utf8'), file, config);
      const minified = transform({ filename: 'styles.css', code: Buffer.from(code), minify: true });
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: minified.code });
    },
  };
}

// Bare imports (react, zod/mini, msw, ...) stay imports: peers and dependencies are not bundled.
const isExternal = (id: string) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0');

export default defineConfig({
  plugins: [
    react(),
    stylesheet(),
    // Storybook builds with this config too; declarations are the library build's business.
    process.env.STORYBOOK === 'true'
      ? undefined
      : dts({ tsconfigPath: './tsconfig.build.json', entryRoot: 'src', bundleTypes: true }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: {
      entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', locales: 'src/locales.ts' },
      formats: ['es'],
    },
    // public/ holds MSW's worker for Storybook and the browser tests, not for the package.
    copyPublicDir: false,
    // src/index.ts starts with 'use client', and the bundler keeps it on dist/index.js.
    rollupOptions: { external: isExternal },
  },
});
