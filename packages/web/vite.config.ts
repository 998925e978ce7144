import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The app is served by the Threadline server; `npm run dev -w packages/web` proxies the API to a local one. */
export default defineConfig({
  plugins: [react()],
  resolve: {
    // The SDK's TypeScript source, so the app builds without building the SDK first.
    alias: { '@threadline/sdk': fileURLToPath(new URL('../sdk/src/index.ts', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // The budget that matters is the first load's gzipped size, which test/bundle-size.test.ts holds
    // under 300 KB; Vite's warning is about the minified size of one chunk.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/graphql': 'http://127.0.0.1:4000',
      '/auth': 'http://127.0.0.1:4000',
      '/live': 'http://127.0.0.1:4000',
    },
  },
});
