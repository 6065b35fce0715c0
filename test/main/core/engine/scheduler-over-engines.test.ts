import { afterEach, describe, expect, it } from 'vitest';
import { EngineBalancer } from '../../../../src/main/core/engine/engine-balancer';
import { startEmbeddedEngine, type EmbeddedEngine } from '../../../../src/main/core/engine/embedded-engine';
import { attachEventIngest } from '../../../../src/main/core/engine/ingest-events';
import { Scheduler } from '../../../../src/main/core/scheduler/scheduler';
import type { Store } from '../../../../src/main/core/store/store';
import { EventLog, recordingLogger, until, useEngines } from '../../../helpers/engine';
import { nodeStatuses, waitForTask, workflow } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';

const engines = useEngines();
let scheduler: Scheduler | undefined;
let embedded: EmbeddedEngine | undefined;
let balancer: EngineBalancer | undefined;
let store: Store | undefined;
afterEach(async () => {
  scheduler?.close();
  await balancer?.close();
  await embedded?.close();
  store?.close();
  scheduler = undefined;
  balancer = undefined;
  embedded = undefined;
  store = undefined;
});

const executions = (taskId: string) =>
  store!.all(
    store!.kysely.selectFrom('node_execution').select(['node_id', 'batch', 'status', 'engine_id', 'error_code']).where('task_id', '=', taskId).orderBy('node_id').orderBy('batch'),
  );

describe('a workflow run by the scheduler through the Engine protocol', () => {
  it('runs on the embedded Engine: containers, a dependency chain, a retry, a process agent; logs ingested, Engine recorded', async () => {
    store = await openTestStore();
    embedded = await startEmbeddedEngine({ store, logger: recordingLogger() });
    attachEventIngest(embedded.client, store, recordingLogger());
    const logger = recordingLogger();
    scheduler = new Scheduler({ store, engine: embedded.client, logger });
    const created = scheduler.createTask(
      workflow([
        { nodeId: 'phase', nodeType: 'container', containerConfig: { env: { PHASE: 'one' } } },
        { nodeId: 'red', parentId: 'phase', agentLoad: 'red-team', agentConfig: { durationMs: 50, logLinesPerSecond: 100 } },
        { nodeId: 'blue', parentId: 'phase', agentLoad: 'blue-team', agentConfig: { durationMs: 50, failTimes: 1 }, retry: { maxRetries: 2, backoff: { initialMs: 10 } } },
        { nodeId: 'report', agentLoad: 'script', agentConfig: { interpreter: 'node', script: "console.log('::result {\"reported\":true}')" }, dependencies: [{ sourceNodeId: 'phase', type: 'success' }] },
      ]),
    );
    await scheduler.startTask(created.task_id);
    expect(await waitForTask(scheduler, store, created.task_id)).toBe('completed');
    expect(nodeStatuses(store, created.task_id)).toEqual({ root: 'completed', phase: 'completed', red: 'completed', blue: 'completed', report: 'completed' });
    expect(executions(created.task_id).map((row) => `${row.node_id}#${row.batch}:${row.status}:${row.engine_id}`)).toEqual([
      'blue#1:failed:embedded',
      'blue#2:completed:embedded',
      'phase#1:completed:embedded',
      'red#1:completed:embedded',
      'report#1:completed:embedded',
      'root#1:completed:embedded',
    ]);
    const lines = Number(store.db.prepare(`SELECT count(*) FROM node_execution_log WHERE task_id = ? AND node_id = 'red'`).pluck().get(BigInt(created.task_id)));
    expect(lines).toBe(5);
    expect(logger.messages('error')).toEqual([]);
  });

  it('over three Engines: an Engine lost mid-run fails its node with ENGINE_LOST and the retry runs elsewhere', async () => {
    store = await openTestStore();
    const started = await Promise.all(['e1', 'e2', 'e3'].map((id) => engines.engine({ id, catalogDir: null })));
    const proxies = await Promise.all(started.map((engine) => engines.proxy(engine.port)));
    const clients = proxies.map((proxy, index) => engines.client(proxy.url, { name: `engine-${index + 1}`, store, lostAfterMs: 400 }));
    await Promise.all(clients.map((client) => client.connect()));
    balancer = new EngineBalancer(clients.map((client) => ({ client, weight: 1 })), 'round_robin', { logger: recordingLogger() });
    const log = new EventLog(balancer);
    scheduler = new Scheduler({ store, engine: balancer, logger: recordingLogger() });
    const agents = ['a', 'b', 'c', 'd', 'e', 'f'];
    const created = scheduler.createTask(
      workflow(agents.map((nodeId) => ({ nodeId, agentConfig: { durationMs: 3000 }, retry: { maxRetries: 1, backoff: { initialMs: 10 } } }))),
    );
    await scheduler.startTask(created.task_id);
    await log.waitFor(() => log.statuses().filter((event) => event.status === 'running' && event.nodeId !== 'root').length === agents.length, 15_000, 'all agents running');
    proxies[1]!.block();
    await until((wake) => log.onBatch(wake), () => log.statuses().some((event) => event.errorCode === 'ENGINE_LOST'), 15_000, 'ENGINE_LOST');
    expect(await waitForTask(scheduler, store, created.task_id)).toBe('completed');

    const rows = executions(created.task_id);
    const lost = rows.filter((row) => row.error_code === 'ENGINE_LOST');
    expect(lost.length).toBeGreaterThanOrEqual(1);
    expect(lost.every((row) => row.engine_id === 'e2' && row.status === 'failed' && row.batch === 1)).toBe(true);
    for (const row of lost) {
      const retry = rows.find((other) => other.node_id === row.node_id && other.batch === 2);
      expect(retry).toMatchObject({ status: 'completed' });
      expect(['e1', 'e3']).toContain(retry!.engine_id);
    }
    expect(new Set(rows.filter((row) => row.batch === 1).map((row) => row.engine_id))).toEqual(new Set(['e1', 'e2', 'e3']));
    expect(nodeStatuses(store, created.task_id)).toEqual(Object.fromEntries([['root', 'completed'], ...agents.map((nodeId) => [nodeId, 'completed'])]));
  });
});
