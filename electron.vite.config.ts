import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      // The embedded Engine's thread loads engine-thread.js from beside index.js.
      rollupOptions: { input: { index: resolve('src/main/index.ts'), 'engine-thread': resolve('src/engine/engine-thread-entry.ts') } },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot be ES modules.
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react()],
  },
});
