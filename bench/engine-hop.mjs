#!/usr/bin/env node
// The Engine hop benchmark (bench/engine-hop.bench.ts; needs `npm run build:node` for the whole-process run):
//   node bench/engine-hop.mjs [--chain 2000] [--fan 800] [--hop-chain 500] [--runs 3] [--compare DIR] [--dir /dev/shm]
import { runBench } from './bench-runner.mjs';

process.exitCode = await runBench('engine-hop.bench', process.argv.slice(2), ['engine-thread', 'bpmn-run']);
