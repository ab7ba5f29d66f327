import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const contract = resolve(__dirname, 'electron/core/contract');
const domain = resolve(__dirname, 'electron/core/domain');

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod bundled, not required from node_modules: its CommonJS build is dozens of files, and resolving
      // and compiling them one by one took 100 ms of every host's start.
      externalizeDeps: { exclude: ['zod'] },
      lib: {
        entry: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          web: resolve(__dirname, 'electron/web/index.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
          // The utility process that runs the core under Electron (forked by electron/main/core-process.ts).
          core: resolve(__dirname, 'electron/utility/index.ts'),
          // verify's worker threads, started by whichever of the above runs verify (app/worker-pool.ts).
          'verify-worker': resolve(__dirname, 'electron/core/audit/verify-worker.ts'),
          // the log CSV's worker threads (documents/log-csv.ts), likewise.
          'log-csv-worker': resolve(__dirname, 'electron/core/documents/log-csv-worker.ts'),
          // an import's preparing thread (incidents/import-file.ts), likewise.
          'import-worker': resolve(__dirname, 'electron/core/incidents/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts') },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias: { '@contract': contract, '@domain': domain } },
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; the web host serves it over the network
      // too, and the first paint waits for it (issue 13: initial JS ≤ 300 KB gzipped).
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
