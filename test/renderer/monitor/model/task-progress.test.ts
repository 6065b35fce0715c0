import { describe, expect, it } from 'vitest';
import { endedShare, wholePercent } from '../../../../src/shared/task/progress';
import { taskShare } from '../../../../src/renderer/src/monitor/model/task-progress';
import { nodeView, taskNodes } from '../node-views';

describe('taskShare', () => {
  // root ⊃ {a completed, group ⊃ {b failed, c running, d pending}, e skipped}: the task's
  // counters also count the two containers, which the root row does not.
  const managed = { total: 5, completed: 1, running: 1, failed: 1, skipped: 1 };
  const nodes = taskNodes([
    nodeView('root', { nodeType: 'container', isRoot: true, status: 'running', managedNodes: managed }),
    nodeView('a', { parentId: 'root', status: 'completed' }),
    nodeView('group', { nodeType: 'container', parentId: 'root', status: 'running', managedNodes: { total: 3, completed: 0, running: 1, failed: 1, skipped: 0 } }),
    nodeView('b', { parentId: 'group', status: 'failed' }),
    nodeView('c', { parentId: 'group', status: 'running', progress: 0.5 }),
    nodeView('d', { parentId: 'group' }),
    nodeView('e', { parentId: 'root', status: 'skipped' }),
  ]);
  const task = { rootNodeId: 'root', totalNodes: 7, totalContainers: 2, totalAgents: 5, completedNodes: 1, failedNodes: 1, runningNodes: 3, skippedNodes: 1 };

  it('is the root row’s figure, by the shared rule, not the node counters’', () => {
    expect(taskShare(task, nodes)).toBe(endedShare(managed));
    expect(wholePercent(taskShare(task, nodes))).toBe(60);
    // The counters alone (containers included) would say 3 of 7.
    expect(wholePercent(taskShare(task, null))).toBe(42);
  });
});
