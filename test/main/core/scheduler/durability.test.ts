import { afterEach, describe, expect, it } from 'vitest';
import { SchedulerState } from '../../../../src/main/core/scheduler/state';
import { SchedulerError } from '../../../../src/main/core/scheduler/errors';
import { loadTask } from '../../../../src/main/core/scheduler/load';
import { Scheduler } from '../../../../src/main/core/scheduler/scheduler';
import { flushStep, Step } from '../../../../src/main/core/scheduler/step';
import { systemClock } from '../../../../src/main/core/scheduler/timers';
import { transition } from '../../../../src/main/core/scheduler/transitions';
import type { Store } from '../../../../src/main/core/store/store';
import type { TaskChange } from '../../../../src/shared/task/changes';
import { ManualEngine, statusEvent } from '../../../helpers/manual-engine';
import { harness, recordingLogger, waitForTask, waitUntil, workflow, type Harness } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';

let h: Harness | undefined;
let store: Store | undefined;
afterEach(() => {
  h?.close();
  store?.close();
  h = undefined;
  store = undefined;
});

function countersMatch(db: Store, taskId: string): void {
  const task = db.first(db.kysely.selectFrom('deduction_task').selectAll().where('id', '=', taskId))!;
  const counts = Object.fromEntries(
    db.db
      .prepare(`SELECT status, count(*) AS n FROM workflow_node WHERE task_id = ? GROUP BY status`)
      .raw()
      .all(BigInt(taskId))
      .map((row) => [String((row as unknown[])[0]), Number((row as unknown[])[1])]),
  ) as Record<string, number>;
  expect({
    completed: task.completed_nodes,
    failed: task.failed_nodes,
    running: task.running_nodes,
    skipped: task.skipped_nodes,
    total: task.total_nodes,
  }).toEqual({
    completed: counts.completed ?? 0,
    failed: counts.failed ?? 0,
    running: (counts.running ?? 0) + (counts.initializing ?? 0),
    skipped: counts.skipped ?? 0,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
  });
}

/** Each node's transitions, in order, form a chain from creation to its current status. */
function chainsAreValid(db: Store, taskId: string): void {
  const rows = db.all(db.kysely.selectFrom('node_state_transition').select(['node_id', 'from_status', 'to_status']).where('task_id', '=', taskId).orderBy('id'));
  const last = new Map<string, string | null>();
  for (const row of rows) {
    const previous = last.has(row.node_id) ? last.get(row.node_id)! : undefined;
    if (previous === undefined) expect(row.from_status, `first transition of ${row.node_id}`).toBeNull();
    else expect(row.from_status, `transition of ${row.node_id} after ${previous}`).toBe(previous);
    last.set(row.node_id, row.to_status);
  }
  const nodes = db.all(db.kysely.selectFrom('workflow_node').select(['node_id', 'status']).where('task_id', '=', taskId));
  for (const node of nodes) expect(last.get(node.node_id), `last transition of ${node.node_id}`).toBe(node.status);
}

describe('durability', () => {
  it('keeps the task counters equal to the node statuses at every commit, and every node a valid chain of transitions', async () => {
    h = await harness({
      script: { flaky: { failTimes: 2, durationMs: 3 }, broken: { outcome: 'failed' }, slow: { durationMs: 15 } },
      defaultScript: { durationMs: 2 },
    });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'phase', nodeType: 'container' },
        { nodeId: 'flaky', parentId: 'phase', retry: { maxRetries: 3, backoff: { initialMs: 5, factor: 2, maxMs: 20 } } },
        { nodeId: 'broken', parentId: 'phase' },
        { nodeId: 'slow', parentId: 'phase' },
        { nodeId: 'skipped-by-failure', dependencies: [{ sourceNodeId: 'broken', type: 'success' }] },
        { nodeId: 'handler', dependencies: [{ sourceNodeId: 'broken', type: 'failure' }] },
        { nodeId: 'after-phase', dependencies: [{ sourceNodeId: 'phase', type: 'finish' }] },
        { nodeId: 'inactive', activation: false },
        ...Array.from({ length: 20 }, (_, i) => ({ nodeId: `w${i}`, dependencies: [{ sourceNodeId: 'slow', type: 'success' as const }] })),
      ]),
    );
    let commits = 0;
    const db = h.store;
    h.scheduler.onChange((changes) => {
      if (!changes.some((change) => change.taskId === task_id)) return;
      commits++;
      countersMatch(db, task_id);
    });
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    expect(commits).toBeGreaterThan(5);
    countersMatch(h.store, task_id);
    chainsAreValid(h.store, task_id);
    const flaky = h.store.all(h.store.kysely.selectFrom('node_execution').select(['batch', 'status']).where('task_id', '=', task_id).where('node_id', '=', 'flaky').orderBy('batch'));
    expect(flaky).toEqual([
      { batch: 1, status: 'failed' },
      { batch: 2, status: 'failed' },
      { batch: 3, status: 'completed' },
    ]);
  });

  it('refuses an illegal transition: it is logged, thrown, and nothing of it is applied', async () => {
    store = await openTestStore();
    const logger = recordingLogger();
    const scheduler = new Scheduler({ store, engine: new ManualEngine(), logger });
    const { task_id } = scheduler.createTask(workflow([{ nodeId: 'a' }]));
    scheduler.close();
    const core = new SchedulerState(store, new ManualEngine(), systemClock, logger);
    const task = loadTask(store, task_id)!;
    const node = task.nodes.get('a')!;
    const step = new Step(Date.now());
    const db = store;
    expect(() =>
      db.transaction(() => {
        transition(core, step, node, 'completed', 'system', 'jumping ahead');
        flushStep(core.statements, step);
      }),
    ).toThrow(SchedulerError);
    expect(logger.errors).toEqual([`illegal transition of agent a (task ${task_id}): pending → completed (jumping ahead)`]);
    expect(node.status).toBe('pending');
    expect(step.transitions).toEqual([]);
    expect(store.first(store.kysely.selectFrom('workflow_node').select('status').where('task_id', '=', task_id).where('node_id', '=', 'a'))!.status).toBe('pending');
    expect(Number(store.db.prepare('SELECT count(*) FROM node_state_transition WHERE to_status = ?').pluck().get('completed'))).toBe(0);
  });

  it('ingests a batch of Engine events in one transaction and reports each changed node once per commit', async () => {
    store = await openTestStore();
    const engine = new ManualEngine();
    const scheduler = new Scheduler({ store, engine, logger: recordingLogger() });
    const agents = Array.from({ length: 30 }, (_, i) => ({ nodeId: `a${i}` }));
    const { task_id } = scheduler.createTask(workflow([...agents, { nodeId: 'last', dependencies: agents.map((agent) => ({ sourceNodeId: agent.nodeId, type: 'success' as const })) }]));
    await scheduler.startTask(task_id);
    engine.emit([statusEvent(task_id, 'root', 1, 'running')]);
    await waitUntil(scheduler, () => engine.starts().length === 30);

    const db = store;
    const original = db.transaction.bind(db);
    let transactions = 0;
    (db as { transaction: Store['transaction'] }).transaction = <T>(fn: () => T): T => {
      if (!db.db.inTransaction) transactions++;
      return original(fn);
    };
    const changes: TaskChange[][] = [];
    scheduler.onChange((change) => changes.push(change));
    engine.emit(agents.flatMap((agent) => [statusEvent(task_id, agent.nodeId, 1, 'running'), statusEvent(task_id, agent.nodeId, 1, 'completed', { result: { ok: true } })]));
    expect(transactions).toBe(1);
    expect(changes).toHaveLength(1);
    const nodes = changes[0]![0]!.nodes;
    expect(new Set(nodes.map((node) => node.nodeId)).size).toBe(nodes.length);
    expect(nodes.filter((node) => node.status === 'completed')).toHaveLength(30);
    expect(changes[0]![0]!.task).toMatchObject({ completedNodes: 30, runningNodes: expect.any(Number) });
    expect(engine.starts()).toContain('last#1');
    scheduler.close();
  });

  it('ignores events about older batches and repeats of events already applied', async () => {
    store = await openTestStore();
    const engine = new ManualEngine();
    const scheduler = new Scheduler({ store, engine, logger: recordingLogger() });
    const { task_id } = scheduler.createTask(workflow([{ nodeId: 'a', retry: { maxRetries: 1, backoff: { initialMs: 0 } } }]));
    await scheduler.startTask(task_id);
    engine.emit([statusEvent(task_id, 'root', 1, 'running')]);
    await waitUntil(scheduler, () => engine.starts().includes('a#1'));
    engine.emit([statusEvent(task_id, 'a', 1, 'failed', { errorCode: 'AGENT_ERROR' })]);
    await waitUntil(scheduler, () => engine.starts().includes('a#2'));
    engine.emit([statusEvent(task_id, 'a', 1, 'completed'), statusEvent(task_id, 'a', 1, 'failed')]);
    expect(scheduler.queryNodes(task_id).find((node) => node.nodeId === 'a')).toMatchObject({ status: 'running', batch: 2 });
    engine.emit([statusEvent(task_id, 'a', 2, 'completed', { result: 1 }), statusEvent(task_id, 'a', 2, 'failed')]);
    expect(await waitForTask(scheduler, store, task_id)).toBe('completed');
    expect(scheduler.queryNodes(task_id).find((node) => node.nodeId === 'a')).toMatchObject({ status: 'completed', batch: 2, result: 1 });
    expect(scheduler.stats().eventsIgnored).toBeGreaterThanOrEqual(3);
    scheduler.close();
  });
});
