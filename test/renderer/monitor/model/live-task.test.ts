import { afterEach, describe, expect, it } from 'vitest';
import type { TaskChange } from '../../../../src/shared/task/changes';
import { EventHub } from '../../../../src/main/core/service/event-hub';
import { taskChangeFeed } from '../../../../src/main/core/service/live-events';
import { getTask } from '../../../../src/main/core/tasks/task-queries';
import { applyTaskChanges, type LiveTask } from '../../../../src/renderer/src/monitor/model/live-task';
import { buildTaskNodes } from '../../../../src/renderer/src/monitor/model/task-nodes';
import { harness, waitForTask, workflow, type Harness } from '../../../helpers/scheduler';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

function read(harness: Harness, taskId: string): LiveTask {
  const task = getTask(harness.store, taskId);
  return { task, nodes: buildTaskNodes(harness.scheduler.queryNodes(taskId), task.workflow) };
}

describe('a task kept live by its changes', () => {
  it('equals a fresh read at the end: results, Engines, conditional edges, retries and skips included', async () => {
    h = await harness({
      script: {
        recon: { durationMs: 5, result: { targets: 4, route: 'north' } },
        jam: { outcome: 'failed', errorCode: 'EXIT_3' },
        strike: { failTimes: 1, result: 'hit' },
      },
    });
    const created = h.scheduler.createTask(
      workflow(
        [
          { nodeId: 'recon' },
          { nodeId: 'stage', nodeType: 'container' },
          { nodeId: 'strike', parentId: 'stage', retry: { maxRetries: 1, backoff: { initialMs: 5 } }, dependencies: [{ sourceNodeId: 'recon', type: 'success', condition: { '>=': [{ var: 'result.targets' }, { var: 'variables.minTargets' }] } }] },
          { nodeId: 'withdraw', parentId: 'stage', dependencies: [{ sourceNodeId: 'recon', type: 'success', condition: { '==': [{ var: 'result.route' }, 'south'] } }] },
          { nodeId: 'jam', parentId: 'stage' },
          { nodeId: 'cover', dependencies: [{ sourceNodeId: 'jam', type: 'success' }] },
          { nodeId: 'report', dependencies: [{ sourceNodeId: 'strike', type: 'finish' }, { sourceNodeId: 'cover', type: 'finish' }] },
        ],
        { variables: { minTargets: 3 } },
      ),
    );
    const taskId = created.task_id;
    const hub = new EventHub();
    const feed = taskChangeFeed(hub, 5);
    const received: TaskChange[][] = [];
    hub.subscribe('taskChanged', (batch) => received.push(batch));
    const off = h.scheduler.onChange((changes) => feed.push(changes));

    const start = read(h, taskId);
    await h.scheduler.startTask(taskId);
    await waitForTask(h.scheduler, h.store, taskId);
    await new Promise((resolve) => setTimeout(resolve, 30));
    off();
    feed.coalescer.close();

    const live = received.reduce((state, batch) => applyTaskChanges(state, batch), start);
    const fresh = read(h, taskId);
    expect(live.task).toEqual(fresh.task);
    expect([...live.nodes.byId.values()]).toEqual([...fresh.nodes.byId.values()]);
    // What the run must have exercised for the comparison to mean something:
    expect(fresh.nodes.byId.get('strike')).toMatchObject({ status: 'completed', batch: 2, result: 'hit', engineId: expect.any(String) });
    expect(fresh.nodes.byId.get('withdraw')!.dependencies[0]!.state).toBe('unsatisfiable');
    expect(fresh.nodes.byId.get('cover')!.status).toBe('skipped');
    expect(received.length).toBeGreaterThan(1);
  });
});
