#!/usr/bin/env node
// Start-up of the `deduction` command (issue 20, goal 3): --help, validate and convert of a small file, each as a whole process.
//   node bench/cli-start.mjs [--runs 7] [--baseline path/to/other/bin/deduction.mjs]
// With --baseline, the other build runs alternately with this one and each line shows both and their ratio.
// `node -e 0` is measured alike: the floor any command starts from on this machine, at this load.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, readOptions, timeCommand } from './cli-process.mjs';

const GOAL_MS = 200;
const root = fileURLToPath(new URL('..', import.meta.url));
const options = readOptions(process.argv.slice(2), { runs: 7, baseline: '' });
const bin = join(root, 'bin', 'deduction.mjs');
const dir = mkdtempSync(join(tmpdir(), 'deduction-cli-start-'));
const example = join(root, 'examples', 'red-vs-blue.json');
const bpmn = join(dir, 'small.bpmn');
const itops = join(dir, 'small.itops.json');
const nothing = join(dir, 'nothing.mjs');
writeFileSync(nothing, '');

async function must(args) {
  const result = await timeCommand(bin, args, { cwd: root });
  if (result.code !== 0) throw new Error(`deduction ${args.join(' ')} exited with ${result.code}: ${result.stderr}`);
}
await must(['convert', example, '--to', 'bpmn', '--out', bpmn]);
await must(['convert', example, '--to', 'itops', '--out', itops]);

const CASES = [
  ['--help', ['--help']],
  ['validate (16 nodes, JSON)', ['validate', example]],
  ['validate (16 nodes, BPMN)', ['validate', bpmn]],
  ['convert json → itops', ['convert', example, '--to', 'itops', '--out', join(dir, 'out.itops.json')]],
  ['convert itops → json', ['convert', itops, '--to', 'json', '--out', join(dir, 'out.json')]],
  ['convert bpmn → json', ['convert', bpmn, '--to', 'json', '--out', join(dir, 'out2.json')]],
  ['convert json → bpmn', ['convert', example, '--to', 'bpmn', '--out', join(dir, 'out.bpmn')]],
];

const builds = options.baseline ? [['this', bin], ['baseline', options.baseline]] : [['this', bin]];
const fmt = (ms) => `${ms.toFixed(0).padStart(5)} ms`;
console.log(`deduction start-up: median of ${options.runs} runs each, whole process (wall, and CPU time of the process); goal ${GOAL_MS} ms${options.baseline ? `; baseline ${options.baseline}, run alternately` : ''}`);
try {
  const floor = [];
  for (const [label, args] of CASES) {
    const figures = new Map(builds.map(([name]) => [name, { ms: [], cpuMs: [], rssMb: [] }]));
    for (let run = 0; run < options.runs; run++) {
      floor.push((await timeCommand(nothing, [])).ms);
      for (const [name, path] of builds) {
        const result = await timeCommand(path, args, { cwd: root });
        if (result.code !== 0) throw new Error(`${name}: deduction ${args.join(' ')} exited with ${result.code}: ${result.stderr}`);
        for (const key of ['ms', 'cpuMs', 'rssMb']) figures.get(name)[key].push(result[key]);
      }
    }
    const ours = figures.get('this');
    const wall = median(ours.ms);
    let line = `${label.padEnd(26)} ${fmt(wall)} (cpu ${fmt(median(ours.cpuMs))}) ${median(ours.rssMb).toFixed(0).padStart(4)} MB  ${(wall / GOAL_MS).toFixed(2)}× the goal${wall <= GOAL_MS ? ' (met)' : ''}`;
    if (options.baseline) {
      const theirs = figures.get('baseline');
      line += `  | baseline ${fmt(median(theirs.ms))} (cpu ${fmt(median(theirs.cpuMs))}) ${median(theirs.rssMb).toFixed(0)} MB: ${(median(theirs.ms) / wall).toFixed(1)}× faster (cpu ${(median(theirs.cpuMs) / median(ours.cpuMs)).toFixed(1)}×)`;
    }
    console.log(line);
  }
  console.log(`${'node, nothing loaded'.padEnd(26)} ${fmt(median(floor))}: the floor on this machine now`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
