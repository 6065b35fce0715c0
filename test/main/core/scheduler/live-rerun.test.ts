import { afterEach, describe, expect, it } from 'vitest';
import { harness, waitForTask, waitUntil, workflow, type Harness } from '../../../helpers/scheduler';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

const executions = (taskId: string, nodeId: string) =>
  h!.store.all(h!.store.kysely.selectFrom('node_execution').select(['batch', 'status', 'resolved_config']).where('task_id', '=', taskId).where('node_id', '=', nodeId).orderBy('batch'));

describe('rerunNode', () => {
  it('reruns a node with an edited config: a new batch with its own resolved config, the old batch kept, the edit audited', async () => {
    h = await harness();
    const { task_id } = h.scheduler.createTask(
      workflow([{ nodeId: 'a', agentConfig: { target: 'north', side: { $ref: 'variables.side' } } }, { nodeId: 'b', dependencies: [{ sourceNodeId: 'a', type: 'success' }] }], { variables: { side: 'blue' } }),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');

    expect(h.scheduler.rerunNode(task_id, 'a', { config: { target: 'south', side: { $ref: 'variables.side' } } }, 'alice')).toEqual({ nodes: 2, configChanged: true });
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(executions(task_id, 'a')).toEqual([
      { batch: 1, status: 'completed', resolved_config: JSON.stringify({ target: 'north', side: 'blue' }) },
      { batch: 2, status: 'completed', resolved_config: JSON.stringify({ target: 'south', side: 'blue' }) },
    ]);
    expect(executions(task_id, 'b').map((row) => row.batch)).toEqual([1, 2]);
    const row = h.store.first(h.store.kysely.selectFrom('workflow_node').select('agent_config').where('task_id', '=', task_id).where('node_id', '=', 'a'))!;
    expect(JSON.parse(row.agent_config!)).toEqual({ target: 'south', side: { $ref: 'variables.side' } });
    const audit = h.store.all(h.store.kysely.selectFrom('node_state_transition').select(['node_id', 'from_status', 'to_status', 'reason', 'operator']).where('task_id', '=', task_id).where('reason', 'like', 'config edited%'));
    expect(audit).toEqual([{ node_id: 'a', from_status: 'completed', to_status: 'completed', reason: 'config edited for a rerun: target', operator: 'alice' }]);

    // Without a config, a rerun keeps the config the last edit left.
    expect(h.scheduler.rerunNode(task_id, 'a', {}, 'alice')).toEqual({ nodes: 2, configChanged: false });
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(executions(task_id, 'a').map((each) => each.resolved_config)).toEqual([
      JSON.stringify({ target: 'north', side: 'blue' }),
      JSON.stringify({ target: 'south', side: 'blue' }),
      JSON.stringify({ target: 'south', side: 'blue' }),
    ]);
  });

  it('refuses to rerun a node that has not ended, with its config left as it was', async () => {
    h = await harness({ script: { a: { outcome: 'hang' } } });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'a', agentConfig: { target: 'north' } }]));
    await h.scheduler.startTask(task_id);
    await waitUntil(h.scheduler, () => h!.engine.log.includes('start a#1'));
    expect(() => h!.scheduler.rerunNode(task_id, 'a', { config: { target: 'south' } }, 'alice')).toThrow(/Node "a" is running; only an ended or stopped node can be rerun/);
    const row = h.store.first(h.store.kysely.selectFrom('workflow_node').select('agent_config').where('task_id', '=', task_id).where('node_id', '=', 'a'))!;
    expect(JSON.parse(row.agent_config!)).toEqual({ target: 'north' });
  });
});
