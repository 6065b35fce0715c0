#!/usr/bin/env node
// Builds bench/engine.bench.ts with vite (SSR, dependencies external) into out/bench and runs it:
//   node bench/run-engine.mjs [--nodes N] [--lines N]
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
    emptyOutDir: true,
    rollupOptions: {
      input: { 'engine.bench': fileURLToPath(new URL('./engine.bench.ts', import.meta.url)) },
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
const { main } = await import(pathToFileURL(`${root}/out/bench/engine.bench.js`).href);
process.exitCode = await main(process.argv.slice(2));
