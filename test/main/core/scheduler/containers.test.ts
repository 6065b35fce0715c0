import { afterEach, describe, expect, it } from 'vitest';
import { harness, nodeStatuses, waitForTask, workflow, type Harness } from '../../../helpers/scheduler';

let h: Harness;
afterEach(() => h?.close());

const commandIndex = (log: string[], entry: string) => {
  const at = log.indexOf(entry);
  if (at < 0) throw new Error(`${entry} was never sent; log: ${log.join(', ')}`);
  return at;
};

describe('containers', () => {
  it('are initialized on their Engine before any child starts, nested ones included', async () => {
    h = await harness({ defaultScript: { durationMs: 5 } });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'outer', nodeType: 'container' },
        { nodeId: 'inner', nodeType: 'container', parentId: 'outer' },
        { nodeId: 'a', parentId: 'inner' },
        { nodeId: 'b', parentId: 'outer' },
        { nodeId: 'c' },
      ]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    const log = h.engine.log;
    expect(log[0]).toBe(`submit ${task_id}`);
    expect(commandIndex(log, 'init root#1')).toBeLessThan(commandIndex(log, 'init outer#1'));
    expect(commandIndex(log, 'init root#1')).toBeLessThan(commandIndex(log, 'start c#1'));
    expect(commandIndex(log, 'init outer#1')).toBeLessThan(commandIndex(log, 'init inner#1'));
    expect(commandIndex(log, 'init outer#1')).toBeLessThan(commandIndex(log, 'start b#1'));
    expect(commandIndex(log, 'init inner#1')).toBeLessThan(commandIndex(log, 'start a#1'));
    const runningOf = (node: string) =>
      h.store.first(
        h.store.kysely.selectFrom('node_state_transition').select('id').where('task_id', '=', task_id).where('node_id', '=', node).where('to_status', '=', 'running'),
      )!.id;
    expect(BigInt(runningOf('inner'))).toBeLessThan(BigInt(runningOf('a')));
  });

  it('gate their descendants with their own dependencies: a container that can never start skips everything inside', async () => {
    h = await harness({ script: { gate: { outcome: 'failed' } } });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'gate' },
        { nodeId: 'box', nodeType: 'container', dependencies: [{ sourceNodeId: 'gate', type: 'success' }] },
        { nodeId: 'inner', nodeType: 'container', parentId: 'box' },
        { nodeId: 'x', parentId: 'box' },
        { nodeId: 'y', parentId: 'inner' },
      ]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    expect(nodeStatuses(h.store, task_id)).toEqual({ root: 'failed', gate: 'failed', box: 'skipped', inner: 'skipped', x: 'skipped', y: 'skipped' });
    expect(h.engine.log.filter((entry) => /^(start|init) (box|inner|x|y)#/.test(entry))).toEqual([]);
    const reasons = h.scheduler.queryNodes(task_id, { status: 'skipped' }).map((node) => [node.nodeId, node.errorCode]);
    expect(reasons.sort()).toEqual([
      ['box', 'DEPENDENCY_UNSATISFIED'],
      ['inner', 'CONTAINER_NOT_RUN'],
      ['x', 'CONTAINER_NOT_RUN'],
      ['y', 'CONTAINER_NOT_RUN'],
    ]);
  });

  it('wait for their own dependencies before starting anything inside', async () => {
    h = await harness({ script: { gate: { durationMs: 80 } } });
    const { task_id } = h.scheduler.createTask(
      workflow([{ nodeId: 'gate' }, { nodeId: 'box', nodeType: 'container', dependencies: [{ sourceNodeId: 'gate', type: 'finish' }] }, { nodeId: 'x', parentId: 'box' }]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    const log = h.engine.log;
    expect(commandIndex(log, 'start gate#1')).toBeLessThan(commandIndex(log, 'init box#1'));
    const gateEnd = h.store.first(h.store.kysely.selectFrom('workflow_node').select('end_time').where('task_id', '=', task_id).where('node_id', '=', 'gate'))!.end_time!;
    const xStart = h.store.first(h.store.kysely.selectFrom('workflow_node').select('start_time').where('task_id', '=', task_id).where('node_id', '=', 'x'))!.start_time!;
    expect(xStart).toBeGreaterThanOrEqual(gateEnd);
  });

  it('complete when every child has ended, skipped children counting as done, and fail if a child failed', async () => {
    h = await harness({ script: { broken: { outcome: 'failed' } } });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'ok-box', nodeType: 'container' },
        { nodeId: 'runs', parentId: 'ok-box' },
        { nodeId: 'never', parentId: 'ok-box', activation: { '==': [1, 2] } },
        { nodeId: 'bad-box', nodeType: 'container' },
        { nodeId: 'broken', parentId: 'bad-box' },
        { nodeId: 'fine', parentId: 'bad-box' },
        { nodeId: 'empty', nodeType: 'container' },
        { nodeId: 'handler', dependencies: [{ sourceNodeId: 'bad-box', type: 'failure' }] },
      ]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    expect(nodeStatuses(h.store, task_id)).toEqual({
      root: 'failed',
      'ok-box': 'completed',
      runs: 'completed',
      never: 'skipped',
      'bad-box': 'failed',
      broken: 'failed',
      fine: 'completed',
      empty: 'completed',
      handler: 'completed',
    });
    const badBox = h.scheduler.queryNodes(task_id).find((node) => node.nodeId === 'bad-box')!;
    expect(badBox).toMatchObject({ errorCode: 'CHILD_FAILED', errorMessage: '1 of 2 children failed: broken' });
    const never = h.scheduler.queryNodes(task_id).find((node) => node.nodeId === 'never')!;
    expect(never).toMatchObject({ errorCode: 'ACTIVATION_FALSE' });
    const executions = h.store.all(h.store.kysely.selectFrom('node_execution').select(['node_id', 'status']).where('task_id', '=', task_id).where('node_id', 'in', ['ok-box', 'bad-box', 'empty']).orderBy('node_id'));
    expect(executions).toEqual([
      { node_id: 'bad-box', status: 'failed' },
      { node_id: 'empty', status: 'completed' },
      { node_id: 'ok-box', status: 'completed' },
    ]);
  });

  it('fail when their Engine refuses to initialize them, and skip what they hold', async () => {
    h = await harness({ refuse: (name, payload) => (name === 'initContainer' && (payload as { nodeId: string }).nodeId === 'box' ? 'INTERNAL' : undefined) });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'box', nodeType: 'container' }, { nodeId: 'x', parentId: 'box' }, { nodeId: 'y' }]));
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    expect(nodeStatuses(h.store, task_id)).toEqual({ root: 'failed', box: 'failed', x: 'skipped', y: 'completed' });
    expect(h.scheduler.queryNodes(task_id).find((node) => node.nodeId === 'box')).toMatchObject({ errorCode: 'INTERNAL', errorMessage: 'refused initContainer by script' });
  });
});
