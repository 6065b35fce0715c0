import { afterEach, describe, expect, it } from 'vitest';
import type { StartNodeCommand } from '../../../../src/shared/engine/protocol';
import { SchedulerError } from '../../../../src/main/core/scheduler/errors';
import { ApiError } from '../../../../src/shared/api/errors';
import type { Store } from '../../../../src/main/core/store/store';
import { harness, nodeStatuses, taskStatus, waitForTask, waitUntil, workflow, type Harness } from '../../../helpers/scheduler';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

const nodeRow = (store: Store, taskId: string, nodeId: string) =>
  store.first(store.kysely.selectFrom('workflow_node').selectAll().where('task_id', '=', taskId).where('node_id', '=', nodeId))!;

const userRows = (store: Store, taskId: string) =>
  store.all(
    store.kysely
      .selectFrom('node_state_transition')
      .select(['node_id', 'from_status', 'to_status', 'reason', 'operator'])
      .where('task_id', '=', taskId)
      .where('trigger_type', '=', 'user')
      .orderBy('id'),
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** First attempt of the named nodes hangs until stopped; later attempts complete at once. */
const hangOnce = (names: string[]) => (command: StartNodeCommand, attempt: number) => (names.includes(command.nodeId) && attempt === 1 ? { outcome: 'hang' as const } : undefined);

/** Refused with a code, the English message, and the reason (key and params) the window words. */
function refused(run: () => unknown, code: string, message: RegExp, reason: { key: string; params: Record<string, string | number> }): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SchedulerError);
  expect((caught as SchedulerError).code).toBe(code);
  expect((caught as SchedulerError).message).toMatch(message);
  expect((caught as SchedulerError).reason).toEqual(reason);
}

/** A task or node that does not exist: the same NOT_FOUND ApiError that reading tasks gives. */
function notFound(run: () => unknown, message: RegExp, reason: { key: string; params: Record<string, string | number> }): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ApiError);
  expect((caught as ApiError).code).toBe('NOT_FOUND');
  expect((caught as ApiError).message).toMatch(message);
  expect((caught as ApiError).reason).toEqual(reason);
}

describe('operator controls', () => {
  it('pause holds new starts while running nodes finish; resume goes on; both recorded on the root', async () => {
    h = await harness({ script: { a: { durationMs: 40 } } });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'a' }, { nodeId: 'b', dependencies: [{ sourceNodeId: 'a', type: 'success' }] }]));
    await h.scheduler.startTask(task_id);
    await waitUntil(h.scheduler, () => nodeRow(h!.store, task_id, 'a').status === 'running');
    h.scheduler.pauseTask(task_id, 'alice');
    expect(taskStatus(h.store, task_id)).toBe('paused');
    await waitUntil(h.scheduler, () => nodeRow(h!.store, task_id, 'a').status === 'completed');
    await sleep(50);
    expect(nodeRow(h.store, task_id, 'b').status).toBe('ready');
    expect(h.engine.log).not.toContain('start b#1');
    h.scheduler.resumeTask(task_id, 'alice');
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(userRows(h.store, task_id)).toEqual([
      { node_id: 'root', from_status: 'running', to_status: 'running', reason: 'task paused: no new node starts', operator: 'alice' },
      { node_id: 'root', from_status: 'running', to_status: 'running', reason: 'task resumed', operator: 'alice' },
    ]);
  });

  it('stop task stops every running node, leaves the rest as it was and ends the task stopped', async () => {
    h = await harness({ defaultScript: { outcome: 'hang' } });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'a' }, { nodeId: 'b' }, { nodeId: 'c', dependencies: [{ sourceNodeId: 'a', type: 'success' }] }]));
    await h.scheduler.startTask(task_id);
    await waitUntil(h.scheduler, () => ['a', 'b'].every((id) => nodeRow(h!.store, task_id, id).status === 'running') && nodeRow(h!.store, task_id, 'c').status === 'waiting');
    h.scheduler.stopTask(task_id, 'bob', 'exercise called off');
    expect(taskStatus(h.store, task_id)).toBe('stopped');
    expect(nodeStatuses(h.store, task_id)).toEqual({ root: 'stopped', a: 'stopped', b: 'stopped', c: 'waiting' });
    expect(userRows(h.store, task_id).map((row) => [row.node_id, row.to_status, row.operator])).toEqual(
      expect.arrayContaining([
        ['a', 'stopped', 'bob'],
        ['b', 'stopped', 'bob'],
        ['root', 'stopped', 'bob'],
      ]),
    );
    const task = h.store.first(h.store.kysely.selectFrom('deduction_task').selectAll().where('id', '=', task_id))!;
    expect(task).toMatchObject({ running_nodes: 0, error_message: 'task stopped: exercise called off' });
    expect(task.end_time).not.toBeNull();
    await waitUntil(h.scheduler, () => h!.engine.log.includes(`stopTask ${task_id}`));
    const executions = h.store.all(h.store.kysely.selectFrom('node_execution').select(['node_id', 'status']).where('task_id', '=', task_id).where('node_id', 'in', ['a', 'b']).orderBy('node_id'));
    expect(executions).toEqual([
      { node_id: 'a', status: 'stopped' },
      { node_id: 'b', status: 'stopped' },
    ]);
  });

  it('stop node blocks its dependents; restart runs it again in a new batch and they follow', async () => {
    h = await harness({ script: hangOnce(['a']) });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'a' }, { nodeId: 'b', dependencies: [{ sourceNodeId: 'a', type: 'finish' }] }]));
    await h.scheduler.startTask(task_id);
    await waitUntil(h.scheduler, () => nodeRow(h!.store, task_id, 'a').status === 'running');
    h.scheduler.stopNode(task_id, 'a', 'alice', 'wrong target');
    expect(nodeRow(h.store, task_id, 'a')).toMatchObject({ status: 'stopped', error_code: 'STOPPED_BY_OPERATOR' });
    await sleep(30);
    expect(nodeRow(h.store, task_id, 'b').status).toBe('waiting');
    expect(taskStatus(h.store, task_id)).toBe('running');
    expect(h.engine.log).toContain('stop a#1');
    h.scheduler.restartNode(task_id, 'a', 'alice');
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(nodeRow(h.store, task_id, 'a')).toMatchObject({ status: 'completed', current_batch: 2 });
    expect(userRows(h.store, task_id).map((row) => [row.node_id, row.from_status, row.to_status, row.operator])).toEqual([
      ['a', 'running', 'stopped', 'alice'],
      ['a', 'stopped', 'ready', 'alice'],
    ]);
  });

  it('stopping a container stops what runs inside it; restarting it runs them again', async () => {
    h = await harness({ script: hangOnce(['x', 'y']) });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'box', nodeType: 'container' }, { nodeId: 'x', parentId: 'box' }, { nodeId: 'y', parentId: 'box' }]));
    await h.scheduler.startTask(task_id);
    await waitUntil(h.scheduler, () => nodeRow(h!.store, task_id, 'x').status === 'running' && nodeRow(h!.store, task_id, 'y').status === 'running');
    h.scheduler.stopNode(task_id, 'box', 'alice');
    expect(nodeStatuses(h.store, task_id)).toEqual({ root: 'running', box: 'stopped', x: 'stopped', y: 'stopped' });
    refused(() => h!.scheduler.restartNode(task_id, 'x', 'alice'), 'NOT_ALLOWED', /inside "box", which is stopped; restart "box" instead/, {
      key: 'node.restartBlocked',
      params: { nodeId: 'x', containerId: 'box', status: 'stopped' },
    });
    h.scheduler.restartNode(task_id, 'box', 'alice');
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect([nodeRow(h.store, task_id, 'box').current_batch, nodeRow(h.store, task_id, 'x').current_batch, nodeRow(h.store, task_id, 'y').current_batch]).toEqual([2, 2, 2]);
    expect(h.engine.log.indexOf('init box#2')).toBeLessThan(h.engine.log.indexOf('start x#2'));
  });

  it('skip decides a waiting node for good: success dependents are skipped, finish dependents run', async () => {
    h = await harness({ script: { slow: { durationMs: 60 } } });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'slow' },
        { nodeId: 'w', dependencies: [{ sourceNodeId: 'slow', type: 'success' }] },
        { nodeId: 'needs-w', dependencies: [{ sourceNodeId: 'w', type: 'success' }] },
        { nodeId: 'after-w', dependencies: [{ sourceNodeId: 'w', type: 'finish' }] },
      ]),
    );
    await h.scheduler.startTask(task_id);
    await waitUntil(h.scheduler, () => nodeRow(h!.store, task_id, 'w').status === 'waiting');
    h.scheduler.skipNode(task_id, 'w', 'dave');
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(nodeStatuses(h.store, task_id)).toEqual({ root: 'completed', slow: 'completed', w: 'skipped', 'needs-w': 'skipped', 'after-w': 'completed' });
    expect(nodeRow(h.store, task_id, 'w')).toMatchObject({ error_code: 'SKIPPED_BY_OPERATOR', error_message: 'skipped by dave' });
    expect(h.engine.log).not.toContain('start w#1');
  });

  it('skipping a failed node lets its containers and the task end completed', async () => {
    h = await harness({ script: { bad: { outcome: 'failed' } } });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'box', nodeType: 'container' }, { nodeId: 'bad', parentId: 'box' }, { nodeId: 'good', parentId: 'box' }]));
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    h.scheduler.skipNode(task_id, 'bad', 'erin');
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(nodeStatuses(h.store, task_id)).toEqual({ root: 'completed', box: 'completed', bad: 'skipped', good: 'completed' });
    const task = h.store.first(h.store.kysely.selectFrom('deduction_task').selectAll().where('id', '=', task_id))!;
    expect(task).toMatchObject({ failed_nodes: 0, skipped_nodes: 1, completed_nodes: 3, error_message: null });
  });

  it('rerun from a node gives it and everything downstream new batches, upstream untouched', async () => {
    h = await harness();
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'a' },
        { nodeId: 'b', dependencies: [{ sourceNodeId: 'a', type: 'success' }] },
        { nodeId: 'c', dependencies: [{ sourceNodeId: 'b', type: 'success' }] },
        { nodeId: 'side', dependencies: [{ sourceNodeId: 'a', type: 'success' }] },
      ]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(h.scheduler.rerunFrom(task_id, 'b', 'frank')).toBe(2);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(['a', 'b', 'c', 'side'].map((id) => nodeRow(h!.store, task_id, id).current_batch)).toEqual([1, 2, 2, 1]);
    expect(userRows(h.store, task_id).map((row) => [row.node_id, row.from_status, row.to_status, row.operator])).toEqual([
      ['root', 'completed', 'running', 'frank'],
      ['c', 'completed', 'pending', 'frank'],
      ['b', 'completed', 'ready', 'frank'],
    ]);
    expect(h.engine.log.indexOf('start b#2')).toBeLessThan(h.engine.log.indexOf('start c#2'));
  });

  it('retry all failed restarts every node that failed by itself and what was skipped because of it', async () => {
    h = await harness({ script: { f1: { failTimes: 1 }, f2: { failTimes: 1 } } });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'box', nodeType: 'container' },
        { nodeId: 'f1', parentId: 'box' },
        { nodeId: 'f2' },
        { nodeId: 'n1', dependencies: [{ sourceNodeId: 'f1', type: 'success' }] },
        { nodeId: 'n2', dependencies: [{ sourceNodeId: 'n1', type: 'success' }, { sourceNodeId: 'f2', type: 'success' }] },
      ]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    expect(nodeStatuses(h.store, task_id)).toEqual({ root: 'failed', box: 'failed', f1: 'failed', f2: 'failed', n1: 'skipped', n2: 'skipped' });
    expect(h.scheduler.retryFailed(task_id, 'gina')).toEqual({ restarted: ['f1', 'f2'], skipped: [{ nodeId: 'root', reason: 'childFailed' }, { nodeId: 'box', reason: 'childFailed' }] });
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(nodeStatuses(h.store, task_id)).toEqual({ root: 'completed', box: 'completed', f1: 'completed', f2: 'completed', n1: 'completed', n2: 'completed' });
    const rows = userRows(h.store, task_id).map((row) => `${row.node_id}:${row.from_status}>${row.to_status}`);
    expect(rows).toEqual(expect.arrayContaining(['f1:failed>ready', 'f2:failed>ready', 'box:failed>running', 'n1:skipped>pending', 'n2:skipped>pending']));
    expect(userRows(h.store, task_id).every((row) => row.operator === 'gina')).toBe(true);
  });

  it('approve and reject manual nodes through the Engine, recorded with the operator', async () => {
    h = await harness({
      catalog: [
        { agentLoad: 'approval', kind: 'manual', name: 'Approval' },
        { agentLoad: 'sim', kind: 'sim', name: 'Simulation' },
      ],
      script: { yes: { manual: true }, no: { manual: true }, auto: { outcome: 'hang' } },
    });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'yes', agentLoad: 'approval' }, { nodeId: 'no', agentLoad: 'approval' }, { nodeId: 'auto' }]));
    await h.scheduler.startTask(task_id);
    await waitUntil(h.scheduler, () => ['yes', 'no', 'auto'].every((id) => nodeRow(h!.store, task_id, id).status === 'running'));
    await expect(h.scheduler.decideManual(task_id, 'auto', { approved: true, operator: 'carol' })).rejects.toMatchObject({
      message: expect.stringMatching(/runs sim, a sim agent; only manual agents take an approval/),
      reason: { key: 'node.notManual', params: { nodeId: 'auto', agentLoad: 'sim', kind: 'sim' } },
    });
    await h.scheduler.decideManual(task_id, 'yes', { approved: true, operator: 'carol', comment: 'route is clear' });
    await h.scheduler.decideManual(task_id, 'no', { approved: false, operator: 'carol', comment: 'too risky' });
    expect(nodeRow(h.store, task_id, 'yes')).toMatchObject({ status: 'completed', result: JSON.stringify({ approved: true, operator: 'carol', comment: 'route is clear' }) });
    expect(nodeRow(h.store, task_id, 'no')).toMatchObject({ status: 'failed', error_code: 'REJECTED', error_message: 'rejected by carol: too risky' });
    expect(userRows(h.store, task_id).map((row) => [row.node_id, row.to_status, row.operator])).toEqual([
      ['yes', 'completed', 'carol'],
      ['no', 'failed', 'carol'],
    ]);
    expect(h.engine.log).toEqual(expect.arrayContaining(['decide yes#1', 'decide no#1']));
    await expect(h.scheduler.decideManual(task_id, 'yes', { approved: true, operator: 'carol' })).rejects.toMatchObject({
      message: expect.stringMatching(/only a running manual agent awaits a decision/),
      reason: { key: 'node.notAwaitingDecision', params: { nodeId: 'yes', status: 'completed' } },
    });
    h.scheduler.stopTask(task_id, 'carol');
  });

  it('refuses what cannot be done, with the reason, writing nothing', async () => {
    h = await harness({ defaultScript: { outcome: 'hang' } });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'a' }, { nodeId: 'b', dependencies: [{ sourceNodeId: 'a', type: 'success' }] }]));
    refused(() => h!.scheduler.pauseTask(task_id, 'alice'), 'NOT_ALLOWED', /is pending; only a running task can be paused/, { key: 'task.notRunning', params: { taskId: task_id, status: 'pending' } });
    await h.scheduler.startTask(task_id);
    await waitUntil(h.scheduler, () => nodeRow(h!.store, task_id, 'a').status === 'running');
    const before = Number(h.store.db.prepare('SELECT count(*) FROM node_state_transition').pluck().get());
    refused(() => h!.scheduler.skipNode(task_id, 'a', 'alice'), 'NOT_ALLOWED', /Node "a" is running; stop it before skipping it/, { key: 'node.runningCannotSkip', params: { nodeId: 'a', status: 'running' } });
    refused(() => h!.scheduler.restartNode(task_id, 'a', 'alice'), 'NOT_ALLOWED', /only a stopped or failed node can be restarted/, { key: 'node.notRestartable', params: { nodeId: 'a', status: 'running' } });
    refused(() => h!.scheduler.rerunFrom(task_id, 'b', 'alice'), 'NOT_ALLOWED', /only an ended or stopped node can be rerun/, { key: 'node.notRerunnable', params: { nodeId: 'b', status: 'waiting' } });
    refused(() => h!.scheduler.retryFailed(task_id, 'alice'), 'NOT_ALLOWED', /has no failed node to retry/, { key: 'task.noFailedNode', params: { taskId: task_id } });
    refused(() => h!.scheduler.resumeTask(task_id, 'alice'), 'NOT_ALLOWED', /only a paused task can be resumed/, { key: 'task.notPaused', params: { taskId: task_id, status: 'running' } });
    notFound(() => h!.scheduler.skipNode(task_id, 'nope', 'alice'), /has no node "nope"/, { key: 'node.notFound', params: { taskId: task_id, nodeId: 'nope' } });
    refused(() => h!.scheduler.skipNode(task_id, 'b', ''), 'INVALID_ARGUMENT', /an operator name/, { key: 'operator.required', params: { max: expect.any(Number) } });
    notFound(() => h!.scheduler.stopTask('99999999', 'alice'), /no task 99999999/, { key: 'task.notFound', params: { taskId: '99999999' } });
    expect(Number(h.store.db.prepare('SELECT count(*) FROM node_state_transition').pluck().get())).toBe(before);
    h.scheduler.stopNode(task_id, 'a', 'alice');
    refused(() => h!.scheduler.rerunFrom(task_id, 'root', 'alice'), 'NOT_ALLOWED', /only an ended or stopped node can be rerun/, { key: 'node.notRerunnable', params: { nodeId: 'root', status: 'running' } });
    h.scheduler.stopTask(task_id, 'alice');
  });

  it('rerun refuses to restart nodes that are still running downstream', async () => {
    h = await harness({ script: { slow: { outcome: 'hang' } } });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'a' }, { nodeId: 'slow', dependencies: [{ sourceNodeId: 'a', type: 'success' }] }]));
    await h.scheduler.startTask(task_id);
    await waitUntil(h.scheduler, () => nodeRow(h!.store, task_id, 'slow').status === 'running');
    refused(() => h!.scheduler.rerunFrom(task_id, 'a', 'alice'), 'NOT_ALLOWED', /would restart 1 running node \(slow\); stop it first/, {
      key: 'node.rerunWouldRestart',
      params: { nodeId: 'a', count: 1, nodes: 'slow' },
    });
    h.scheduler.stopTask(task_id, 'alice');
  });
});
