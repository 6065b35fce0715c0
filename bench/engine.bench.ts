import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedEngine } from '../src/main/core/engine/embedded-engine';
import { createEventIngest } from '../src/main/core/engine/ingest-events';
import { createLogIngest } from '../src/main/core/engine/ingest-logs';
import { Scheduler } from '../src/main/core/scheduler/scheduler';
import { openStore, type Store } from '../src/main/core/store/store';
import type { EngineEvent, NodeLogEvent, StartNodeCommand } from '../src/shared/engine/protocol';
import type { Logger } from '../src/shared/logger';
import { quantile } from './ui/stats';

/**
 * Engine throughput, printed beside what raw better-sqlite3 does with the same rows in the
 * same run:
 * 1. nodes/s: a workflow of zero-duration sim agents run by the scheduler through the
 *    embedded Engine (against re-inserting the execution and transition rows it wrote), and
 *    start command → completed event round trips through EngineClient alone;
 * 2. log lines/s end to end from sim agents through the Engine (on its own thread, as in the
 *    built console), persisted and searchable: the median of three runs, against a raw
 *    INSERT … SELECT of the same rows in the batches the client formed; then the ingest module
 *    alone in batches of 1,000, against raw inserts row by row and batched.
 */
const E2E_RUNS = 3;
const MIGRATIONS = fileURLToPath(new URL('../../migrations', import.meta.url));
const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: (m) => console.warn(m), error: (m) => console.error(m) };

interface Options {
  nodes: number;
  lines: number;
  inFlight: number;
}

export async function main(args: string[]): Promise<number> {
  const options: Options = { nodes: number(args, '--nodes', 20_000), lines: number(args, '--lines', 200_000), inFlight: number(args, '--in-flight', 1000) };
  const dir = mkdtempSync(join(tmpdir(), 'deduction-engine-bench-'));
  try {
    console.log(`Engine benchmark (Node ${process.version}, ${options.nodes} nodes, ${options.lines} log lines)`);
    const scheduled = await benchScheduledWorkflow(dir, options.nodes);
    const rawRows = await rawSameRows(dir, options.nodes, scheduled.rows);
    print('nodes end to end (scheduler → Engine → store)', scheduled.rate, 'nodes/s', 2000);
    print(`  raw better-sqlite3: its ${scheduled.rows.executions.length + scheduled.rows.transitions.length} rows again`, rawRows, 'nodes/s');
    const nodes = await benchNodes(dir, options);
    const rawTransitions = await rawTransitionInserts(dir, options.nodes);
    print('start → completed round trips (EngineClient)', nodes, 'nodes/s', 2000);
    print('  raw better-sqlite3: 2 transition rows per node', rawTransitions, 'nodes/s');
    const endToEnd: number[] = [];
    const batches: number[] = [];
    for (let run = 0; run < E2E_RUNS; run++) {
      const measured = await benchLogsEndToEnd(dir, options.lines, run);
      endToEnd.push(measured.rate);
      batches.push(measured.medianBatch);
    }
    const batch = quantile(batches, 0.5);
    const rawSameBatches = await rawLogInserts(dir, options.lines, 'batch', SIM_SHAPE, batch);
    const spread = `(runs: ${endToEnd.map((rate) => Math.round(rate).toLocaleString('en')).join(', ')})`;
    print(`log lines, Engine → client → store, median of ${E2E_RUNS}`, quantile(endToEnd, 0.5), 'lines/s', 50_000);
    console.log(`  ${spread}`);
    print(`  raw better-sqlite3: same rows, one INSERT…SELECT per ${batch.toLocaleString('en')}`, rawSameBatches, 'lines/s');
    for (const shape of Object.keys(MESSAGES) as Shape[]) {
      const ingest = await benchIngestModule(dir, options.lines, shape);
      const raw = await rawLogInserts(dir, options.lines, 'rows', shape, 1000);
      const rawBatched = await rawLogInserts(dir, options.lines, 'batch', shape, 1000);
      print(`log lines, ingest module, batches of 1,000, ${shape}`, ingest, 'lines/s');
      print('  raw better-sqlite3: same rows, row by row', raw, 'lines/s');
      print('  raw better-sqlite3: same rows, one INSERT…SELECT', rawBatched, 'lines/s');
    }
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function number(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) : fallback;
}

function print(label: string, rate: number, unit: string, target?: number): void {
  const verdict = target === undefined ? '' : rate >= target ? `  (target ${target.toLocaleString('en')}: met)` : `  (target ${target.toLocaleString('en')}: NOT met)`;
  console.log(`${label.padEnd(66)} ${Math.round(rate).toLocaleString('en').padStart(10)} ${unit}${verdict}`);
}

async function open(dir: string, name: string): Promise<Store> {
  return openStore({ file: join(dir, name), migrationsDir: MIGRATIONS });
}

/** A task with `count` agent nodes (and one execution each), as the scheduler would have written them. */
function seedTask(store: Store, count: number, executions = true): { taskId: string; nodeIds: string[] } {
  const taskId = store.ids.next();
  const nodeIds = Array.from({ length: count }, (_, index) => `n${index}`);
  store.transaction(() => {
    store.db
      .prepare(
        `INSERT INTO deduction_task (id, task_name, root_node_id, total_nodes, total_containers, total_agents, created_at, updated_at)
         VALUES (?, 'bench', 'root', ?, 1, ?, 1, 1)`,
      )
      .run(BigInt(taskId), count + 1, count);
    store.db.prepare(`INSERT INTO deduction_task_snapshot (task_id, workflow_snapshot) VALUES (?, '{}')`).run(BigInt(taskId));
    store.db
      .prepare(`INSERT INTO workflow_node (id, task_id, node_id, node_type, is_root, created_at, updated_at) VALUES (?, ?, 'root', 'container', 1, 1, 1)`)
      .run(store.ids.nextBigInt(), BigInt(taskId));
    const node = store.db.prepare(
      `INSERT INTO workflow_node (id, task_id, node_id, node_type, parent_node_id, agent_load, created_at, updated_at) VALUES (?, ?, ?, 'agent', 'root', 'sim', 1, 1)`,
    );
    const execution = store.db.prepare(`INSERT INTO node_execution (id, task_id, node_id, batch, created_at, updated_at) VALUES (?, ?, ?, 1, 1, 1)`);
    for (const nodeId of nodeIds) {
      node.run(store.ids.nextBigInt(), BigInt(taskId), nodeId);
      if (executions) execution.run(store.ids.nextBigInt(), BigInt(taskId), nodeId);
    }
  });
  return { taskId, nodeIds };
}

interface WrittenRows {
  executions: unknown[][];
  transitions: unknown[][];
}

async function benchScheduledWorkflow(dir: string, count: number): Promise<{ rate: number; rows: WrittenRows }> {
  const store = await open(dir, 'scheduled.sqlite');
  const embedded = await startEmbeddedEngine({ store, catalogDir: null, capacity: 1000, logger: quiet });
  const scheduler = new Scheduler({ store, engine: embedded.client, logger: quiet });
  embedded.client.onEvents(createEventIngest(store, quiet));
  try {
    const { task_id: taskId } = scheduler.createTask({
      name: 'bench',
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true },
        ...Array.from({ length: count }, (_, index) => ({ nodeId: `n${index}`, nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 0 } })),
      ],
    });
    const started = performance.now();
    const ended = new Promise<string>((resolve) => {
      scheduler.onChange((changes) => {
        for (const change of changes) if (change.taskId === taskId && change.task && ['completed', 'failed', 'stopped'].includes(change.task.status)) resolve(change.task.status);
      });
    });
    await scheduler.startTask(taskId);
    const status = await ended;
    const rate = count / ((performance.now() - started) / 1000);
    if (status !== 'completed') throw new Error(`the benchmark task ended ${status}`);
    store.db.defaultSafeIntegers(true);
    const rows: WrittenRows = {
      executions: store.db.prepare(`SELECT node_id, batch, engine_id, status, resolved_config, result, progress, start_time, end_time, duration_ms, created_at, updated_at FROM node_execution WHERE task_id = ?`).raw().all(BigInt(taskId)) as unknown[][],
      transitions: store.db.prepare(`SELECT node_id, batch, from_status, to_status, reason, trigger_type, created_at FROM node_state_transition WHERE task_id = ?`).raw().all(BigInt(taskId)) as unknown[][],
    };
    return { rate, rows };
  } finally {
    scheduler.close();
    await embedded.close();
    store.close();
  }
}

/** The execution and transition rows the scheduled run wrote, inserted again row by row into a fresh store of the same task. */
async function rawSameRows(dir: string, count: number, rows: WrittenRows): Promise<number> {
  const store = await open(dir, 'raw-same-rows.sqlite');
  const { taskId } = seedTask(store, count, false);
  const task = BigInt(taskId);
  const execution = store.db.prepare(
    `INSERT INTO node_execution (id, task_id, node_id, batch, engine_id, status, resolved_config, result, progress, start_time, end_time, duration_ms, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const transition = store.db.prepare(
    `INSERT INTO node_state_transition (id, task_id, node_id, batch, from_status, to_status, reason, trigger_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const started = performance.now();
  for (let offset = 0; offset < rows.executions.length; offset += 500) {
    store.transaction(() => {
      for (const row of rows.executions.slice(offset, offset + 500)) execution.run(store.ids.nextBigInt(), task, ...row);
    });
  }
  for (let offset = 0; offset < rows.transitions.length; offset += 500) {
    store.transaction(() => {
      for (const row of rows.transitions.slice(offset, offset + 500)) transition.run(store.ids.nextBigInt(), task, ...row);
    });
  }
  const rate = count / ((performance.now() - started) / 1000);
  store.close();
  return rate;
}

async function benchNodes(dir: string, options: Options): Promise<number> {
  const store = await open(dir, 'nodes.sqlite');
  const { taskId, nodeIds } = seedTask(store, options.nodes);
  const embedded = await startEmbeddedEngine({ store, catalogDir: null, capacity: options.inFlight, logger: quiet });
  embedded.client.onEvents(createEventIngest(store, quiet));
  try {
    let completed = 0;
    let next = 0;
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const launch = (): void => {
        while (next < nodeIds.length && next - completed < options.inFlight) {
          const command: StartNodeCommand = { taskId, nodeId: nodeIds[next++]!, batch: 1, agentLoad: 'sim', config: { durationMs: 0 }, parentId: null };
          embedded.client.startNode(command).catch(reject);
        }
      };
      embedded.client.onEvents((events) => {
        for (const event of events) if (event.type === 'node.status' && event.status === 'completed') completed++;
        if (completed === nodeIds.length) resolve();
        else launch();
      });
      launch();
    });
    return nodeIds.length / ((performance.now() - started) / 1000);
  } finally {
    await embedded.close();
    store.close();
  }
}

async function rawTransitionInserts(dir: string, count: number): Promise<number> {
  const store = await open(dir, 'raw-transitions.sqlite');
  const { taskId, nodeIds } = seedTask(store, count);
  const insert = store.db.prepare(
    `INSERT INTO node_state_transition (id, task_id, node_id, batch, from_status, to_status, trigger_type, created_at) VALUES (?, ?, ?, 1, ?, ?, 'system', ?)`,
  );
  const started = performance.now();
  for (let offset = 0; offset < nodeIds.length; offset += 500) {
    store.transaction(() => {
      for (const nodeId of nodeIds.slice(offset, offset + 500)) {
        insert.run(store.ids.nextBigInt(), BigInt(taskId), nodeId, 'ready', 'running', Date.now());
        insert.run(store.ids.nextBigInt(), BigInt(taskId), nodeId, 'running', 'completed', Date.now());
      }
    });
  }
  const rate = count / ((performance.now() - started) / 1000);
  store.close();
  return rate;
}

/**
 * Message shapes: the sim agent's own lines, and longer ones closer to what real agents print.
 * The trigram FTS index costs about one entry per character, so length matters.
 */
const MESSAGES = {
  'sim lines (~30 chars)': (index: number, count: number) => `Simulation: log line ${index + 1} of ${count}`,
  'long lines (~55 chars)': (index: number) => `unit ${index % 97} moved to grid ${index % 1013} heading ${index % 360} speed ${index % 40} knots`,
};
type Shape = keyof typeof MESSAGES;
const SIM_SHAPE: Shape = 'sim lines (~30 chars)';
const SEARCH_TERM: Record<Shape, string> = { 'sim lines (~30 chars)': 'log line', 'long lines (~55 chars)': 'heading' };

function logEvents(taskId: string, nodeIds: string[], count: number, shape: Shape): NodeLogEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    type: 'node.log',
    taskId,
    nodeId: nodeIds[index % nodeIds.length]!,
    batch: 1,
    level: 'info',
    stream: 'stdout',
    message: MESSAGES[shape](index, count),
    time: 1_700_000_000_000 + index,
    engineId: 'bench',
    seq: index + 1,
  }));
}

/** Every stored line holds `term`: the FTS index must find them all. */
function searchable(store: Store, term: string, expected: number): void {
  const found = Number(store.db.prepare(`SELECT count(*) FROM node_execution_log_fts WHERE message LIKE ?`).pluck().get(`%${term}%`));
  if (found !== expected) throw new Error(`FTS finds ${found} lines with "${term}", expected ${expected}`);
}

async function benchIngestModule(dir: string, lines: number, shape: Shape): Promise<number> {
  const store = await open(dir, `ingest-${shape.length}.sqlite`);
  const { taskId, nodeIds } = seedTask(store, 100);
  const events = logEvents(taskId, nodeIds, lines, shape);
  const ingest = createLogIngest(store, quiet);
  const started = performance.now();
  for (let offset = 0; offset < events.length; offset += 1000) ingest(events.slice(offset, offset + 1000));
  const rate = lines / ((performance.now() - started) / 1000);
  searchable(store, SEARCH_TERM[shape], lines);
  store.close();
  return rate;
}

/**
 * The same rows straight through better-sqlite3, in transactions of 1000: either one prepared
 * INSERT per row, or one INSERT … SELECT over a JSON array per transaction (as the ingest does).
 */
async function rawLogInserts(dir: string, lines: number, mode: 'rows' | 'batch', shape: Shape, batch: number): Promise<number> {
  const store = await open(dir, `raw-logs-${mode}-${shape.length}-${batch}.sqlite`);
  const { taskId, nodeIds } = seedTask(store, 100);
  const events = logEvents(taskId, nodeIds, lines, shape);
  const executionOf = new Map(
    (store.db.prepare(`SELECT node_id, id FROM node_execution WHERE task_id = ?`).raw().all(BigInt(taskId)) as Array<[string, bigint]>).map(([nodeId, id]) => [nodeId, id]),
  );
  const columns = 'id, task_id, node_id, execution_id, batch, engine_id, seq, log_level, log_type, message, log_time, created_at';
  const insert = store.db.prepare(`INSERT INTO node_execution_log (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertMany = store.db.prepare(
    `INSERT INTO node_execution_log (${columns})
     SELECT CAST(value ->> 0 AS INTEGER), CAST(value ->> 1 AS INTEGER), value ->> 2, CAST(value ->> 3 AS INTEGER), value ->> 4, value ->> 5, value ->> 6,
            value ->> 7, value ->> 8, value ->> 9, value ->> 10, value ->> 11
     FROM json_each(?)`,
  );
  const task = BigInt(taskId);
  const started = performance.now();
  for (let offset = 0; offset < events.length; offset += batch) {
    const chunk = events.slice(offset, offset + batch);
    store.transaction(() => {
      if (mode === 'batch') {
        const rows = chunk.map((event) => [store.ids.next(), taskId, event.nodeId, String(executionOf.get(event.nodeId)), event.batch, event.engineId, event.seq, event.level, event.stream, event.message, event.time, 0]);
        insertMany.run(JSON.stringify(rows));
        return;
      }
      for (const event of chunk) {
        insert.run(store.ids.nextBigInt(), task, event.nodeId, executionOf.get(event.nodeId), event.batch, event.engineId, event.seq, event.level, event.stream, event.message, event.time, 0);
      }
    });
  }
  const rate = lines / ((performance.now() - started) / 1000);
  searchable(store, SEARCH_TERM[shape], lines);
  store.close();
  return rate;
}

/** The rate, and the median number of events in the batches the client handed to the ingest. */
async function benchLogsEndToEnd(dir: string, lines: number, run: number): Promise<{ rate: number; medianBatch: number }> {
  const store = await open(dir, `e2e-logs-${run}.sqlite`);
  const agents = 20;
  const { taskId, nodeIds } = seedTask(store, agents);
  const perAgent = Math.floor(lines / agents);
  const embedded = await startEmbeddedEngine({ store, catalogDir: null, capacity: agents, logger: quiet });
  const ingest = createEventIngest(store, quiet);
  const sizes: number[] = [];
  embedded.client.onEvents((events) => {
    sizes.push(events.length);
    ingest(events);
  });
  try {
    let ended = 0;
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      embedded.client.onEvents((events: EngineEvent[]) => {
        for (const event of events) if (event.type === 'node.status' && event.status !== 'running') ended++;
        if (ended === agents) resolve();
      });
      for (const nodeId of nodeIds) {
        const command: StartNodeCommand = { taskId, nodeId, batch: 1, agentLoad: 'sim', config: { durationMs: 1000, steps: 1, logLinesPerSecond: perAgent }, parentId: null };
        embedded.client.startNode(command).catch(reject);
      }
    });
    const seconds = (performance.now() - started) / 1000;
    const stored = Number(store.db.prepare(`SELECT count(*) FROM node_execution_log`).pluck().get());
    if (stored !== perAgent * agents) throw new Error(`stored ${stored} lines, expected ${perAgent * agents}`);
    searchable(store, 'log line', stored);
    return { rate: stored / seconds, medianBatch: quantile(sizes, 0.5) };
  } finally {
    await embedded.close();
    store.close();
  }
}
