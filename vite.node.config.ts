import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * Builds the plain-Node entries (the `deduction` CLI, which also starts the reference Engine
 * and the headless host) into out/node. Dependencies stay external: they are installed
 * beside the build, and better-sqlite3 is a native addon that cannot be bundled.
 */
const external = [
  ...Object.keys(pkg.dependencies),
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
];

export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/node',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // The embedded Engine's thread loads engine-thread.js, heavy work heavy-work-thread.js, from
      // beside the module that starts it: chunks sit beside the entries, not in a folder below,
      // or a chunk holding that module would not find them and the work would run inline.
      input: {
        cli: resolve('src/cli/index.ts'),
        'engine-thread': resolve('src/engine/engine-thread-entry.ts'),
        'heavy-work-thread': resolve('src/main/core/service/heavy-work-thread-entry.ts'),
      },
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
