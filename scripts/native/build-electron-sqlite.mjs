#!/usr/bin/env node
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineIo, parseArgs, run, targetArchs } from './electron-sqlite.mjs';

/**
 * Builds better-sqlite3 for Electron into native/electron/PLATFORM-ARCH/, beside the Node build
 * in node_modules (see docs/native-modules.md). Run by `npm ci` (--if-possible), `npm run dev`,
 * `npm run start` and `npm run dist*` (--dist); does nothing when the build is current.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
const archs = targetArchs({ archs: options.archs, dist: options.dist, platform: process.platform, hostArch: process.arch });
const resolved = { ...options, archs };
process.exitCode = await run(resolved, machineIo({ root, options: resolved }));
