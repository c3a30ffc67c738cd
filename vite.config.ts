import { readFile, writeFile } from 'node:fs/promises';
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
      // TypeScript 6 checks side-effect imports (noUncheckedSideEffectImports): without these
      // declarations `import 'rocketchat-omnichannel-ui/styles.css'` fails to type-check in an
      // app whose bundler declares no '*.css' module (found by test/consumers/tarball.test.ts).
      this.emitFile({ type: 'asset', fileName: 'styles.css.d.ts', source: '// The stylesheet, imported for its effect: it exports nothing.\nexport {};\n' });
    },
  };
}

// TypeScript names a type by the module that declares it: inferred react-query types come out as
// imports of @tanstack/query-core, which is react-query's dependency, not ours nor a peer, so a
// strict installer (pnpm) or another hoisting leaves them unresolved. react-query re-exports all
// of query-core (`export * from '@tanstack/query-core'`): the declarations name the peer instead.
async function peerTypesOnly(emitted: Map<string, string>) {
  for (const file of emitted.keys()) {
    if (!file.endsWith('.d.ts')) continue;
    const text = await readFile(file, 'utf8');
    const fixed = text.replaceAll("from '@tanstack/query-core'", "from '@tanstack/react-query'").replaceAll('import("@tanstack/query-core")', 'import("@tanstack/react-query")');
    if (fixed !== text) await writeFile(file, fixed);
  }
}

// Bare imports (react, zod/mini, msw, ...) stay imports: peers and dependencies are not bundled.
const isExternal = (id: string) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0');

// The main entry is split in chunks so that React Server Components can use the headless
// half (#14): `chunks/headless.js` (client, closeRoom, errors, schema, key factories, query and mutation
// options, messages; no directive, callable from route handlers, server actions and server
// components), `chunks/provider.js` (the React context) and `chunks/ui.js` (components and their helpers), the
// last two marked 'use client'. dist/index.js only re-exports them, without a directive. The
// provider has its own chunk because the hooks in headless.js read its context: with the context
// in ui.js the two chunks would import each other.
// Connected mode (#5, #12) has two chunks of its own, so that a host that only passes props does
// not ship it (#13): `chunks/server-reads.js` (the reads of the agent, room, department, settings:
// headless, no directive) and `chunks/connected.js` ('use client': the hooks that turn them into
// the form's rules, the server-searched tag input). `CloseRoomForm` imports connected.js on demand;
// a host's bundler then splits both into a chunk loaded only when a form is connected. Nothing in
// ui.js imports them statically.
// Paths are matched against src/ so a new folder of components lands in ui.js by default.
const source = (id: string) => {
  const match = /\/src\/(.+)$/.exec(id.replaceAll('\\', '/'));
  return match?.[1];
};
const HEADLESS = /^(client|schema|query|bulk)\/|^i18n\/(messages|index)\.ts$/;
const SERVER_READS = /^query\/(agent-queries|livechat-queries|close-room-server-rules)\.ts$/;
const CONNECTED = /^form\/(use-close-room-form|use-close-room-source|use-server-tag-input|connected-mode)\.ts$|^components\/ServerTagInput\//;
// Folder barrels (index.ts) re-export only: left to dist/index.js, so that no chunk pulls in the
// connected chunks through one.
const NOT_IN_MAIN_ENTRY = /(^|\/)index\.ts$|^locales\.ts$|^testing\/|^i18n\/(?!messages)/;
type MainEntryChunk = 'headless' | 'server-reads' | 'provider' | 'connected' | 'ui';
function mainEntryChunk(id: string): MainEntryChunk | null {
  const path = source(id);
  if (path === undefined || NOT_IN_MAIN_ENTRY.test(path)) return null;
  if (SERVER_READS.test(path)) return 'server-reads';
  if (HEADLESS.test(path)) return 'headless';
  if (path.startsWith('provider/')) return 'provider';
  if (CONNECTED.test(path)) return 'connected';
  return 'ui';
}
export const CLIENT_CHUNKS = new Set(['provider', 'connected', 'ui']);

export default defineConfig({
  plugins: [
    react(),
    stylesheet(),
    // Storybook builds with this config too; declarations are the library build's business.
    process.env.STORYBOOK === 'true'
      ? undefined
      : dts({ tsconfigPath: './tsconfig.build.json', entryRoot: 'src', bundleTypes: true, afterBuild: peerTypesOnly }),
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
    rolldownOptions: {
      external: isExternal,
      // No `// src/...` marker before each module: they name files the package does not ship.
      experimental: { attachDebugInfo: 'none' },
      // The chunks are the library's; Storybook's app build (same config) chunks as it likes.
      output: process.env.STORYBOOK === 'true' ? {} : {
        // A folder of their own: a chunk named like a src/ folder would shadow its .d.ts.
        chunkFileNames: 'chunks/[name].js',
        // Highest priority first: a group takes its modules before the next one's recursive
        // dependencies can pull them in (the headless hooks depend on the provider).
        codeSplitting: {
          groups: (['provider', 'headless', 'ui', 'server-reads', 'connected'] as const).map((name, index) => ({
            name,
            test: (id: string) => mainEntryChunk(id) === name,
            priority: 5 - index,
          })),
        },
        // The directive must be the chunk's first statement: a banner is written before anything.
        banner: (chunk) => (CLIENT_CHUNKS.has(chunk.name) ? "'use client';\n" : ''),
      },
    },
  },
});
