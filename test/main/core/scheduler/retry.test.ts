import { afterEach, describe, expect, it } from 'vitest';
import { TestEngine } from '../../../helpers/test-engine';
import { backoffDelay, retryDecision } from '../../../../src/main/core/scheduler/retry';
import { Scheduler } from '../../../../src/main/core/scheduler/scheduler';
import type { Store } from '../../../../src/main/core/store/store';
import { harness, nodeStatuses, recordingLogger, waitForTask, waitUntil, workflow, type Harness } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

const executions = (store: Store, taskId: string, nodeId: string) =>
  store.all(
    store.kysely
      .selectFrom('node_execution')
      .select(['batch', 'status', 'error_code', 'start_time', 'end_time'])
      .where('task_id', '=', taskId)
      .where('node_id', '=', nodeId)
      .orderBy('batch'),
  );

const transitions = (store: Store, taskId: string, nodeId: string) =>
  store.all(
    store.kysely
      .selectFrom('node_state_transition')
      .select(['from_status', 'to_status', 'trigger_type', 'reason', 'batch'])
      .where('task_id', '=', taskId)
      .where('node_id', '=', nodeId)
      .orderBy('id'),
  );

describe('retry policy', () => {
  it('waits initialMs·factorⁿ⁻¹ capped at maxMs, with the schema defaults where the policy is silent', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay({ initialMs: 100, factor: 3, maxMs: 2_000 }, n))).toEqual([100, 300, 900, 2_000, 2_000]);
    expect([1, 2, 3].map((n) => backoffDelay(undefined, n))).toEqual([1_000, 2_000, 4_000]);
    expect(retryDecision(undefined, 0)).toEqual({ retry: false });
    expect(retryDecision({ maxRetries: 2 }, 1)).toEqual({ retry: true, retryNumber: 2, delayMs: 2_000 });
    expect(retryDecision({ maxRetries: 2 }, 2)).toEqual({ retry: false });
  });
});

describe('retries', () => {
  it('runs each attempt as a new execution batch after its backoff, until one succeeds', async () => {
    h = await harness({ script: { flaky: { failTimes: 2 } } });
    const { task_id } = h.scheduler.createTask(
      workflow([{ nodeId: 'flaky', retry: { maxRetries: 3, backoff: { initialMs: 40, factor: 2, maxMs: 1_000 } } }, { nodeId: 'next', dependencies: [{ sourceNodeId: 'flaky', type: 'success' }] }]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    const runs = executions(h.store, task_id, 'flaky');
    expect(runs.map((run) => [run.batch, run.status, run.error_code])).toEqual([
      [1, 'failed', 'SIMULATED_FAILURE'],
      [2, 'failed', 'SIMULATED_FAILURE'],
      [3, 'completed', null],
    ]);
    expect(runs[1]!.start_time! - runs[0]!.end_time!).toBeGreaterThanOrEqual(40);
    expect(runs[2]!.start_time! - runs[1]!.end_time!).toBeGreaterThanOrEqual(80);
    const retriesWritten = transitions(h.store, task_id, 'flaky').filter((row) => row.from_status === 'running' && row.to_status === 'ready');
    expect(retriesWritten.map((row) => [row.trigger_type, row.batch])).toEqual([
      ['error', 1],
      ['error', 2],
    ]);
    expect(retriesWritten[0]!.reason).toMatch(/attempt 1 failed \(SIMULATED_FAILURE: scripted failure 1 of 2\); retry 1 of 3 in 40 ms/);
    expect(h.engine.log.filter((entry) => entry.startsWith('start flaky'))).toEqual(['start flaky#1', 'start flaky#2', 'start flaky#3']);
  });

  it('fails the node once its retries are spent, and its dependents are skipped', async () => {
    h = await harness({ script: { doomed: { outcome: 'failed', errorCode: 'EXIT_CODE', errorMessage: 'exit 3' } } });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'doomed', retry: { maxRetries: 2, backoff: { initialMs: 1 } } }, { nodeId: 'next', dependencies: [{ sourceNodeId: 'doomed', type: 'success' }] }]));
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    expect(executions(h.store, task_id, 'doomed').map((run) => run.status)).toEqual(['failed', 'failed', 'failed']);
    const last = transitions(h.store, task_id, 'doomed').at(-1)!;
    expect(last).toMatchObject({ from_status: 'running', to_status: 'failed', trigger_type: 'error', batch: 3 });
    expect(last.reason).toBe('attempt 3 failed (EXIT_CODE: exit 3) after 2 retries');
    expect(nodeStatuses(h.store, task_id)).toMatchObject({ doomed: 'failed', next: 'skipped' });
    expect(h.scheduler.queryNodes(task_id)).toContainEqual(expect.objectContaining({ nodeId: 'doomed', errorCode: 'EXIT_CODE', errorMessage: 'exit 3', batch: 3 }));
  });

  it('times an execution out on its own clock, stops it on the Engine, then retries or fails', async () => {
    h = await harness({ script: { stuck: { outcome: 'hang' } }, enforceTimeouts: false });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'stuck', timeoutMs: 60, retry: { maxRetries: 1, backoff: { initialMs: 1 } } }]));
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    const runs = executions(h.store, task_id, 'stuck');
    expect(runs.map((run) => [run.batch, run.status, run.error_code])).toEqual([
      [1, 'timeout', 'TIMEOUT'],
      [2, 'timeout', 'TIMEOUT'],
    ]);
    for (const run of runs) expect(run.end_time! - run.start_time!).toBeGreaterThanOrEqual(60);
    expect(transitions(h.store, task_id, 'stuck').filter((row) => row.trigger_type === 'timeout').map((row) => row.to_status)).toEqual(['ready', 'failed']);
    expect(h.engine.log).toEqual(expect.arrayContaining(['stop stuck#1', 'stop stuck#2']));
  });

  it('takes a timeout the Engine reports like its own', async () => {
    h = await harness({ script: { slow: { durationMs: 5_000 } } });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'slow', timeoutMs: 50 }]));
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    expect(executions(h.store, task_id, 'slow').map((run) => [run.status, run.error_code])).toEqual([['timeout', 'TIMEOUT']]);
  });

  it('counts retries already spent after a restart instead of starting over', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    const engine = new TestEngine({ script: { flaky: { outcome: 'failed' } } });
    const first = new Scheduler({ store, engine, logger: recordingLogger() });
    const { task_id } = first.createTask(workflow([{ nodeId: 'flaky', retry: { maxRetries: 2, backoff: { initialMs: 150, factor: 1 } } }]));
    await first.startTask(task_id);
    await waitUntil(first, () => executions(store, task_id, 'flaky').length === 2 && executions(store, task_id, 'flaky')[1]!.status === 'failed');
    first.close();
    store.close();

    const reopened = await openTestStore(dir);
    const second = new Scheduler({ store: reopened, engine, logger: recordingLogger() });
    try {
      await second.recover();
      expect(await waitForTask(second, reopened, task_id)).toBe('failed');
      expect(executions(reopened, task_id, 'flaky').map((run) => run.batch)).toEqual([1, 2, 3]);
      expect(transitions(reopened, task_id, 'flaky').at(-1)!.reason).toMatch(/after 2 retries$/);
    } finally {
      second.close();
      engine.close();
      reopened.close();
    }
  });

  it('puts a node the Engine refuses for lack of capacity back in the queue without spending a retry', async () => {
    let refusals = 1;
    h = await harness({ refuse: (name) => (name === 'startNode' && refusals-- > 0 ? 'AT_CAPACITY' : undefined) });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'a' }]));
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(executions(h.store, task_id, 'a').map((run) => [run.batch, run.status, run.error_code])).toEqual([
      [1, 'failed', 'AT_CAPACITY'],
      [2, 'completed', null],
    ]);
    expect(transitions(h.store, task_id, 'a').some((row) => row.from_status === 'running' && row.to_status === 'ready' && row.trigger_type === 'system')).toBe(true);
  });

  it('fails a node whose start the Engine refuses outright, with the Engine code', async () => {
    h = await harness({ refuse: (name) => (name === 'startNode' ? 'UNSUPPORTED_AGENT' : undefined) });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'a' }]));
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    expect(h.scheduler.queryNodes(task_id).find((node) => node.nodeId === 'a')).toMatchObject({
      status: 'failed',
      errorCode: 'UNSUPPORTED_AGENT',
      errorMessage: 'the Engine did not start it: refused startNode by script',
    });
  });
});
