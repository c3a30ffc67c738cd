import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

// `npm start`: the agent-console demo. Without RC_URL it runs on the package's mock Rocket.Chat
// (a service worker, nothing to install). With RC_URL, RC_USER_ID and RC_AUTH_TOKEN it talks to
// that server through this dev server's proxy: the server needs no CORS change, and the
// credentials are added by the proxy, so they never reach the browser.
export default defineConfig(({ mode }) => {
  const env = { ...loadEnv(mode, process.cwd(), 'RC_'), ...process.env };
  const target = env.RC_URL?.replace(/\/+$/, '');
  if (target && (!env.RC_USER_ID || !env.RC_AUTH_TOKEN)) {
    throw new Error('RC_URL is set: set RC_USER_ID and RC_AUTH_TOKEN too (see README, "Against your own Rocket.Chat")');
  }
  return {
    root: import.meta.dirname,
    publicDir: '../../public',
    plugins: [react()],
    define: { __RC_MODE__: JSON.stringify(target ? 'server' : 'mock') },
    server: {
      port: Number(env.PORT ?? 5173),
      strictPort: false,
      proxy: target
        ? {
            '/api/': {
              target,
              changeOrigin: true,
              secure: true,
              configure: (proxy) => {
                proxy.on('proxyReq', (request) => {
                  request.setHeader('X-User-Id', env.RC_USER_ID ?? '');
                  request.setHeader('X-Auth-Token', env.RC_AUTH_TOKEN ?? '');
                });
              },
            },
          }
        : undefined,
    },
    preview: { port: Number(env.PORT ?? 4173) },
    build: { outDir: '../../dist-demo', emptyOutDir: true },
  };
});
