#!/usr/bin/env node
// The `deduction` command: runs the built CLI (npm run build:node makes out/node/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/node/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('deduction: the CLI is not built yet; run `npm run build:node` in the project folder first.');
  process.exit(70);
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
