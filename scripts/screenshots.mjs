#!/usr/bin/env node
// `npm run screenshots [-- --out dir --languages en,zh-CN --sizes 1366x768,1920x1080]`: every
// screen of the window into a folder (scripts/screenshots.ts); needs `npm run build` first.
// The TypeScript is bundled with vite's JS API (dependencies external) into out/screenshots.
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
    outDir: 'out/screenshots',
    emptyOutDir: true,
    rollupOptions: {
      input: { screenshots: fileURLToPath(new URL('./screenshots.ts', import.meta.url)) },
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
const { main } = await import(pathToFileURL(`${root}/out/screenshots/screenshots.js`).href);
process.exitCode = await main(process.argv.slice(2));
