import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestEngine } from '../test/helpers/test-engine';
import { Scheduler } from '../src/main/core/scheduler/scheduler';
import { openStore, type Store } from '../src/main/core/store/store';
import type { Logger } from '../src/shared/logger';
import { SHAPES, type ShapeName } from './shapes';

/**
 * Scheduler throughput and latency on an instant in-process Engine, every transition
 * persisted, printed beside what the same machine does in the same run:
 * (a) raw better-sqlite3 inserting the same transition rows in batched transactions (the
 *     physical limit of writing them), and
 * (b) bpmn-engine executing the chain and fan shapes as BPMN in memory.
 * Options: --sizes 1000,10000  --shapes chain,fan,layered,nested  --bpmn-size 1000
 *          --budget-ms 0.5  --dir <folder for the database files> (default: the OS temp folder)
 */
const MIGRATIONS = fileURLToPath(new URL('../../migrations', import.meta.url));
const BPMN_RUNNER = fileURLToPath(new URL('./bpmn-run.js', import.meta.url));
const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: (message) => console.warn(message), error: (message) => console.error(message) };

interface Options {
  sizes: number[];
  shapes: ShapeName[];
  bpmnSize: number;
  budgetMs: number;
  dir: string;
}

interface RunResult {
  shape: ShapeName;
  nodes: number;
  ms: number;
  transitions: number;
  p50: number;
  p99: number;
  samples: number;
  commitFixedMs: number;
  commitPerRowMs: number;
  commits: number;
  status: string;
  rawRowsPerSecond: number;
}

export async function main(args: string[]): Promise<number> {
  const options = parse(args);
  const dir = mkdtempSync(join(options.dir, 'deduction-scheduler-bench-'));
  try {
    console.log(`Scheduler benchmark: Node ${process.version}, database files in ${options.dir}, step budget ${options.budgetMs} ms, instant in-process Engine`);
    await runShape(dir, 'warmup-chain', 'chain', 300, options.budgetMs);
    await runShape(dir, 'warmup-fan', 'fan', 300, options.budgetMs);
    const results: RunResult[] = [];
    for (const [index, size] of options.sizes.entries()) {
      for (const shape of options.shapes) {
        const result = await runShape(dir, `${shape}-${size}-${index}`, shape, size, options.budgetMs);
        results.push(result);
        printRun(result);
      }
    }

    const bpmn = { chain: bpmnRate('chain', options.bpmnSize), fan: bpmnRate('fan', options.bpmnSize) };
    console.log('');
    console.log(`bpmn-engine ${options.bpmnSize} tasks, in memory: chain ${fmt(bpmn.chain)} tasks/s, fan ${fmt(bpmn.fan)} tasks/s`);
    console.log('');
    console.log('Targets');
    let failed = 0;
    const check = (label: string, ok: boolean, detail: string) => {
      if (!ok) failed++;
      console.log(`  ${ok ? 'PASS' : 'MISS'}  ${label}: ${detail}`);
    };
    for (const shape of ['chain', 'fan'] as const) {
      for (const result of results.filter((each) => each.shape === shape)) {
        const rate = result.nodes / (result.ms / 1000);
        const ratio = rate / bpmn[shape];
        check(`≥ 20× bpmn-engine on ${shape} (${result.nodes} nodes vs ${options.bpmnSize} tasks)`, ratio >= 20, `${fmt(rate)} / ${fmt(bpmn[shape])} = ${ratio.toFixed(1)}×`);
      }
    }
    for (const result of results) {
      const rate = result.transitions / (result.ms / 1000);
      const ratio = rate / result.rawRowsPerSecond;
      check(`≥ ¼ of the raw insert rate, ${result.shape} ${result.nodes}`, ratio >= 0.25, `${fmt(rate)} / ${fmt(result.rawRowsPerSecond)} transitions/s = ${ratio.toFixed(2)}`);
    }
    for (const result of results.filter((each) => each.shape === 'fan')) {
      check(`a ${result.nodes - 3}-wide fan-in completes`, result.status === 'completed', result.status);
    }
    for (const result of results) {
      check(`p99 satisfied-to-start < 1 ms, ${result.shape} ${result.nodes}`, result.p99 < 1, `${result.p99.toFixed(3)} ms over ${result.samples} starts`);
    }
    console.log(failed === 0 ? 'All targets met.' : `${failed} target(s) missed.`);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runShape(dir: string, label: string, shape: ShapeName, size: number, budgetMs: number): Promise<RunResult> {
  const file = join(dir, `${label}.sqlite`);
  const store = await openStore({ file, migrationsDir: MIGRATIONS });
  const engine = new TestEngine();
  const scheduler = new Scheduler({ store, engine, logger: quiet, stepBudgetMs: budgetMs });
  const created = scheduler.createTask(SHAPES[shape](size));
  const taskId = created.task_id;
  const ended = new Promise<string>((resolve) => {
    scheduler.onChange((changes) => {
      for (const change of changes) if (change.taskId === taskId && change.task && ['completed', 'failed', 'stopped'].includes(change.task.status)) resolve(change.task.status);
    });
  });
  const started = performance.now();
  await scheduler.startTask(taskId);
  const status = await ended;
  const ms = performance.now() - started;
  const stats = scheduler.stats();
  scheduler.close();
  engine.close();
  const transitions = Number(store.db.prepare(`SELECT count(*) FROM node_state_transition WHERE task_id = ? AND from_status IS NOT NULL`).pluck().get(BigInt(taskId)));
  const rawRowsPerSecond = rawInsertRate(dir, label, store, taskId);
  store.close();
  return {
    shape,
    nodes: created.total_nodes,
    ms,
    transitions,
    p50: stats.latency.p50Ms,
    p99: stats.latency.p99Ms,
    samples: stats.latency.count,
    commitFixedMs: stats.commitCost.fixedMs,
    commitPerRowMs: stats.commitCost.perRowMs,
    commits: stats.commits,
    status,
    rawRowsPerSecond,
  };
}

/**
 * The same transition rows, inserted into a fresh database of the same schema (task and nodes
 * copied) with one prepared INSERT per row, 1,000 rows per transaction.
 */
function rawInsertRate(dir: string, label: string, source: Store, taskId: string): number {
  const rows = source.db
    .prepare(`SELECT node_id, batch, from_status, to_status, reason, trigger_type, operator, created_at FROM node_state_transition WHERE task_id = ? AND from_status IS NOT NULL ORDER BY id`)
    .raw()
    .all(BigInt(taskId)) as unknown[][];
  const target = join(dir, `${label}-raw.sqlite`);
  source.db.prepare('VACUUM INTO ?').run(target);
  const db = source.db.constructor as new (file: string) => Store['db'];
  const raw = new db(target);
  try {
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    raw.defaultSafeIntegers(true);
    raw.prepare('DELETE FROM node_state_transition').run();
    const insert = raw.prepare(
      'INSERT INTO node_state_transition (id, task_id, node_id, batch, from_status, to_status, reason, trigger_type, operator, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const task = BigInt(taskId);
    let id = 1n;
    const started = performance.now();
    for (let at = 0; at < rows.length; at += 1000) {
      raw.transaction(() => {
        for (const row of rows.slice(at, at + 1000)) insert.run(id++, task, ...row);
      })();
    }
    return rows.length / ((performance.now() - started) / 1000);
  } finally {
    raw.close();
  }
}

function bpmnRate(shape: 'chain' | 'fan', tasks: number): number {
  const child = spawnSync(process.execPath, ['--stack-size=65500', BPMN_RUNNER, shape, String(tasks)], { encoding: 'utf8', timeout: 600_000 });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) throw new Error(`bpmn-engine ${shape} ${tasks} failed (exit ${child.status}): ${child.stderr.slice(0, 500)}`);
  const result = JSON.parse(line) as { tasks: number; ms: number };
  return result.tasks / (result.ms / 1000);
}

function printRun(result: RunResult): void {
  const seconds = result.ms / 1000;
  console.log(
    `${`${result.shape} ${result.nodes}`.padEnd(15)} ${result.status.padEnd(9)} ${result.ms.toFixed(0).padStart(6)} ms  ` +
      `${fmt(result.nodes / seconds).padStart(7)} nodes/s  ${fmt(result.transitions / seconds).padStart(7)} transitions/s (${result.transitions})  ` +
      `satisfied→start p50 ${result.p50.toFixed(3)} ms p99 ${result.p99.toFixed(3)} ms  raw insert ${fmt(result.rawRowsPerSecond)} rows/s  ` +
      `(${result.commits} commits, learned cost ${result.commitFixedMs.toFixed(3)} ms + ${(result.commitPerRowMs * 1000).toFixed(1)} µs/row)`,
  );
}

function fmt(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
}

function parse(args: string[]): Options {
  const value = (name: string, fallback: string) => {
    const at = args.indexOf(name);
    return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
  };
  const shapes = value('--shapes', 'chain,fan,layered,nested').split(',') as ShapeName[];
  for (const shape of shapes) if (!(shape in SHAPES)) throw new Error(`unknown shape ${shape}; known: ${Object.keys(SHAPES).join(', ')}`);
  return {
    sizes: value('--sizes', '1000,10000').split(',').map(Number),
    shapes,
    bpmnSize: Number(value('--bpmn-size', '1000')),
    budgetMs: Number(value('--budget-ms', '0.5')),
    dir: value('--dir', tmpdir()),
  };
}
