import { afterEach, describe, expect, it } from 'vitest';
import { createEventIngest } from '../../../../src/main/core/engine/ingest-events';
import { Scheduler } from '../../../../src/main/core/scheduler/scheduler';
import { systemClock, type Clock } from '../../../../src/main/core/scheduler/timers';
import type { Store } from '../../../../src/main/core/store/store';
import type { ResourceSampleEvent } from '../../../../src/shared/engine/protocol';
import { ManualEngine, statusEvent } from '../../../helpers/manual-engine';
import { harness, recordingLogger, waitForTask, waitUntil, workflow, type Harness } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';

const MB = 1024 * 1024;

let h: Harness | undefined;
let store: Store | undefined;
let scheduler: Scheduler | undefined;
afterEach(() => {
  scheduler?.close();
  h?.close();
  store?.close();
  h = scheduler = store = undefined;
});

function execution(db: Store, taskId: string, nodeId: string, batch = 1) {
  return db.first(
    db.kysely
      .selectFrom('node_execution')
      .select(['status', 'engine_node_id', 'queue_time_ms', 'managed_nodes_total', 'managed_nodes_completed', 'cpu_peak', 'cpu_mean', 'memory_peak', 'memory_mean'])
      .where('task_id', '=', taskId)
      .where('node_id', '=', nodeId)
      .where('batch', '=', batch),
  );
}

const sample = (taskId: string, nodeId: string, batch: number, cpuPercent: number, memoryBytes: number): ResourceSampleEvent => ({
  type: 'resource.sample',
  taskId,
  nodeId,
  batch,
  cpuPercent,
  memoryBytes,
  time: Date.now(),
});

describe('execution fields written by the scheduler', () => {
  it('ends an execution with the peak and mean of its samples, its queue time and its Engine id', async () => {
    store = await openTestStore();
    const engine = new ManualEngine();
    engine.capacity = 0;
    let now = 1_000_000;
    const clock: Clock = { ...systemClock, now: () => now };
    scheduler = new Scheduler({ store, engine, clock, logger: recordingLogger() });
    const { task_id } = scheduler.createTask(workflow([{ nodeId: 'a' }, { nodeId: 'b' }]));
    await scheduler.startTask(task_id);
    engine.emit([statusEvent(task_id, 'root', 1, 'running')]);
    await waitUntil(scheduler, () => scheduler!.queryNodes(task_id).filter((node) => node.status === 'ready').length === 2);

    // Capacity for one: the first ready agent starts 250 ms after it became ready, the other waits.
    now += 250;
    engine.capacity = 1;
    engine.emit([{ type: 'resource.sample', engineId: 'host', cpuPercent: 1, memoryBytes: 1, time: now }]);
    await waitUntil(scheduler, () => engine.starts().length === 1);
    const [first, second] = engine.starts()[0] === 'a#1' ? ['a', 'b'] : ['b', 'a'];
    expect(execution(store, task_id, first!)).toMatchObject({ status: 'pending', queue_time_ms: 250, engine_node_id: `${task_id}/${first}/1`, cpu_peak: null });

    now += 750;
    engine.emit([
      statusEvent(task_id, first!, 1, 'running'),
      sample(task_id, first!, 1, 10, 100 * MB),
      sample(task_id, first!, 1, 30, 300 * MB),
      // Another batch's sample, and another node's, count for neither.
      sample(task_id, first!, 7, 99, 999 * MB),
      sample(task_id, second!, 1, 99, 999 * MB),
    ]);
    engine.emit([sample(task_id, first!, 1, 20, 200 * MB), statusEvent(task_id, first!, 1, 'completed')]);
    expect(execution(store, task_id, first!)).toMatchObject({ status: 'completed', cpu_peak: 30, cpu_mean: 20, memory_peak: 300, memory_mean: 200, managed_nodes_total: null });

    await waitUntil(scheduler, () => engine.starts().length === 2);
    engine.emit([statusEvent(task_id, second!, 1, 'running'), statusEvent(task_id, second!, 1, 'completed')]);
    expect(await waitForTask(scheduler, store, task_id)).toBe('completed');
    // The second waited for capacity from the moment both became ready; it had no samples of its own.
    expect(execution(store, task_id, second!)).toMatchObject({ queue_time_ms: 1000, cpu_peak: null, cpu_mean: null, memory_peak: null, memory_mean: null });
  });

  it('gives a container the nodes it manages at any depth and how many of them completed', async () => {
    h = await harness({ script: { y: { outcome: 'failed' } } });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'box', nodeType: 'container' },
        { nodeId: 'x', parentId: 'box' },
        { nodeId: 'y', parentId: 'box' },
        { nodeId: 'inner', nodeType: 'container', parentId: 'box', dependencies: [{ sourceNodeId: 'y', type: 'success' }] },
        { nodeId: 'z', parentId: 'inner' },
        { nodeId: 'other', nodeType: 'container' },
        { nodeId: 'w', parentId: 'other' },
      ]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    expect(execution(h.store, task_id, 'box')).toMatchObject({ status: 'failed', managed_nodes_total: 4, managed_nodes_completed: 1 });
    expect(execution(h.store, task_id, 'other')).toMatchObject({ status: 'completed', managed_nodes_total: 1, managed_nodes_completed: 1 });
    expect(execution(h.store, task_id, 'root')).toMatchObject({ managed_nodes_total: 7, managed_nodes_completed: 3 });
    expect(execution(h.store, task_id, 'x')).toMatchObject({ status: 'completed', managed_nodes_total: null, managed_nodes_completed: null });
  });

  it('counts the samples stored before a restart when the execution ends after it', async () => {
    store = await openTestStore();
    const before = new ManualEngine();
    before.onEvents(createEventIngest(store, recordingLogger()));
    const first = new Scheduler({ store, engine: before, logger: recordingLogger() });
    const { task_id } = first.createTask(workflow([{ nodeId: 'a' }]));
    await first.startTask(task_id);
    before.emit([statusEvent(task_id, 'root', 1, 'running')]);
    await waitUntil(first, () => before.starts().includes('a#1'));
    before.emit([statusEvent(task_id, 'a', 1, 'running'), sample(task_id, 'a', 1, 40, 400 * MB), sample(task_id, 'a', 1, 20, 100 * MB)]);
    first.close();

    const after = new ManualEngine();
    after.onEvents(createEventIngest(store, recordingLogger()));
    after.answers.set('root#1', { status: 'running' });
    after.answers.set('a#1', { status: 'running' });
    scheduler = new Scheduler({ store, engine: after, logger: recordingLogger() });
    await scheduler.recover();
    after.emit([sample(task_id, 'a', 1, 60, 100 * MB), statusEvent(task_id, 'a', 1, 'completed')]);
    expect(await waitForTask(scheduler, store, task_id)).toBe('completed');
    expect(execution(store, task_id, 'a')).toMatchObject({ status: 'completed', cpu_peak: 60, cpu_mean: 40, memory_peak: 400, memory_mean: 200 });
  });
});
