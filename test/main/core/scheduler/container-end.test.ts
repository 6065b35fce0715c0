import { afterEach, describe, expect, it } from 'vitest';
import { TestEngine } from '../../../helpers/test-engine';
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

describe('container timeoutMs', () => {
  it('stops what runs inside, skips what has not started, and ends the container timed out', async () => {
    h = await harness({ script: { slow: { durationMs: 4_000 } } });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'box', nodeType: 'container', timeoutMs: 500 },
        { nodeId: 'inner', nodeType: 'container', parentId: 'box' },
        { nodeId: 'slow', parentId: 'inner' },
        { nodeId: 'later', parentId: 'box', dependencies: [{ sourceNodeId: 'inner', type: 'success' }] },
        { nodeId: 'after', dependencies: [{ sourceNodeId: 'box', type: 'failure' }] },
      ]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    expect(nodeStatuses(h.store, task_id)).toEqual({ root: 'failed', box: 'failed', inner: 'stopped', slow: 'stopped', later: 'skipped', after: 'completed' });
    const [box] = executions(h.store, task_id, 'box');
    expect(box).toMatchObject({ batch: 1, status: 'timeout', error_code: 'TIMEOUT' });
    // Ended by its own deadline, long before the agent inside would have.
    expect(box!.end_time! - box!.start_time!).toBeGreaterThanOrEqual(500);
    expect(box!.end_time! - box!.start_time!).toBeLessThan(4_000);
    expect(executions(h.store, task_id, 'slow')).toMatchObject([{ batch: 1, status: 'stopped', error_code: 'TIMEOUT' }]);
    expect(transitions(h.store, task_id, 'box').at(-1)).toMatchObject({ from_status: 'running', to_status: 'failed', trigger_type: 'timeout', reason: 'timed out: no end within 500 ms' });
    expect(transitions(h.store, task_id, 'slow').at(-1)).toMatchObject({ to_status: 'stopped', trigger_type: 'timeout' });
    expect(h.scheduler.queryNodes(task_id, { status: 'skipped' }).map((node) => [node.nodeId, node.errorCode])).toEqual([['later', 'CONTAINER_NOT_RUN']]);
    expect(h.engine.log).toEqual(expect.arrayContaining(['stop slow#1', 'stop inner#1', 'stop box#1']));
    expect(h.engine.log.indexOf('stop slow#1')).toBeLessThan(h.engine.log.indexOf('stop box#1'));
  });

  it('counts a new deadline for every batch: a timed-out container is retried and its second attempt completes', async () => {
    h = await harness({ script: (command, attempt) => (command.nodeId === 'slow' ? { durationMs: attempt === 1 ? 4_000 : 0 } : undefined) });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'box', nodeType: 'container', timeoutMs: 300, retry: { maxRetries: 1, backoff: { initialMs: 10 } } },
        { nodeId: 'slow', parentId: 'box' },
      ]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(executions(h.store, task_id, 'box').map((run) => [run.batch, run.status, run.error_code])).toEqual([
      [1, 'timeout', 'TIMEOUT'],
      [2, 'completed', null],
    ]);
    expect(executions(h.store, task_id, 'slow').map((run) => [run.batch, run.status])).toEqual([
      [1, 'stopped'],
      [2, 'completed'],
    ]);
    const retry = transitions(h.store, task_id, 'box').find((row) => row.to_status === 'ready' && row.from_status === 'running')!;
    expect(retry).toMatchObject({ trigger_type: 'timeout', batch: 1 });
    expect(retry.reason).toBe('attempt 1 timed out (TIMEOUT: no end within 300 ms); retry 1 of 1 in 10 ms');
  });
});

describe('container retry', () => {
  it('reruns the whole subtree as new batches, containers initialized again, and succeeds on the second attempt', async () => {
    h = await harness({ script: { flaky: { failTimes: 1 } }, defaultScript: { durationMs: 2 } });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'box', nodeType: 'container', retry: { maxRetries: 2, backoff: { initialMs: 20 } } },
        { nodeId: 'inner', nodeType: 'container', parentId: 'box' },
        { nodeId: 'prepare', parentId: 'inner' },
        { nodeId: 'flaky', parentId: 'box', dependencies: [{ sourceNodeId: 'inner', type: 'success' }] },
        { nodeId: 'next', dependencies: [{ sourceNodeId: 'box', type: 'success' }] },
      ]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(nodeStatuses(h.store, task_id)).toEqual({ root: 'completed', box: 'completed', inner: 'completed', prepare: 'completed', flaky: 'completed', next: 'completed' });
    expect(executions(h.store, task_id, 'box').map((run) => [run.batch, run.status, run.error_code])).toEqual([
      [1, 'failed', 'CHILD_FAILED'],
      [2, 'completed', null],
    ]);
    expect(executions(h.store, task_id, 'flaky').map((run) => [run.batch, run.status])).toEqual([
      [1, 'failed'],
      [2, 'completed'],
    ]);
    expect(executions(h.store, task_id, 'prepare').map((run) => run.batch)).toEqual([1, 2]);
    const log = h.engine.log;
    const order = ['init box#1', 'start flaky#1', 'stop box#1', 'init box#2', 'init inner#2', 'start prepare#2', 'start flaky#2', 'start next#1'];
    expect(order.map((entry) => log.indexOf(entry))).toEqual([...order.map((entry) => log.indexOf(entry))].sort((a, b) => a - b));
    expect(order.every((entry) => log.includes(entry))).toBe(true);
    const retry = transitions(h.store, task_id, 'box').find((row) => row.to_status === 'ready' && row.from_status === 'running')!;
    expect(retry).toMatchObject({ trigger_type: 'error', batch: 1 });
    expect(retry.reason).toBe('attempt 1 failed (CHILD_FAILED: 1 of 2 children failed: flaky); retry 1 of 2 in 20 ms');
    expect(transitions(h.store, task_id, 'prepare').filter((row) => row.to_status === 'pending').map((row) => row.reason)).toContain('reset: retry 1 of its container box');
    // The node after the container waited for its final outcome; it never saw the failed attempt.
    expect(transitions(h.store, task_id, 'next').map((row) => row.to_status)).toEqual(['pending', 'waiting', 'ready', 'running', 'completed']);
  });

  it('fails the container once its retries are spent, and says how many it took', async () => {
    h = await harness({ script: { doomed: { outcome: 'failed' } } });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'box', nodeType: 'container', retry: { maxRetries: 1, backoff: { initialMs: 1 } } },
        { nodeId: 'doomed', parentId: 'box' },
      ]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    expect(executions(h.store, task_id, 'box').map((run) => run.status)).toEqual(['failed', 'failed']);
    expect(executions(h.store, task_id, 'doomed').map((run) => run.status)).toEqual(['failed', 'failed']);
    expect(transitions(h.store, task_id, 'box').at(-1)).toMatchObject({ to_status: 'failed', batch: 2, reason: '1 of 1 children failed: doomed after 1 retry' });
  });

  it('counts a container’s retries already spent after a restart instead of starting over', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    const engine = new TestEngine({ script: { doomed: { outcome: 'failed' } } });
    const first = new Scheduler({ store, engine, logger: recordingLogger() });
    const { task_id } = first.createTask(
      workflow([
        { nodeId: 'box', nodeType: 'container', retry: { maxRetries: 2, backoff: { initialMs: 150, factor: 1 } } },
        { nodeId: 'doomed', parentId: 'box' },
      ]),
    );
    await first.startTask(task_id);
    await waitUntil(first, () => executions(store, task_id, 'box').length === 2 && executions(store, task_id, 'box')[1]!.status === 'failed');
    first.close();
    store.close();

    const reopened = await openTestStore(dir);
    const second = new Scheduler({ store: reopened, engine, logger: recordingLogger() });
    try {
      await second.recover();
      expect(await waitForTask(second, reopened, task_id)).toBe('failed');
      expect(executions(reopened, task_id, 'box').map((run) => run.batch)).toEqual([1, 2, 3]);
      expect(transitions(reopened, task_id, 'box').at(-1)!.reason).toMatch(/after 2 retries$/);
    } finally {
      second.close();
      engine.close();
      reopened.close();
    }
  });

  it('times out a container that was running when the console restarted, from its stored start', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    const engine = new TestEngine({ script: { slow: { durationMs: 10_000 } } });
    const first = new Scheduler({ store, engine, logger: recordingLogger() });
    const { task_id } = first.createTask(workflow([{ nodeId: 'box', nodeType: 'container', timeoutMs: 400 }, { nodeId: 'slow', parentId: 'box' }]));
    await first.startTask(task_id);
    await waitUntil(first, () => nodeStatuses(store, task_id)['slow'] === 'running');
    first.close();
    store.close();

    const reopened = await openTestStore(dir);
    const second = new Scheduler({ store: reopened, engine, logger: recordingLogger() });
    try {
      await second.recover();
      expect(await waitForTask(second, reopened, task_id)).toBe('failed');
      expect(executions(reopened, task_id, 'box')).toMatchObject([{ batch: 1, status: 'timeout', error_code: 'TIMEOUT' }]);
      expect(nodeStatuses(reopened, task_id)['slow']).toBe('stopped');
    } finally {
      second.close();
      engine.close();
      reopened.close();
    }
  });

  it('retries a container whose initialization the Engine refused', async () => {
    let refusals = 0;
    h = await harness({ refuse: (name, payload) => (name === 'initContainer' && (payload as { nodeId: string }).nodeId === 'box' && refusals++ === 0 ? 'INTERNAL' : undefined) });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'box', nodeType: 'container', retry: { maxRetries: 1, backoff: { initialMs: 1 } } },
        { nodeId: 'a', parentId: 'box' },
      ]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(executions(h.store, task_id, 'box').map((run) => [run.batch, run.status])).toEqual([
      [1, 'failed'],
      [2, 'completed'],
    ]);
    expect(transitions(h.store, task_id, 'box').some((row) => row.from_status === 'initializing' && row.to_status === 'ready' && row.trigger_type === 'error')).toBe(true);
    expect(executions(h.store, task_id, 'a').map((run) => run.batch)).toEqual([1]);
  });
});

describe('createTask against the Engines’ catalog', () => {
  it('refuses an http node without url before anything is stored, naming the node', async () => {
    const http = { agentLoad: 'http', kind: 'http' as const, name: 'HTTP call', configSchema: { type: 'object', required: ['url'] } };
    h = await harness({ catalog: [http] });
    const definition = workflow([{ nodeId: 'probe', agentLoad: 'http', agentConfig: { method: 'GET' } }]);
    expect(() => h!.scheduler.createTask(definition)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: 'The workflow is not valid: 1 error; first: node "probe" › agentConfig.url: the "http" agent "probe" needs agentConfig.url, which its manifest requires' }),
    );
    expect(h.store.all(h.store.kysely.selectFrom('deduction_task').select('id'))).toEqual([]);
    expect(h.scheduler.createTask(workflow([{ nodeId: 'probe', agentLoad: 'http', agentConfig: { url: 'http://127.0.0.1:1/' } }])).task_id).toMatch(/^\d+$/);
  });
});
