// Builds one bench/*.ts entry with vite's JS API (SSR bundle, dependencies external) into
// out/bench and runs its exported main(args), so each benchmark script stays a few lines.
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies), ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/**
 * `entry` is the file name without `.ts` inside bench/; `companions` are more entries built
 * beside it (scripts the benchmark starts as child processes). Returns main's exit code.
 */
export async function runBench(entry, args, companions = []) {
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
        input: Object.fromEntries([entry, ...companions].map((name) => [name, fileURLToPath(new URL(`./${name}.ts`, import.meta.url))])),
        external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  });
  const { main } = await import(pathToFileURL(`${root}/out/bench/${entry}.js`).href);
  return main(args);
}
