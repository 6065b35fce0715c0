#!/usr/bin/env node
// Builds bench/scheduler.bench.ts with vite's JS API (SSR bundle, dependencies external) into
// out/bench and runs it:
//   node bench/run.mjs [--sizes 1000,10000] [--shapes chain,fan,layered,nested] [--bpmn-size 1000] [--budget-ms 0.5] [--dir /tmp]
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies), ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/bench',
    emptyOutDir: false,
    sourcemap: true,
    rollupOptions: {
      input: {
        'scheduler.bench': fileURLToPath(new URL('./scheduler.bench.ts', import.meta.url)),
        'bpmn-run': fileURLToPath(new URL('./bpmn-run.ts', import.meta.url)),
      },
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
const { main } = await import(pathToFileURL(`${root}/out/bench/scheduler.bench.js`).href);
process.exitCode = await main(process.argv.slice(2));
