import { afterEach, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../../src/shared/api/alerts';
import type { EngineState } from '../../../../src/shared/engine/engine-state';
import type { EngineEvent } from '../../../../src/shared/engine/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../../../src/shared/settings/settings';
import type { NodeChange, TaskChange } from '../../../../src/shared/task/changes';
import { AlertMonitor } from '../../../../src/main/core/alerts/alert-monitor';
import type { Store } from '../../../../src/main/core/store/store';
import { nodeChange } from '../../../helpers/node-change';
import { insertTaskWithAgents } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function open(dir?: string): Promise<Store> {
  const store = await openTestStore(dir);
  stores.push(store);
  return store;
}

function monitorOn(store: Store, settings: Partial<Settings['alerts']> = {}, clock = { now: 1_000_000 }) {
  const events: AlertEvent[] = [];
  const monitor = new AlertMonitor({ store, settings: () => ({ ...DEFAULT_SETTINGS.alerts, ...settings }), emit: (event) => events.push(event), now: () => clock.now });
  return { monitor, events, clock };
}

const node = (nodeId: string, status: NodeChange['status'], errorCode: string | null = null): NodeChange =>
  nodeChange(nodeId, status, { errorCode, errorMessage: errorCode ? 'boom' : null });

/** Sets agents' end states in the store (as a commit would) and reports them to the monitor. */
function end(store: Store, monitor: AlertMonitor, taskId: string, nodes: NodeChange[]): void {
  const update = store.db.prepare('UPDATE workflow_node SET status = ?, error_code = ? WHERE task_id = ? AND node_id = ?');
  for (const change of nodes) update.run(change.status, change.errorCode, BigInt(taskId), change.nodeId);
  monitor.onTaskChanges([{ taskId, task: null, nodes }]);
}

const agents = (count: number) => Array.from({ length: count }, (_, index) => `a${index}`);

describe('alerts kept in the store', () => {
  it('survive a restart: a new monitor on the same database file sees them, state and count included', async () => {
    const dir = tempDir();
    const first = await open(dir);
    const taskId = insertTaskWithAgents(first, ['a', 'b']);
    const { monitor } = monitorOn(first);
    end(first, monitor, taskId, [node('a', 'failed', 'EXIT_CODE')]);
    monitor.onTaskChanges([{ taskId, task: null, nodes: [node('a', 'failed', 'EXIT_CODE')] }]);
    const failed = monitor.list({ state: ['open'] }).find((alert) => alert.kind === 'node-failed')!;
    expect(failed).toMatchObject({ nodeId: 'a', count: 2, taskName: `task ${taskId}`, message: 'a failed: boom' });
    first.close();
    stores.splice(0);

    const second = await open(dir);
    const again = monitorOn(second).monitor;
    expect(again.list().map((alert) => [alert.id, alert.kind, alert.state, alert.count])).toEqual(
      expect.arrayContaining([[failed.id, 'node-failed', 'open', 2]]),
    );
    expect(again.acknowledge(failed.id, 'alice')).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'alice' });
  });

  it('records who acknowledged and when, then who resolved it; a resolved alert takes neither again', async () => {
    const store = await open();
    const { monitor, events, clock } = monitorOn(store);
    const raised = monitor.raise({ kind: 'needs-operator', severity: 'critical', params: { nodeId: 'n1', detail: 'disk full' } });
    expect(raised.message).toBe('n1 needs an operator: disk full');
    clock.now += 5000;
    expect(monitor.acknowledge(raised.id, 'alice')).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'alice', acknowledgedAt: 1_005_000 });
    clock.now += 5000;
    expect(monitor.resolve(raised.id, 'bob')).toMatchObject({ state: 'resolved', resolvedBy: 'bob', resolvedAt: 1_010_000, acknowledgedBy: 'alice' });
    expect(() => monitor.acknowledge(raised.id, 'carol')).toThrow(/already resolved/);
    expect(() => monitor.resolve('999', 'carol')).toThrow(/no alert 999/);
    expect(events.map((event) => event.change)).toEqual(['raised', 'acknowledged', 'resolved']);
  });

  it('resolves by itself when the condition clears: the node completes, the Engine is back, the task ends', async () => {
    const store = await open();
    const taskId = insertTaskWithAgents(store, ['a']);
    const { monitor } = monitorOn(store);
    end(store, monitor, taskId, [node('a', 'failed', 'EXIT_CODE')]);
    end(store, monitor, taskId, [node('a', 'completed')]);
    const engine = (status: EngineState['status']) => ({ endpoint: 'e', url: 'http://e', engineId: 'e1', status, lastError: 'refused' }) as EngineState;
    monitor.onEngineStates([engine('down')]);
    monitor.onEngineStates([engine('connected')]);
    monitor.raise({ kind: 'run-time', severity: 'warning', taskId, params: { elapsedMs: 1, thresholdMs: 1 } });
    monitor.onTaskChanges([{ taskId, task: { status: 'completed' } as TaskChange['task'], nodes: [] }]);
    expect(monitor.list({ state: ['open', 'acknowledged'] })).toEqual([]);
    expect(monitor.list().map((alert) => [alert.kind, alert.state, alert.resolvedBy])).toEqual(
      expect.arrayContaining([
        ['node-failed', 'resolved', null],
        ['engine-lost', 'resolved', null],
        ['run-time', 'resolved', null],
      ]),
    );
  });

  it('prunes resolved alerts by age, then by count, and never an unresolved one', async () => {
    const store = await open();
    const { monitor, clock } = monitorOn(store);
    const ids = Array.from({ length: 6 }, (_, index) => monitor.raise({ kind: 'engine-lost', severity: 'critical', engine: `e${index}`, params: { engine: `e${index}` } }).id);
    for (const id of ids.slice(0, 5)) {
      monitor.resolve(id, 'op');
      clock.now += 86_400_000;
    }
    // Resolved 5, 4, 3, 2 and 1 days ago.
    expect(monitor.alerts.prune(3.5, 100)).toBe(2);
    expect(monitor.alerts.prune(30, 2)).toBe(1);
    expect(monitor.list().map((alert) => alert.engine)).toEqual(['e5', 'e4', 'e3']);
  });
});

describe('each rule at its threshold', () => {
  interface Case {
    rule: string;
    settings?: Partial<Settings['alerts']>;
    act: (store: Store, monitor: AlertMonitor, clock: { now: number }) => void;
    raises: boolean;
  }
  const failing = (total: number, failed: number, code = 'EXIT_CODE') => (store: Store, monitor: AlertMonitor) => {
    const taskId = insertTaskWithAgents(store, agents(total));
    end(store, monitor, taskId, agents(total).map((id, index) => (index < failed ? node(id, 'failed', code) : node(id, 'completed'))));
  };
  const running = (minutes: number) => (store: Store, monitor: AlertMonitor, clock: { now: number }) => {
    const taskId = insertTaskWithAgents(store, ['a']);
    store.db.prepare(`UPDATE deduction_task SET status = 'running', start_time = ? WHERE id = ?`).run(clock.now - minutes * 60_000, BigInt(taskId));
    monitor.checkRunTimes();
  };
  const sample = (cpuPercent: number, memoryMb = 0) => (store: Store, monitor: AlertMonitor) => {
    const taskId = insertTaskWithAgents(store, ['a']);
    monitor.onEngineEvents([{ type: 'resource.sample', engineId: 'e1', seq: 1, taskId, nodeId: 'a', cpuPercent, memoryBytes: memoryMb * 1024 * 1024, time: 1 } as EngineEvent]);
  };
  const cases: Case[] = [
    { rule: 'failure-rate', settings: { onNodeFailure: false, onHealthScore: false }, act: failing(20, 1), raises: false },
    { rule: 'failure-rate', settings: { onNodeFailure: false, onHealthScore: false }, act: failing(20, 2), raises: true },
    { rule: 'failure-rate', settings: { onNodeFailure: false, onHealthScore: false, onFailureRate: false }, act: failing(20, 2), raises: false },
    { rule: 'health-score', settings: { onNodeFailure: false, onFailureRate: false }, act: failing(10, 4), raises: false },
    { rule: 'health-score', settings: { onNodeFailure: false, onFailureRate: false }, act: failing(10, 5), raises: true },
    { rule: 'health-score', settings: { onNodeFailure: false, onFailureRate: false, onHealthScore: false }, act: failing(10, 5), raises: false },
    { rule: 'node-failed', act: failing(2, 1), raises: true },
    { rule: 'node-failed', settings: { onNodeFailure: false }, act: failing(2, 1), raises: false },
    { rule: 'node-timeout', act: failing(2, 1, 'TIMEOUT'), raises: true },
    { rule: 'node-timeout', settings: { onNodeTimeout: false }, act: failing(2, 1, 'TIMEOUT'), raises: false },
    { rule: 'run-time', act: running(59), raises: false },
    { rule: 'run-time', act: running(61), raises: true },
    { rule: 'run-time', settings: { onRunTime: false }, act: running(61), raises: false },
    { rule: 'resource-use', act: sample(80), raises: false },
    { rule: 'resource-use', act: sample(81), raises: true },
    { rule: 'resource-use', act: sample(10, 900), raises: false },
    { rule: 'resource-use', settings: { agentMemoryLimitMb: 1000 }, act: sample(10, 801), raises: true },
    { rule: 'resource-use', settings: { onResourceUse: false }, act: sample(95), raises: false },
    { rule: 'engine-lost', act: (_store, monitor) => monitor.onEngineStates([{ endpoint: 'e', url: 'http://e', engineId: 'e1', status: 'down', lastError: null } as unknown as EngineState]), raises: true },
    { rule: 'engine-lost', settings: { onEngineLost: false }, act: (_store, monitor) => monitor.onEngineStates([{ endpoint: 'e', url: 'http://e', engineId: 'e1', status: 'down', lastError: null } as unknown as EngineState]), raises: false },
  ];
  it.each(cases)('$rule with $settings raises: $raises', async ({ rule, settings, act, raises }) => {
    const store = await open();
    const { monitor, clock } = monitorOn(store, settings);
    act(store, monitor, clock);
    expect(monitor.list().some((alert) => alert.kind === rule)).toBe(raises);
  });

  it('counts repeated firings on one alert: a node failing again, an agent crossing the resource line again', async () => {
    const store = await open();
    const taskId = insertTaskWithAgents(store, ['a']);
    const { monitor } = monitorOn(store);
    const at = (cpuPercent: number) => ({ type: 'resource.sample', engineId: 'e1', seq: 1, taskId, nodeId: 'a', cpuPercent, memoryBytes: 0, time: 1 }) as EngineEvent;
    monitor.onEngineEvents([at(90), at(95), at(50), at(91)]);
    end(store, monitor, taskId, [node('a', 'failed', 'EXIT_CODE')]);
    end(store, monitor, taskId, [node('a', 'failed', 'EXIT_CODE')]);
    const counts = Object.fromEntries(monitor.list().map((alert) => [alert.kind, alert.count]));
    expect(counts).toMatchObject({ 'resource-use': 2, 'node-failed': 2 });
    expect(monitor.list().filter((alert) => alert.kind === 'node-failed')).toHaveLength(1);
  });
});
