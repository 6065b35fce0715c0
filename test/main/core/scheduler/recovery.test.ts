import { describe, expect, it } from 'vitest';
import type { EngineNodeState, NodeRef } from '../../../../src/shared/engine/protocol';
import { TestEngine } from '../../../helpers/test-engine';
import { Scheduler } from '../../../../src/main/core/scheduler/scheduler';
import { nodeStatuses, recordingLogger, waitForTask, workflow } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();

/** Answers over a network take turns of the event loop, in which a scheduler may start nodes. */
class RemoteEngine extends TestEngine {
  override async queryNode(ref: NodeRef): Promise<EngineNodeState> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return super.queryNode(ref);
  }
}

describe('recovery onto an Engine that never held the task', () => {
  it('puts each container back on the Engine before any of its children, running or waiting for capacity, goes there', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    const first = new TestEngine({ capacity: 2, defaultScript: { outcome: 'hang' } });
    const before = new Scheduler({ store, engine: first, logger: recordingLogger() });
    const agents = Array.from({ length: 8 }, (_, index) => ({ nodeId: `a${index}`, parentId: 'inner' }));
    const { task_id } = before.createTask(
      workflow([{ nodeId: 'outer', nodeType: 'container' }, { nodeId: 'inner', nodeType: 'container', parentId: 'outer' }, ...agents]),
    );
    await before.startTask(task_id);
    await expect.poll(() => Object.values(nodeStatuses(store, task_id)).filter((status) => status === 'ready').length).toBe(6);
    before.close();
    first.close();

    const fresh = new RemoteEngine({ requireContainers: true });
    const after = new Scheduler({ store, engine: fresh, logger: recordingLogger() });
    try {
      await after.recover();
      expect(await waitForTask(after, store, task_id)).toBe('completed');
      const order = fresh.log.filter((line) => /^(init|start) /.test(line)).map((line) => line.split(' ')[1]!.split('#')[0]);
      expect(order.slice(0, 3)).toEqual(['root', 'outer', 'inner']);
      expect(order.slice(3).sort()).toEqual(agents.map((agent) => agent.nodeId).sort());
    } finally {
      after.close();
      fresh.close();
      store.close();
    }
  });
});
