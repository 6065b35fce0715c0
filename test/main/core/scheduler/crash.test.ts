import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartNodeCommand } from '../../../../src/shared/engine/protocol';
import type { WorkflowDefinitionInput } from '../../../../src/shared/workflow/definition';
import { TestEngine, type NodeScript } from '../../../helpers/test-engine';
import { createTask } from '../../../../src/main/core/tasks/create-task';
import { Scheduler } from '../../../../src/main/core/scheduler/scheduler';
import type { Store } from '../../../../src/main/core/store/store';
import { serveOverIpc } from '../../../helpers/ipc-engine';
import { MIGRATIONS_DIR, REPO_ROOT } from '../../../helpers/paths';
import { recordingLogger, waitForTask } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
const KILLS = 20;
const OUT = join(REPO_ROOT, 'out', 'test', `crash-child-${process.pid}`);
const CHILD = join(OUT, 'child.js');

/** The console runs in a child process built like the product: one bundle, dependencies from node_modules. */
beforeAll(async () => {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const external = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies), ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
  await build({
    root: REPO_ROOT,
    configFile: false,
    logLevel: 'error',
    build: {
      ssr: true,
      target: 'node20',
      outDir: OUT,
      emptyOutDir: true,
      rollupOptions: {
        input: { child: join(REPO_ROOT, 'test/main/core/scheduler/crash/child.ts') },
        external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  });
}, 60_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

function hash(text: string): number {
  let value = 2_166_136_261;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 16_777_619) >>> 0;
  return value;
}

/** 1,000 nodes: four phases in sequence, each a layered DAG of agents; the second holds a nested container. */
function crashWorkflow(): WorkflowDefinitionInput {
  type Node = WorkflowDefinitionInput['nodes'][number];
  const nodes: Node[] = [{ nodeId: 'root', nodeType: 'container', isRoot: true }];
  const retry = { maxRetries: 2, backoff: { initialMs: 5, factor: 2, maxMs: 20 } };
  const agent = (nodeId: string, parentId: string, sources: string[], type: 'success' | 'finish' = 'success'): Node => ({
    nodeId,
    nodeType: 'agent',
    agentLoad: 'sim',
    parentId,
    retry,
    dependencies: sources.map((sourceNodeId) => ({ sourceNodeId, type })),
  });
  for (let phase = 0; phase < 4; phase++) {
    const phaseId = `phase${phase}`;
    nodes.push({ nodeId: phaseId, nodeType: 'container', parentId: 'root', dependencies: phase === 0 ? [] : [{ sourceNodeId: `phase${phase - 1}`, type: 'finish' }] });
    let parent = phaseId;
    if (phase === 1) {
      nodes.push({ nodeId: 'nested', nodeType: 'container', parentId: phaseId });
      parent = 'nested';
    }
    let previous: string[] = [];
    const count = phase === 1 ? 247 : phase === 3 ? 250 : 249;
    for (let i = 0; i < count; i++) {
      const layer = Math.floor(i / 25);
      const id = `p${phase}n${i}`;
      const sources = layer === 0 ? [] : [previous[hash(`${id}a`) % previous.length]!, previous[hash(`${id}b`) % previous.length]!];
      nodes.push(agent(id, parent, [...new Set(sources)], hash(id) % 5 === 0 ? 'finish' : 'success'));
      if (i % 25 === 24 || i === count - 1) previous = nodes.slice(-25).map((node) => node.nodeId);
    }
  }
  return { name: 'crash test', nodes };
}

/** Deterministic per node: a duration, some nodes fail once (and are retried), a few always fail. */
function script(durations: boolean) {
  return (command: StartNodeCommand): NodeScript => {
    const value = hash(command.nodeId);
    const result = { n: value % 100, by: command.nodeId };
    const durationMs = durations ? 2 + (value % 25) : 0;
    if (value % 89 === 3) return { durationMs, outcome: 'failed', errorCode: 'SIMULATED_FAILURE' };
    if (value % 13 === 0) return { durationMs, failTimes: 1, result };
    return { durationMs, result };
  };
}

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = Math.imul(state ^ (state >>> 15), 2_246_822_507) >>> 0;
    state = Math.imul(state ^ (state >>> 13), 3_266_489_909) >>> 0;
    state = (state ^ (state >>> 16)) >>> 0;
    return state / 4_294_967_296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Outcome {
  status: string;
  nodes: Map<string, { status: string; batch: number; result: string | null }>;
  counters: unknown;
}

function outcomeOf(store: Store, taskId: string): Outcome {
  const task = store.first(store.kysely.selectFrom('deduction_task').selectAll().where('id', '=', taskId))!;
  const rows = store.all(store.kysely.selectFrom('workflow_node').select(['node_id', 'status', 'current_batch', 'result']).where('task_id', '=', taskId));
  return {
    status: task.status,
    nodes: new Map(rows.map((row) => [row.node_id, { status: row.status, batch: row.current_batch, result: row.result }])),
    counters: { completed: task.completed_nodes, failed: task.failed_nodes, running: task.running_nodes, skipped: task.skipped_nodes },
  };
}

async function uninterruptedRun(): Promise<Outcome> {
  const store = await openTestStore(tempDir(), 'reference.sqlite');
  const engine = new TestEngine({ script: script(false) });
  const scheduler = new Scheduler({ store, engine, logger: recordingLogger() });
  try {
    const { task_id } = scheduler.createTask(crashWorkflow());
    await scheduler.startTask(task_id);
    await waitForTask(scheduler, store, task_id, undefined, 30_000);
    return outcomeOf(store, task_id);
  } finally {
    scheduler.close();
    engine.close();
    store.close();
  }
}

function exitOf(child: ChildProcess): Promise<void> {
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const disconnected = child.connected ? new Promise<void>((resolve) => child.once('disconnect', () => resolve())) : Promise.resolve();
  return Promise.all([exited, disconnected]).then(() => undefined);
}

describe('crash safety', () => {
  it(`SIGKILLed ${KILLS} times during a 1,000-node run, the console ends the task as an uninterrupted run does`, async () => {
    const seed = Date.now() % 1_000_000;
    const rand = random(seed);
    const context = `seed ${seed}`;
    const reference = await uninterruptedRun();

    const dir = tempDir();
    const file = join(dir, 'crash.sqlite');
    const setup = await openTestStore(dir, 'crash.sqlite');
    const { task_id } = createTask(setup, crashWorkflow());
    setup.close();

    const engine = new TestEngine({ script: script(true), engineId: 'outliving' });
    let current: ChildProcess | null = null;
    let lostEvents = 0;
    engine.onEvents((events) => {
      // A child SIGKILLed a moment ago may still look connected: a failed send is a lost batch.
      if (current?.connected) current.send({ kind: 'events', events }, (error) => (lostEvents += error ? events.length : 0));
      else lostEvents += events.length;
    });
    let ended: string | null = null;
    let kills = 0;
    const stderr: string[] = [];

    try {
      for (let life = 0; ended === null; life++) {
        if (life > KILLS + 1) throw new Error(`the task did not end after ${life} lives (${context})`);
        const child = fork(CHILD, [file, MIGRATIONS_DIR, task_id], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
        current = child;
        child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
        const detach = serveOverIpc(child, engine, (message) => {
          if (message.kind === 'ended') ended = message.status;
        });
        const gone = exitOf(child);
        if (kills < KILLS) {
          if (life % 3 === 0) {
            await Promise.race([sleep(30 + rand() * 370), gone]);
          } else {
            const target = engine.stats.startCommands + 15 + Math.floor(rand() * 30);
            while (engine.stats.startCommands < target && ended === null && child.exitCode === null) await sleep(1);
            await sleep(rand() * 15);
          }
          if (child.exitCode !== null) throw new Error(`the console exited by itself (code ${child.exitCode}): ${stderr.join('')} (${context})`);
          if (ended === null || kills < KILLS) {
            child.kill('SIGKILL');
            kills++;
          }
        } else {
          const deadline = Date.now() + 30_000;
          while (ended === null && Date.now() < deadline && child.exitCode === null) await sleep(5);
          child.kill('SIGKILL');
        }
        await gone;
        detach();
        current = null;
        // While the console is down, agents running on the Engine end unheard: the next life must learn that by asking.
        const downUntil = Date.now() + 200;
        while (ended === null && engine.runningCount > 0 && Date.now() < downUntil) await sleep(5);
      }
    } finally {
      current?.kill('SIGKILL');
      engine.close();
    }

    expect(kills, context).toBe(KILLS);
    expect(stderr.join('').split('\n').filter((line) => line.startsWith('error:')), context).toEqual([]);
    const store = await openTestStore(dir, 'crash.sqlite');
    try {
      const outcome = outcomeOf(store, task_id);
      expect(ended, context).toBe(reference.status);
      expect(outcome.status, context).toBe(reference.status);
      expect(outcome.counters, context).toEqual(reference.counters);
      for (const [nodeId, expected] of reference.nodes) expect(outcome.nodes.get(nodeId), `${nodeId} (${context})`).toEqual(expected);

      // No transition lost or written twice: per node, each from_status is the previous to_status.
      const transitions = store.all(store.kysely.selectFrom('node_state_transition').select(['node_id', 'from_status', 'to_status', 'reason']).where('task_id', '=', task_id).orderBy('id'));
      const last = new Map<string, string>();
      for (const row of transitions) {
        expect(row.from_status ?? null, `${row.node_id}: ${row.from_status} → ${row.to_status} (${context})`).toBe(last.get(row.node_id) ?? null);
        last.set(row.node_id, row.to_status);
      }
      for (const [nodeId, node] of outcome.nodes) expect(last.get(nodeId), `${nodeId} (${context})`).toBe(node.status);

      // No node ran twice for one batch, and every execution of an agent reached the Engine once.
      const repeated = [...engine.startsByBatch].filter(([, count]) => count !== 1);
      expect(repeated, context).toEqual([]);
      const executions = store.all(store.kysely.selectFrom('node_execution as e').innerJoin('workflow_node as n', (join) => join.onRef('n.task_id', '=', 'e.task_id').onRef('n.node_id', '=', 'e.node_id')).select(['e.node_id', 'e.batch']).where('e.task_id', '=', task_id).where('n.node_type', '=', 'agent'));
      expect(new Set(executions.map((row) => `${task_id}\u0000${row.node_id}\u0000${row.batch}`)), context).toEqual(new Set(engine.startsByBatch.keys()));

      // Work that ran on while the console was down was learned by asking the Engine.
      expect(lostEvents, context).toBeGreaterThan(0);
      expect(engine.stats.queries, context).toBeGreaterThan(0);
      expect(transitions.filter((row) => row.reason?.includes('learned by asking the Engine after a restart')).length, context).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  }, 90_000);
});
