import { afterEach, describe, expect, it } from 'vitest';
import { TestEngine } from '../../../helpers/test-engine';
import { Scheduler } from '../../../../src/main/core/scheduler/scheduler';
import { TimerQueue, type Clock } from '../../../../src/main/core/scheduler/timers';
import type { Store } from '../../../../src/main/core/store/store';
import { harness, recordingLogger, waitForTask, waitUntil, workflow, type Harness } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

function fakeClock(): Clock & { advance(ms: number): void; armed: number[] } {
  let now = 1_000;
  let timers: { at: number; callback: () => void; handle: number }[] = [];
  let next = 1;
  const armed: number[] = [];
  return {
    armed,
    now: () => now,
    setTimeout(callback, ms) {
      armed.push(ms);
      const handle = next++;
      timers.push({ at: now + ms, callback, handle });
      return handle;
    },
    clearTimeout(handle) {
      timers = timers.filter((timer) => timer.handle !== handle);
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((timer) => timer.at <= now);
      timers = timers.filter((timer) => timer.at > now);
      for (const timer of due) timer.callback();
    },
  };
}

const row = (store: Store, taskId: string, nodeId: string) =>
  store.first(store.kysely.selectFrom('workflow_node').selectAll().where('task_id', '=', taskId).where('node_id', '=', nodeId))!;
const taskRow = (store: Store, taskId: string) => store.first(store.kysely.selectFrom('deduction_task').selectAll().where('id', '=', taskId))!;

describe('TimerQueue', () => {
  it('hands out due items in time order with one armed timeout, re-armed for earlier ones', () => {
    const clock = fakeClock();
    const due: string[][] = [];
    const timers = new TimerQueue<string>(clock, (items) => due.push(items));
    timers.add(1_500, 'c');
    timers.add(1_100, 'a');
    timers.add(1_100, 'b');
    expect(clock.armed).toEqual([500, 100]);
    clock.advance(99);
    expect(due).toEqual([]);
    clock.advance(1);
    expect(due).toEqual([['a', 'b']]);
    clock.advance(400);
    expect(due).toEqual([['a', 'b'], ['c']]);
    expect(timers.size).toBe(0);
  });

  it('waits for moments beyond what one setTimeout can in steps', () => {
    const clock = fakeClock();
    const due: string[] = [];
    const timers = new TimerQueue<string>(clock, (items) => due.push(...items));
    const farAway = 1_000 + 40 * 86_400_000;
    timers.add(farAway, 'pin');
    expect(clock.armed).toEqual([2_147_483_647]);
    clock.advance(2_147_483_647);
    expect(due).toEqual([]);
    clock.advance(farAway - clock.now());
    expect(due).toEqual(['pin']);
  });
});

describe('pins', () => {
  it('holds a node until delayMs after the task started, while others run', async () => {
    h = await harness();
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'free' }, { nodeId: 'pinned', pin: { delayMs: 150 } }]));
    await h.scheduler.startTask(task_id);
    await waitUntil(h.scheduler, () => row(h!.store, task_id, 'free').status === 'completed');
    expect(row(h.store, task_id, 'pinned')).toMatchObject({ status: 'waiting' });
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    const task = taskRow(h.store, task_id);
    const pinned = row(h.store, task_id, 'pinned');
    expect(pinned.not_before).toBe(task.start_time! + 150);
    expect(pinned.start_time!).toBeGreaterThanOrEqual(pinned.not_before!);
  });

  it('starts a node pinned to a moment already past at once, and one pinned to a later moment then', async () => {
    h = await harness();
    const later = Date.now() + 150;
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'past', pin: { at: '2020-01-01T00:00:00Z' } }, { nodeId: 'later', pin: { at: new Date(later).toISOString() } }]));
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(row(h.store, task_id, 'past').not_before).toBe(Date.parse('2020-01-01T00:00:00Z'));
    expect(row(h.store, task_id, 'later').start_time!).toBeGreaterThanOrEqual(later);
    expect(row(h.store, task_id, 'past').start_time!).toBeLessThan(later);
  });

  it('survive a restart: the stored not_before is armed again and honoured', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    const first = new Scheduler({ store, engine: new TestEngine(), logger: recordingLogger() });
    const { task_id } = first.createTask(workflow([{ nodeId: 'pinned', pin: { delayMs: 300 } }, { nodeId: 'after', dependencies: [{ sourceNodeId: 'pinned', type: 'success' }] }]));
    await first.startTask(task_id);
    await waitUntil(first, () => row(store, task_id, 'pinned').status === 'waiting');
    first.close();
    store.close();

    const reopened = await openTestStore(dir);
    const engine = new TestEngine();
    const second = new Scheduler({ store: reopened, engine, logger: recordingLogger() });
    try {
      await second.recover();
      const notBefore = row(reopened, task_id, 'pinned').not_before!;
      expect(notBefore).toBe(taskRow(reopened, task_id).start_time! + 300);
      expect(await waitForTask(second, reopened, task_id)).toBe('completed');
      expect(row(reopened, task_id, 'pinned').start_time!).toBeGreaterThanOrEqual(notBefore);
      expect(engine.log).toContain('start pinned#1');
    } finally {
      second.close();
      engine.close();
      reopened.close();
    }
  });
});
