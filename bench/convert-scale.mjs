#!/usr/bin/env node
// validate and convert at scale (issue 20, goal 1): whole `deduction` processes on 100,000-node workflows.
//   node bench/convert-scale.mjs [--nodes 100000] [--shapes flat,chain] [--baseline path/to/other/bin/deduction.mjs]
// Goals: validate under 2 s; convert json ↔ bpmn and json ↔ itops each under 10 s and 1 GB peak RSS.
// With --baseline, the other build runs each step right after this one and the line shows both.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHAPES } from './cli-workflows.mjs';
import { readOptions, timeCommand } from './cli-process.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const options = readOptions(process.argv.slice(2), { nodes: 100_000, shapes: 'flat,chain', baseline: '' });
const bin = join(root, 'bin', 'deduction.mjs');
const dir = mkdtempSync(join(tmpdir(), 'deduction-convert-scale-'));
const GOALS = { validate: { ms: 2000 }, convert: { ms: 10_000, mb: 1024 } };

const ratios = (figures, goal) => `${(figures.ms / goal.ms).toFixed(2)}× the time goal${goal.mb ? `, ${(figures.rssMb / goal.mb).toFixed(2)}× the memory goal` : ''}`;
const describe = (figures) => `${(figures.ms / 1000).toFixed(2).padStart(6)} s (cpu ${(figures.cpuMs / 1000).toFixed(2)} s) ${figures.rssMb.toFixed(0).padStart(5)} MB`;

async function step(label, args, goal) {
  const ours = await timeCommand(bin, args, { cwd: root });
  const failed = ours.code !== 0 ? `  FAILED (exit ${ours.code}): ${ours.stderr.trim().split('\n').slice(-2).join(' | ')}` : '';
  let line = `${label.padEnd(34)} ${describe(ours)}  ${ratios(ours, goal)}${failed}`;
  if (options.baseline) {
    const theirs = await timeCommand(options.baseline, args.map((arg) => (arg.startsWith(dir) && arg.includes('.out.') ? `${arg}.baseline` : arg)), { cwd: root });
    line += theirs.code === 0 ? `  | baseline ${describe(theirs)}: ${(theirs.ms / ours.ms).toFixed(1)}× faster (cpu ${(theirs.cpuMs / ours.cpuMs).toFixed(1)}×)` : `  | baseline failed (exit ${theirs.code})`;
  }
  console.log(line);
  return ours.code === 0;
}

console.log(`validate and convert, ${options.nodes.toLocaleString('en')} nodes, whole processes (wall, CPU time, peak RSS)${options.baseline ? `; baseline ${options.baseline}` : ''}`);
try {
  for (const shape of options.shapes.split(',')) {
    const json = join(dir, `${shape}.json`);
    writeFileSync(json, JSON.stringify(SHAPES[shape](options.nodes)));
    const bpmn = join(dir, `${shape}.out.bpmn`);
    const itops = join(dir, `${shape}.out.itops.json`);
    await step(`${shape}: validate json`, ['validate', json], GOALS.validate);
    const toBpmn = await step(`${shape}: convert json → bpmn`, ['convert', json, '--to', 'bpmn', '--out', bpmn], GOALS.convert);
    if (toBpmn) await step(`${shape}: convert bpmn → json`, ['convert', bpmn, '--to', 'json', '--out', join(dir, `${shape}.out.back.json`)], GOALS.convert);
    const toItops = await step(`${shape}: convert json → itops`, ['convert', json, '--to', 'itops', '--out', itops], GOALS.convert);
    if (toItops) await step(`${shape}: convert itops → json`, ['convert', itops, '--to', 'json', '--out', join(dir, `${shape}.out.back2.json`)], GOALS.convert);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
