#!/usr/bin/env node
// The scheduler benchmark (bench/scheduler.bench.ts; bpmn-engine runs in a child process):
//   node bench/run.mjs [--sizes 1000,10000] [--shapes chain,fan,layered,nested] [--bpmn-size 1000] [--budget-ms 0.5] [--dir /tmp]
import { runBench } from './bench-runner.mjs';

process.exitCode = await runBench('scheduler.bench', process.argv.slice(2), ['bpmn-run']);
