#!/usr/bin/env node
// The editor in headless Chromium (bench/editor-ui.bench.ts); needs `npm run build` first:
//   node bench/editor-ui.mjs [--runs 2] [--nodes 2000] [--edges 3000] [--trace /tmp/editor (writes /tmp/editor-<run>.json)] [--css '<rules added to the page>']
import { runBench } from './bench-runner.mjs';

process.exitCode = await runBench('editor-ui.bench', process.argv.slice(2));
