#!/usr/bin/env node
// Log search over one task's 1,000,000 lines, timed per query against the 300 ms target:
//   node bench/log-search.mjs [--lines 1000000] [--runs 20] [--db /tmp/log-search.sqlite (kept and reused)]
import { runBench } from './bench-runner.mjs';

process.exitCode = await runBench('log-search.bench', process.argv.slice(2));
