#!/usr/bin/env node
// The Engine benchmark (bench/engine.bench.ts): nodes/s through a loopback Engine and log lines/s persisted:
//   node bench/run-engine.mjs [--nodes N] [--lines N]
import { runBench } from './bench-runner.mjs';

process.exitCode = await runBench('engine.bench', process.argv.slice(2), ['engine-thread']);
