import { afterEach, describe, expect, it } from 'vitest';
import { listExecutions } from '../../../../src/main/core/tasks/task-queries';
import { harness, waitForTask, workflow, type Harness } from '../../../helpers/scheduler';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

describe('listing a task’s executions', () => {
  it('lists only those written at or after updatedSince, and a merge of both answers equals a full listing', async () => {
    h = await harness({ script: { quick: { durationMs: 0 }, slow: { durationMs: 60 } } });
    const { task_id: taskId } = h.scheduler.createTask(workflow([{ nodeId: 'quick' }, { nodeId: 'slow' }, { nodeId: 'after', dependencies: [{ sourceNodeId: 'slow', type: 'success' }] }]));
    await h.scheduler.startTask(taskId);
    const quick = () => listExecutions(h!.store, taskId).find((execution) => execution.nodeId === 'quick');
    while (quick()?.status !== 'completed') await new Promise((resolve) => setTimeout(resolve, 5));
    const early = listExecutions(h.store, taskId);
    const cursor = Math.max(...early.map((execution) => execution.updatedAt));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await waitForTask(h.scheduler, h.store, taskId);

    const since = listExecutions(h.store, taskId, { updatedSince: cursor + 1 });
    expect(since.map((execution) => execution.nodeId).sort()).toEqual(['after', 'root', 'slow']);
    expect(since.every((execution) => execution.updatedAt > cursor)).toBe(true);
    const merged = new Map([...early, ...since].map((execution) => [execution.executionId, execution]));
    expect([...merged.values()].sort((a, b) => Number(a.executionId) - Number(b.executionId))).toEqual(listExecutions(h.store, taskId));
  });
});
