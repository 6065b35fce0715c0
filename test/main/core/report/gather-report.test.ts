import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_LIMITS, type RunReport } from '../../../../src/shared/report/run-report';
import { TERMINAL_TASK_STATUSES } from '../../../../src/shared/status';
import { gatherRunReport } from '../../../../src/main/core/report/gather-report';
import type { ConsoleRuntime } from '../../../../src/main/core/runtime';
import { startTestRuntime } from '../../../helpers/console-runtime';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
const HOSTILE = '<script>alert("x")</script>';

const sim = (config: Record<string, unknown>) => ({ nodeType: 'agent' as const, parentId: 'root', agentLoad: 'sim', agentConfig: config });

const WORKFLOW = {
  name: '红蓝对抗 report run',
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true },
    { nodeId: 'heavy', name: '重载', ...sim({ durationMs: 400, cpuPercent: 80, memoryMb: 200 }) },
    { nodeId: 'light', ...sim({ durationMs: 400, cpuPercent: 10, memoryMb: 20 }) },
    { nodeId: 'flaky', ...sim({ durationMs: 20, failTimes: 1 }), retry: { maxRetries: 2, backoff: { initialMs: 10, factor: 1, maxMs: 10 } } },
    { nodeId: HOSTILE, ...sim({ durationMs: 20, outcome: 'failed' }) },
    { nodeId: 'gate', nodeType: 'agent', parentId: 'root', agentLoad: 'manual' },
    { nodeId: 'after-gate', ...sim({ durationMs: 10 }), dependencies: [{ sourceNodeId: 'gate', type: 'success' }] },
    { nodeId: 'never', ...sim({ durationMs: 10 }), dependencies: [{ sourceNodeId: HOSTILE, type: 'success' }] },
  ],
};

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not done after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

let runtime: ConsoleRuntime;
let taskId: string;
let report: RunReport;
let runningReport: RunReport;

beforeAll(async () => {
  runtime = await startTestRuntime(tempDir());
  await runtime.api.updateSettings({ operatorName: '值班员 Li' });
  taskId = (await runtime.api.createTask(WORKFLOW, { name: WORKFLOW.name })).task_id;
  await runtime.api.startTask(taskId);
  await until(
    () => runtime.api.queryNodes(taskId),
    (nodes) => nodes.find((node) => node.nodeId === 'gate')?.status === 'running',
  );
  runningReport = gatherRunReport(runtime.store, taskId, { now: Date.now() });
  await runtime.api.decideManual(taskId, 'gate', { approved: true, comment: 'proceed' });
  await until(
    () => runtime.api.getTask(taskId),
    (task) => (TERMINAL_TASK_STATUSES as readonly string[]).includes(task.status),
  );
  report = gatherRunReport(runtime.store, taskId, { timeZone: 'Asia/Shanghai', now: 1_900_000_000_000 });
}, 60_000);
afterAll(() => runtime.close());

describe('gatherRunReport on a real run', () => {
  it('summarises the task: status, times, duration, Engines, counters', async () => {
    const task = await runtime.api.getTask(taskId);
    expect(report.generatedAt).toBe(1_900_000_000_000);
    expect(report.timeZone).toBe('Asia/Shanghai');
    expect(report.task).toMatchObject({ taskId, name: WORKFLOW.name, status: 'failed', rootNodeId: 'root', engineIds: ['embedded'] });
    expect(report.task.durationMs).toBe(task.endTime! - task.startTime!);
    expect(report.counters).toMatchObject({ totalNodes: 8, totalAgents: 7, totalContainers: 1, failedNodes: task.failedNodes });
    expect(report.nodeStatusCounts).toMatchObject({ completed: 5, skipped: 1 });
    expect(report.nodeStatusCounts.failed).toBeGreaterThanOrEqual(1);
  });

  it('lists every node in definition order with its attempts, times and peaks', () => {
    expect(report.nodes.map((node) => node.nodeId)).toEqual(WORKFLOW.nodes.map((node) => node.nodeId));
    const heavy = report.nodes.find((node) => node.nodeId === 'heavy')!;
    expect(heavy).toMatchObject({ name: '重载', nodeType: 'agent', parentId: 'root', level: 1, status: 'completed', agentLoad: 'sim', engineId: 'embedded', attempts: 1 });
    expect(heavy.durationMs).toBe(heavy.endTime! - heavy.startTime!);
    expect(heavy.peakCpuPercent).toBe(80);
    expect(heavy.peakMemoryBytes).toBe(200 * 1024 * 1024);
    // The execution's own figures, gathered by the scheduler from the same samples as it ran.
    expect(heavy).toMatchObject({ meanCpuPercent: 80, meanMemoryMb: 200, managedNodesTotal: null });
    expect(heavy.queueTimeMs).toBeGreaterThanOrEqual(0);
    expect(report.nodes.find((node) => node.nodeId === 'root')).toMatchObject({ status: 'failed', managedNodesTotal: 7, managedNodesCompleted: 5 });
    expect(report.nodes.find((node) => node.nodeId === 'flaky')).toMatchObject({ status: 'completed', attempts: 2 });
    expect(report.nodes.find((node) => node.nodeId === 'never')).toMatchObject({ status: 'skipped', attempts: 0, startTime: null, durationMs: null });
  });

  it('counts executions and lists the nodes that ran more than once with each attempt', () => {
    expect(report.executionsTotal).toBe(7);
    expect(report.executionStatusCounts).toMatchObject({ completed: 5, failed: 2 });
    expect(report.retries.total).toBe(1);
    expect(report.retries.items[0]).toMatchObject({ nodeId: 'flaky', status: 'completed' });
    expect(report.retries.items[0]!.attempts.map((attempt) => [attempt.batch, attempt.status])).toEqual([
      [1, 'failed'],
      [2, 'completed'],
    ]);
    expect(report.retries.items[0]!.attempts[0]!.errorCode).toBeTruthy();
  });

  it('gives each failed node its error and its last warning and error lines, agents before containers', () => {
    expect(report.failures.items[0]).toMatchObject({ nodeId: HOSTILE, batch: 1, errorMessage: expect.stringContaining('simulated failure') });
    expect(report.failures.items[0]!.logs).toEqual([expect.objectContaining({ level: 'error', batch: 1, message: expect.stringContaining('simulated failure') })]);
    expect(report.failures.items.map((failure) => failure.nodeId)).toEqual([HOSTILE, 'root']);
    expect(report.failures.items[1]!.logs).toEqual([]);
    expect(report.failures.total).toBe(2);
  });

  it('records the operator actions with the operator who took them', () => {
    expect(report.operatorActions.total).toBe(report.operatorActions.items.length);
    expect(report.operatorActions.items).toContainEqual(expect.objectContaining({ nodeId: 'gate', to: 'completed', operator: '值班员 Li', reason: expect.stringContaining('approved') }));
  });

  it('takes the resource peaks of the task and ranks the nodes by theirs', () => {
    expect(report.resources.topCpu.map((peak) => [peak.nodeId, peak.value])).toEqual([
      ['heavy', 80],
      ['light', 10],
    ]);
    expect(report.resources.topMemory[0]).toMatchObject({ nodeId: 'heavy', name: '重载', value: 200 * 1024 * 1024 });
    // heavy and light ran side by side: the task's peak is their sum.
    expect(report.resources.taskPeakCpuPercent).toBe(90);
    expect(report.resources.taskPeakMemoryBytes).toBe(220 * 1024 * 1024);
  });

  it('draws a timeline of the agents in the order they started, each attempt a bar', () => {
    const rows = report.timeline.items;
    expect(report.timeline.total).toBe(6);
    expect(rows.map((row) => row.nodeId).sort()).toEqual(['after-gate', 'flaky', 'gate', 'heavy', 'light', HOSTILE].sort());
    const firsts = rows.map((row) => row.bars[0]!.startTime!);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    expect(rows.find((row) => row.nodeId === 'flaky')!.bars).toHaveLength(2);
    expect(report.timeline.start).toBe(Math.min(...firsts));
    expect(report.timeline.end).toBe(Math.max(...rows.flatMap((row) => row.bars.map((bar) => bar.endTime!))));
  });

  it('reports a task still running as of its moment', () => {
    expect(runningReport.task.status).toBe('running');
    expect(runningReport.task.endTime).toBeNull();
    expect(runningReport.task.durationMs).toBe(runningReport.generatedAt - runningReport.task.startTime!);
    const gate = runningReport.timeline.items.find((row) => row.nodeId === 'gate')!;
    expect(gate.bars[0]!.endTime).toBeNull();
    expect(runningReport.timeline.end).toBe(runningReport.generatedAt);
  });

  it('refuses a task that does not exist', () => {
    expect(() => gatherRunReport(runtime.store, '42')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('gatherRunReport on a wide task', () => {
  it('cuts the timeline to the first agents to start and says how many there are', async () => {
    const count = REPORT_LIMITS.timelineRows + 15;
    const wide = {
      name: 'wide',
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true },
        ...Array.from({ length: count }, (_, index) => ({ nodeId: `a${index}`, ...sim({ durationMs: 0 }) })),
      ],
    };
    const id = (await runtime.api.createTask(wide)).task_id;
    await runtime.api.startTask(id);
    await until(
      () => runtime.api.getTask(id),
      (task) => task.status === 'completed',
      60_000,
    );
    const wideReport = gatherRunReport(runtime.store, id);
    expect(wideReport.nodes).toHaveLength(count + 1);
    expect(wideReport.timeline.total).toBe(count);
    expect(wideReport.timeline.items).toHaveLength(REPORT_LIMITS.timelineRows);
    expect(wideReport.timeZone).toBe('UTC');
  }, 90_000);
});
