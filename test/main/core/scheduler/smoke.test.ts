import { afterEach, describe, expect, it } from 'vitest';
import { harness, nodeStatuses, waitForTask, workflow, type Harness } from '../../../helpers/scheduler';

let h: Harness;
afterEach(() => h?.close());

describe('smoke', () => {
  it('runs a small chain', async () => {
    h = await harness();
    const created = h.scheduler.createTask(workflow([{ nodeId: 'a' }, { nodeId: 'b', dependencies: [{ sourceNodeId: 'a', type: 'success' }] }]));
    await h.scheduler.startTask(created.task_id);
    const status = await waitForTask(h.scheduler, h.store, created.task_id);
    expect(status).toBe('completed');
    expect(nodeStatuses(h.store, created.task_id)).toEqual({ root: 'completed', a: 'completed', b: 'completed' });
    expect(h.logger.errors).toEqual([]);
  });
});
