#!/usr/bin/env node
// The live monitor in headless Chromium under load (bench/monitor-ui.bench.ts); needs `npm run build` first:
//   node bench/monitor-ui.mjs [--views tree,logs,graph] [--graph-nodes 1000] [--graph-agent-ms 2000] [--nodes 10000] [--seconds 10] [--capacity 96] [--duration-ms 500] [--lines-per-second 60]
// UI_BENCH_PROFILE=1 adds the live graph at rest and a CPU profile of it (top functions by self time); UI_BENCH_RENDERER=<dir> measures another build of the window.
import { runBench } from './bench-runner.mjs';

process.exitCode = await runBench('monitor-ui.bench', process.argv.slice(2));
