import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleApi } from '../../../../src/shared/api/contract';
import type { ConsoleRuntime } from '../../../../src/main/core/runtime';
import { clockAnchors } from '../../../../src/main/core/clock/task-clock';
import { simDuration } from '../../../../src/shared/clock/task-time';
import { startTestRuntime } from '../../../helpers/console-runtime';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
const agent = (nodeId: string, agentLoad: string, agentConfig: Record<string, unknown>) => ({ nodeId, nodeType: 'agent', parentId: 'root', agentLoad, agentConfig });
const workflow = (name: string, ...agents: object[]) => ({ name, nodes: [{ nodeId: 'root', nodeType: 'container', isRoot: true }, ...agents] });

let runtime: ConsoleRuntime;
beforeAll(async () => {
  runtime = await startTestRuntime(tempDir());
}, 30_000);
afterAll(() => runtime.close());

async function nodeStatus(api: ConsoleApi, taskId: string, nodeId: string): Promise<string> {
  return (await api.getNodeDetail(taskId, nodeId)).node.status;
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The simulation time the one execution of a node took, from its stored wall times and the task's clock history. */
async function simRunTime(taskId: string, nodeId: string): Promise<number> {
  const task = await runtime.api.getTask(taskId);
  const [execution] = (await runtime.api.getNodeDetail(taskId, nodeId)).executions;
  return simDuration(task.startTime!, clockAnchors(runtime.store, taskId), execution!.startTime!, execution!.endTime!);
}

describe('the exercise clock with the reference Engine', () => {
  it('refuses rates out of range, a step before the start and changes of an ended task, with the reason', async () => {
    const { task_id: taskId } = await runtime.api.createTask(workflow('refusals', agent('quick', 'sim', { durationMs: 0 })));
    expect((await runtime.api.getTaskClock(taskId)).rate).toBe(1);
    await expect(runtime.api.setTaskClock(taskId, { action: 'rate', rate: 128 })).rejects.toThrow(/at most ×64/);
    await expect(runtime.api.setTaskClock(taskId, { action: 'step', ms: 10 })).rejects.toMatchObject({ reason: { key: 'clock.notStarted' } });
    await runtime.api.startTask(taskId);
    await until('the task to end', async () => (await runtime.api.getTask(taskId)).status === 'completed');
    await expect(runtime.api.setTaskClock(taskId, { action: 'rate', rate: 2 })).rejects.toMatchObject({ code: 'CONFLICT', reason: { key: 'clock.ended' } });
  });

  it('refuses simulation time for timers, pins and timeouts, which run on wall time so far', async () => {
    await expect(runtime.api.createTask(workflow('sim timers', agent('one', 'sim', { durationMs: 10 })), { timeBase: 'simulation' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('runs a 10-second sim agent at ×10 in about a second, and reports 10 s of simulation time', async () => {
    const api = runtime.api;
    const { task_id: taskId } = await api.createTask(workflow('fast run', agent('ten', 'sim', { durationMs: 10_000, steps: 5 })));
    await api.setTaskClock(taskId, { action: 'rate', rate: 10 });
    const wallStart = Date.now();
    await api.startTask(taskId);
    await until('the sim agent to end', async () => (await nodeStatus(api, taskId, 'ten')) === 'completed');
    const wall = Date.now() - wallStart;
    expect(wall).toBeLessThan(5000);
    // Executions keep the console's wall times; the window and the report show them through the clock history, so the
    // console's own start and end latency counts ×10 too.
    expect(Math.abs((await simRunTime(taskId, 'ten')) - 10_000)).toBeLessThan(1500);
    const clock = await api.getTaskClock(taskId);
    expect(clock).toMatchObject({ timeBase: 'wall', rate: 10, paused: false, changes: [{ action: 'rate', new: { rate: 10 }, taskTimeMs: 0 }] });
  });

  it('stops sim progress while the clock is paused, moves it on by a step, and lists a process agent as keeping real time', async () => {
    const api = runtime.api;
    const sleeper = agent('sleeper', 'script', { interpreter: 'node', script: 'setTimeout(() => {}, 20000)' });
    const { task_id: taskId } = await api.createTask(workflow('paused run', agent('long', 'sim', { durationMs: 2000, steps: 20 }), sleeper));
    await api.startTask(taskId);
    await until('both agents to run', async () => (await nodeStatus(api, taskId, 'long')) === 'running' && (await nodeStatus(api, taskId, 'sleeper')) === 'running');
    const paused = await api.setTaskClock(taskId, { action: 'pause' });
    expect(paused.clock.paused).toBe(true);
    expect(paused.notHonouring).toEqual([expect.objectContaining({ nodeId: 'sleeper', agentLoad: 'script', kind: 'process' })]);

    const progressAt = async () => (await api.getNodeDetail(taskId, 'long')).node.progress;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const held = await progressAt();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await nodeStatus(api, taskId, 'long')).toBe('running');
    expect(await progressAt()).toBe(held);

    const stepped = await api.setTaskClock(taskId, { action: 'step', ms: 5000 });
    expect(stepped.clock.simMs - paused.clock.simMs).toBe(5000);
    await until('the stepped sim agent to end', async () => (await nodeStatus(api, taskId, 'long')) === 'completed', 5000);
    await expect(api.setTaskClock(taskId, { action: 'pause' })).rejects.toMatchObject({ code: 'CONFLICT', reason: { key: 'clock.alreadyPaused' } });
    await api.stopTask(taskId, 'done');
  });
});
