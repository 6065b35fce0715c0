import { afterEach, describe, expect, it } from 'vitest';
import { harness, waitForTask, workflow, type Harness } from '../../../helpers/scheduler';

let h: Harness;
afterEach(() => h?.close());

describe('queryNodes', () => {
  it('lists nodes with their dependencies (satisfied or not) and, for containers, the agents beneath them', async () => {
    h = await harness({ script: { bad: { outcome: 'failed' }, slow: { durationMs: 60_000 } } });
    const { task_id } = h.scheduler.createTask(
      workflow(
        [
          { nodeId: 'phase', nodeType: 'container' },
          { nodeId: 'inner', nodeType: 'container', parentId: 'phase' },
          { nodeId: 'good', parentId: 'inner' },
          { nodeId: 'bad', parentId: 'inner' },
          { nodeId: 'slow', parentId: 'phase' },
          { nodeId: 'after-good', parentId: 'phase', dependencies: [{ sourceNodeId: 'good', type: 'success' }] },
          { nodeId: 'after-bad', dependencies: [{ sourceNodeId: 'bad', type: 'success' }] },
          { nodeId: 'on-failure', dependencies: [{ sourceNodeId: 'bad', type: 'failure' }, { sourceNodeId: 'slow', type: 'finish' }], join: 'one' },
          { nodeId: 'red-only', dependencies: [{ sourceNodeId: 'good', type: 'success', condition: { '==': [{ var: 'variables.side' }, 'blue'] } }] },
        ],
        { variables: { side: 'red' } },
      ),
    );
    const before = h.scheduler.queryNodes(task_id);
    expect(before.map((node) => node.status)).toEqual(Array(10).fill('pending'));
    expect(before.find((node) => node.nodeId === 'root')!.managedNodes).toEqual({ total: 7, completed: 0, running: 0, failed: 0, skipped: 0 });

    await h.scheduler.startTask(task_id);
    await waitForTaskNodes(h, task_id, ['good', 'bad', 'after-good', 'red-only', 'after-bad', 'on-failure']);

    const nodes = new Map(h.scheduler.queryNodes(task_id).map((node) => [node.nodeId, node]));
    expect(nodes.get('root')!.managedNodes).toEqual({ total: 7, completed: 3, running: 1, failed: 1, skipped: 2 });
    expect(nodes.get('phase')!.managedNodes).toEqual({ total: 4, completed: 2, running: 1, failed: 1, skipped: 0 });
    expect(nodes.get('inner')!.managedNodes).toEqual({ total: 2, completed: 1, running: 0, failed: 1, skipped: 0 });
    expect(nodes.get('good')!.managedNodes).toBeUndefined();
    expect(nodes.get('inner')).toMatchObject({ parentId: 'phase', level: 2, nodeType: 'container', status: 'failed', errorCode: 'CHILD_FAILED' });

    expect(nodes.get('after-good')!.dependencies).toEqual([{ sourceNodeId: 'good', type: 'success', condition: null, state: 'satisfied', satisfied: true }]);
    expect(nodes.get('after-bad')!.dependencies).toEqual([{ sourceNodeId: 'bad', type: 'success', condition: null, state: 'unsatisfiable', satisfied: false }]);
    expect(nodes.get('on-failure')!.dependencies.map((edge) => [edge.sourceNodeId, edge.state])).toEqual([
      ['bad', 'satisfied'],
      ['slow', 'pending'],
    ]);
    expect(nodes.get('on-failure')!.status).toBe('completed');
    expect(nodes.get('red-only')!.dependencies[0]).toMatchObject({ state: 'unsatisfiable', satisfied: false, condition: { '==': [{ var: 'variables.side' }, 'blue'] } });
    expect(nodes.get('red-only')).toMatchObject({ status: 'skipped', errorCode: 'DEPENDENCY_UNSATISFIED' });

    const running = h.scheduler.queryNodes(task_id, { status: 'running' });
    expect(running.map((node) => node.nodeId).sort()).toEqual(['phase', 'root', 'slow']);
    const ended = h.scheduler.queryNodes(task_id, { status: ['failed', 'skipped'] });
    expect(ended.map((node) => node.nodeId).sort()).toEqual(['after-bad', 'bad', 'inner', 'red-only']);
    h.scheduler.stopTask(task_id, 'alice');
    await waitForTask(h.scheduler, h.store, task_id);
  });

  it('refuses what is not a task id, an unknown task and an unknown status', async () => {
    h = await harness();
    expect(() => h.scheduler.queryNodes('abc')).toThrow(/"abc" is not an id/);
    expect(() => h.scheduler.queryNodes('123456')).toThrow(/no task 123456/);
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'a' }]));
    expect(() => h.scheduler.queryNodes(task_id, { status: 'sleeping' as never })).toThrow(/queryNodes/);
  });
});

function waitForTaskNodes(h: Harness, taskId: string, nodeIds: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nodes ${nodeIds.join(', ')} did not end`)), 10_000);
    const check = () => {
      const nodes = h.scheduler.queryNodes(taskId).filter((node) => nodeIds.includes(node.nodeId));
      if (nodes.every((node) => ['completed', 'failed', 'skipped'].includes(node.status))) {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    };
    const unsubscribe = h.scheduler.onChange(check);
    check();
  });
}
