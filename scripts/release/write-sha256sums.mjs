#!/usr/bin/env node
import { finishFolder } from './release-files.mjs';

/**
 * Writes SHA256SUMS (and SHA256SUMS.asc when GPG_KEY_ID is set) for a release folder that
 * gathers several builds, e.g. the three platforms' artifacts before they go onto the
 * update share: node scripts/release/write-sha256sums.mjs FOLDER
 */
const dir = process.argv[2];
if (!dir || process.argv.length > 3) {
  console.error('usage: write-sha256sums.mjs FOLDER');
  process.exit(2);
}
try {
  await finishFolder({ dir, env: process.env });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
