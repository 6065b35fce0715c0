import { afterEach, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../../src/shared/api/alerts';
import { DEFAULT_SETTINGS } from '../../../../src/shared/settings/settings';
import { AlertMonitor } from '../../../../src/main/core/alerts/alert-monitor';
import { forecastForTask } from '../../../../src/main/core/forecast/forecast-service';
import type { Store } from '../../../../src/main/core/store/store';
import { createTask } from '../../../../src/main/core/tasks/create-task';
import { getTask } from '../../../../src/main/core/tasks/task-queries';
import { openTestStore } from '../../../helpers/store';

const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

const T0 = Date.UTC(2026, 11, 8, 9, 0, 0);
/** Two agents in a row that declare 60 s each: the forecast finish is two minutes after it starts. */
const DRILL = {
  name: 'deadline drill',
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true },
    { nodeId: 'first', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 60_000 } },
    { nodeId: 'second', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 60_000 }, dependencies: [{ sourceNodeId: 'first', type: 'success' }] },
  ],
};

async function drill(deadline: string | number) {
  const store = await openTestStore();
  stores.push(store);
  const clock = { now: T0 };
  const events: AlertEvent[] = [];
  const monitor = new AlertMonitor({
    store,
    settings: () => DEFAULT_SETTINGS.alerts,
    emit: (event) => events.push(event),
    now: () => clock.now,
    forecastFinish: (taskId) => forecastForTask(store, [], taskId, clock.now).finish,
  });
  const taskId = createTask(store, DRILL, { deadline }, T0).task_id;
  const setNode = (nodeId: string, status: string, startedAt: number, endedAt: number | null) =>
    store.db.prepare('UPDATE workflow_node SET status = ?, start_time = ?, end_time = ? WHERE task_id = ? AND node_id = ?').run(status, startedAt, endedAt, BigInt(taskId), nodeId);
  return { store, clock, events, monitor, taskId, setNode, open: () => monitor.list({ state: ['open', 'acknowledged'], taskId }).filter((alert) => alert.kind === 'deadline-miss') };
}

describe('the deadline alert', () => {
  it('stores the deadline given as an ISO time with its offset, or as epoch ms, and refuses a time without one', async () => {
    const { store, taskId } = await drill('2026-12-08T17:02:30+08:00');
    expect(getTask(store, taskId).deadline).toBe(T0 + 150_000);
    const byMs = await drill(T0 + 5);
    expect(getTask(byMs.store, byMs.taskId).deadline).toBe(T0 + 5);
    expect(() => createTask(store, { ...DRILL, name: 'no zone' }, { deadline: '2026-12-08T09:00:00' }, T0)).toThrow(/deadline.*offset/);
  });

  it('is raised when the p90 finish passes the deadline and resolved when the forecast comes back inside', async () => {
    const { clock, events, monitor, taskId, setNode, open } = await drill(T0 + 150_000);
    monitor.checkDeadlines();
    expect(open()).toEqual([]);

    // The first agent overruns: at T0+100 s it still runs, so the finish is T0+160 s, 10 s late.
    setNode('root', 'running', T0, null);
    setNode('first', 'running', T0, null);
    clock.now = T0 + 100_000;
    monitor.checkDeadlines();
    expect(open()).toHaveLength(1);
    expect(open()[0]).toMatchObject({ kind: 'deadline-miss', severity: 'warning', taskId, params: { lateMs: 10_000, p90: T0 + 160_000 }, message: 'will miss its deadline: expected to end (p90) 0.2 min after it' });

    // Checked again: one alert, refreshed, not counted again.
    clock.now = T0 + 105_000;
    monitor.checkDeadlines();
    expect(open()).toMatchObject([{ count: 1, params: { lateMs: 15_000 } }]);

    // It ends at last, and the second agent is quick this time: its forecast says inside.
    setNode('first', 'completed', T0, T0 + 105_000);
    setNode('second', 'completed', T0 + 105_000, T0 + 110_000);
    clock.now = T0 + 110_000;
    monitor.checkDeadlines();
    expect(open()).toEqual([]);
    expect(events.map((event) => [event.kind, event.change])).toEqual([
      ['deadline-miss', 'raised'],
      ['deadline-miss', 'resolved'],
    ]);
  });

  it('leaves tasks without a deadline, and ended tasks, alone', async () => {
    const { store, monitor, clock, taskId, open } = await drill(T0 + 1);
    createTask(store, { ...DRILL, name: 'no deadline' }, {}, T0);
    store.db.prepare("UPDATE deduction_task SET status = 'completed' WHERE id = ?").run(BigInt(taskId));
    clock.now = T0 + 1_000_000;
    monitor.checkDeadlines();
    expect(monitor.list()).toEqual([]);
    expect(open()).toEqual([]);
  });
});
