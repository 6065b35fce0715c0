import { afterEach, describe, expect, it } from 'vitest';
import { ReadyQueue, type Queueable } from '../../../../src/main/core/scheduler/queue';
import { harness, waitForTask, workflow, type Harness } from '../../../helpers/scheduler';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

const item = (name: string, priority: number, readyTime: number) => ({ name, priority, readyTime, queued: false, queueSeq: 0 }) satisfies Queueable & { name: string };

describe('ReadyQueue', () => {
  it('orders by priority (higher first), then readiness time, then arrival; a node is queued once', () => {
    const queue = new ReadyQueue<ReturnType<typeof item>>();
    const items = [item('low-early', 0, 10), item('high-late', 5, 30), item('high-early', 5, 20), item('low-early-2', 0, 10), item('negative', -3, 0)];
    for (const each of items) queue.add(each);
    queue.add(items[1]!);
    expect(queue.size).toBe(5);
    const order: string[] = [];
    for (let next = queue.take(); next; next = queue.take()) order.push(next.name);
    expect(order).toEqual(['high-early', 'high-late', 'low-early', 'low-early-2', 'negative']);
    expect(items.every((each) => !each.queued)).toBe(true);
  });
});

describe('capacity', () => {
  it('makes ready agents wait for Engine capacity, higher priority first, never running more than the Engine can', async () => {
    h = await harness({ capacity: 2, defaultScript: { durationMs: 15 } });
    let peak = 0;
    const original = h.engine.startNode.bind(h.engine);
    h.engine.startNode = (command) => {
      const result = original(command);
      peak = Math.max(peak, h!.engine.runningCount);
      return result;
    };
    const priorities = [1, 9, 3, 9, 5, 0, 7, 2];
    const { task_id } = h.scheduler.createTask(workflow(priorities.map((priority, i) => ({ nodeId: `p${priority}-${i}`, priority }))));
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    const starts = h.engine.log.filter((entry) => entry.startsWith('start ')).map((entry) => entry.slice(6, entry.indexOf('#')));
    expect(starts).toEqual(['p9-1', 'p9-3', 'p7-6', 'p5-4', 'p3-2', 'p2-7', 'p1-0', 'p0-5']);
    expect(peak).toBeLessThanOrEqual(2);
    expect(h.engine.stats.startCommands).toBe(8);
  });
});
