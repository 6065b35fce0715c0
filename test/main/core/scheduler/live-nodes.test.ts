import { afterEach, describe, expect, it } from 'vitest';
import type { StartNodeCommand } from '../../../../src/shared/engine/protocol';
import { ApiError } from '../../../../src/shared/api/errors';
import { SchedulerError } from '../../../../src/main/core/scheduler/errors';
import type { Store } from '../../../../src/main/core/store/store';
import { harness, nodeStatuses, waitForTask, waitUntil, workflow, type Harness } from '../../../helpers/scheduler';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

const hang = (names: string[]) => (command: StartNodeCommand, attempt: number) => (names.includes(command.nodeId) && attempt === 1 ? { outcome: 'hang' as const } : undefined);

/** Every row the task has, by table: a refusal must leave them all as they were. */
function everything(store: Store, taskId: string) {
  const read = (table: 'workflow_node' | 'node_dependency' | 'node_state_transition' | 'deduction_task_snapshot') =>
    store.all(store.kysely.selectFrom(table).selectAll().where('task_id', '=', taskId));
  return {
    nodes: read('workflow_node'),
    dependencies: read('node_dependency'),
    transitions: read('node_state_transition'),
    snapshot: read('deduction_task_snapshot'),
    task: store.all(store.kysely.selectFrom('deduction_task').selectAll().where('id', '=', taskId)),
  };
}

function refusal(run: () => unknown): SchedulerError | ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof SchedulerError || error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function runningTask(names: string[]) {
  h = await harness({ script: hang(names) });
  const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'a' }, { nodeId: 'done' }, { nodeId: 'later', dependencies: [{ sourceNodeId: 'a', type: 'success' }] }]));
  await h.scheduler.startTask(task_id);
  await waitUntil(h.scheduler, () => h!.engine.log.includes('start a#1') && nodeStatuses(h!.store, task_id).done === 'completed');
  return task_id;
}

describe('addNodes', () => {
  it('nodes added to a running task (a container with a child, depending on a running node) run like any other', async () => {
    const taskId = await runningTask(['a']);
    const result = h!.scheduler.addNodes(
      taskId,
      {
        nodes: [
          { nodeId: 'extra', nodeType: 'container', dependencies: [{ sourceNodeId: 'a', type: 'success' }] },
          { nodeId: 'inner', nodeType: 'agent', agentLoad: 'sim', parentId: 'extra', agentConfig: { step: 1 } },
        ],
      },
      'alice',
    );
    expect(result).toEqual({ added: ['extra', 'inner'] });
    const rows = h!.store.all(h!.store.kysely.selectFrom('workflow_node').select(['node_id', 'parent_node_id', 'level', 'status']).where('task_id', '=', taskId).where('node_id', 'in', ['extra', 'inner']).orderBy('id'));
    expect(rows).toEqual([
      { node_id: 'extra', parent_node_id: 'root', level: 1, status: 'pending' },
      { node_id: 'inner', parent_node_id: 'extra', level: 2, status: 'pending' },
    ]);
    const task = h!.store.first(h!.store.kysely.selectFrom('deduction_task').select(['total_nodes', 'total_containers', 'total_agents']).where('id', '=', taskId))!;
    expect(task).toEqual({ total_nodes: 6, total_containers: 2, total_agents: 4 });
    await waitUntil(h!.scheduler, () => nodeStatuses(h!.store, taskId).extra === 'waiting');
    h!.scheduler.stopNode(taskId, 'a', 'alice');
    h!.scheduler.restartNode(taskId, 'a', 'alice');
    expect(await waitForTask(h!.scheduler, h!.store, taskId)).toBe('completed');
    expect(nodeStatuses(h!.store, taskId)).toMatchObject({ extra: 'completed', inner: 'completed', later: 'completed' });
    expect(h!.engine.log).toContain('start inner#1');
    const audit = h!.store.all(h!.store.kysely.selectFrom('node_state_transition').select(['node_id', 'reason', 'operator']).where('task_id', '=', taskId).where('reason', 'like', 'nodes added%'));
    expect(audit).toEqual([{ node_id: 'root', reason: 'nodes added: extra, inner', operator: 'alice' }]);
    const snapshot = JSON.parse(h!.store.first(h!.store.kysely.selectFrom('deduction_task_snapshot').select('workflow_snapshot').where('task_id', '=', taskId))!.workflow_snapshot) as { nodes: { nodeId: string; children: string[] }[] };
    expect(snapshot.nodes.find((node) => node.nodeId === 'root')!.children).toEqual(['a', 'done', 'later', 'extra']);
  });

  it('a cyclic addition, a duplicate id and a dependency on an ended node are refused, naming what and where, and write nothing', async () => {
    const taskId = await runningTask(['a']);
    const before = everything(h!.store, taskId);
    const cycle = refusal(() =>
      h!.scheduler.addNodes(
        taskId,
        {
          nodes: [
            { nodeId: 'x', nodeType: 'agent', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'y' }] },
            { nodeId: 'y', nodeType: 'agent', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'x' }] },
          ],
        },
        'alice',
      ),
    );
    expect(cycle).toBeInstanceOf(ApiError);
    expect(cycle.message).toMatch(/^The nodes to add do not fit the running workflow: \d+ errors?; first: .*cycle/i);
    const problems = (cycle as ApiError).details as { problems: { code: string; path: (string | number)[] }[] };
    expect(problems.problems.some((problem) => problem.code === 'DEPENDENCY_CYCLE')).toBe(true);

    const duplicate = refusal(() => h!.scheduler.addNodes(taskId, { nodes: [{ nodeId: 'a', nodeType: 'agent', agentLoad: 'sim' }] }, 'alice'));
    expect(duplicate.message).toMatch(/first: node "a".*(duplicate|more than once|already)/i);
    expect(((duplicate as ApiError).details as { problems: { path: unknown[] }[] }).problems[0]!.path).toEqual(['nodes', 0, 'nodeId']);

    const ended = refusal(() => h!.scheduler.addNodes(taskId, { nodes: [{ nodeId: 'after-done', nodeType: 'agent', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'done' }] }] }, 'alice'));
    expect(ended.reason).toEqual({ key: 'live.endedSource', params: { nodeId: 'after-done', sourceId: 'done', status: 'completed' } });

    const underAgent = refusal(() => h!.scheduler.addNodes(taskId, { parentId: 'a', nodes: [{ nodeId: 'z', nodeType: 'agent', agentLoad: 'sim' }] }, 'alice'));
    expect(underAgent.reason).toEqual({ key: 'live.parentNotContainer', params: { parentId: 'a' } });
    expect(everything(h!.store, taskId)).toEqual(before);

    expect(h!.scheduler.addNodes(taskId, { nodes: [{ nodeId: 'after-done', nodeType: 'agent', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'done' }] }], allowEndedSources: true }, 'alice')).toEqual({ added: ['after-done'] });
    await waitUntil(h!.scheduler, () => nodeStatuses(h!.store, taskId)['after-done'] === 'completed');
  });
});

describe('removeNode', () => {
  it('removes a node that has not started; refuses a started node, the root and a node others depend on, naming them', async () => {
    const taskId = await runningTask(['a']);
    h!.scheduler.addNodes(taskId, { nodes: [{ nodeId: 'box', nodeType: 'container', dependencies: [{ sourceNodeId: 'a' }] }, { nodeId: 'in-box', nodeType: 'agent', agentLoad: 'sim', parentId: 'box' }] }, 'alice');
    const before = everything(h!.store, taskId);
    expect(refusal(() => h!.scheduler.removeNode(taskId, 'a', 'alice')).reason).toEqual({ key: 'live.nodeStarted', params: { nodeId: 'a', status: 'running' } });
    expect(refusal(() => h!.scheduler.removeNode(taskId, 'done', 'alice')).reason).toEqual({ key: 'live.nodeStarted', params: { nodeId: 'done', status: 'completed' } });
    expect(refusal(() => h!.scheduler.removeNode(taskId, 'root', 'alice')).reason).toEqual({ key: 'live.rootNotRemovable', params: { nodeId: 'root' } });
    h!.scheduler.addNodes(taskId, { nodes: [{ nodeId: 'needs-later', nodeType: 'agent', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'later' }] }] }, 'alice');
    const dependents = refusal(() => h!.scheduler.removeNode(taskId, 'later', 'alice'));
    expect(dependents.message).toBe('Node "later" cannot be removed: 1 node depends on it (needs-later); remove that dependency first');
    expect(everything(h!.store, taskId).nodes).toHaveLength(before.nodes.length + 1);

    expect(h!.scheduler.removeNode(taskId, 'box', 'bob')).toEqual({ removed: ['box', 'in-box'] });
    expect(h!.scheduler.removeNode(taskId, 'needs-later', 'bob')).toEqual({ removed: ['needs-later'] });
    const ids = h!.store.all(h!.store.kysely.selectFrom('workflow_node').select('node_id').where('task_id', '=', taskId)).map((row) => row.node_id);
    expect(ids.sort()).toEqual(['a', 'done', 'later', 'root']);
    const audit = h!.store.all(h!.store.kysely.selectFrom('node_state_transition').select(['reason', 'operator']).where('task_id', '=', taskId).where('reason', 'like', 'nodes removed%'));
    expect(audit).toEqual([
      { reason: 'nodes removed: box, in-box', operator: 'bob' },
      { reason: 'nodes removed: needs-later', operator: 'bob' },
    ]);
    h!.scheduler.stopNode(taskId, 'a', 'alice');
    h!.scheduler.restartNode(taskId, 'a', 'alice');
    expect(await waitForTask(h!.scheduler, h!.store, taskId)).toBe('completed');
    expect(h!.engine.log.some((line) => line.startsWith('init box') || line.startsWith('start in-box'))).toBe(false);
  });
});
