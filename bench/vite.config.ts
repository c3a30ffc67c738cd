import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run bench` builds these pages in production mode: the library's dialog, the same wrap-up in
// Rocket.Chat's fuselage on the headless hook, the floor (the same fields as plain HTML in a
// native <dialog>, no library), and the bulk close (#15).
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: '../bench-results/site',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        library: `${import.meta.dirname}/library.html`,
        fuselage: `${import.meta.dirname}/fuselage.html`,
        floor: `${import.meta.dirname}/floor.html`,
        bulk: `${import.meta.dirname}/bulk.html`,
      },
    },
  },
});
