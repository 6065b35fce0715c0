import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleRuntime } from '../../../../src/main/core/runtime';
import type { NodeStatus, TaskStatus } from '../../../../src/shared/status';
import type { WorkflowDefinitionInput } from '../../../../src/shared/workflow/definition';
import { startTestRuntime } from '../../../helpers/console-runtime';
import { useTempDirs } from '../../../helpers/temp';

/** Hold and release (scheduler/hold.ts) against the reference Engine, as the app embeds it. */
const tempDir = useTempDirs();
let runtime: ConsoleRuntime | undefined;
afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

async function start(definition: WorkflowDefinitionInput): Promise<{ api: ConsoleRuntime['api']; taskId: string }> {
  runtime = await startTestRuntime(tempDir());
  const api = runtime.api;
  const taskId = (await api.createTask(definition)).task_id;
  await api.startTask(taskId);
  return { api, taskId };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const nodeOf = (api: ConsoleRuntime['api'], taskId: string, nodeId: string) => async () => (await api.queryNodes(taskId)).find((node) => node.nodeId === nodeId)!;
const statusIs = (...statuses: NodeStatus[]) => (node: { status: NodeStatus }) => statuses.includes(node.status);
const taskEnded = (task: { status: TaskStatus }) => ['completed', 'failed', 'stopped'].includes(task.status);

function flow(nodes: WorkflowDefinitionInput['nodes']): WorkflowDefinitionInput {
  return { name: 'hold drill', nodes: [{ nodeId: 'root', nodeType: 'container', isRoot: true }, ...nodes] };
}

describe('hold and release on the reference Engine', () => {
  it('a held running sim agent stops progressing, resumes after release and completes; both audited', async () => {
    const { api, taskId } = await start(flow([{ nodeId: 'work', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 1_500, steps: 30 }, timeoutMs: 2_000 }]));
    const work = nodeOf(api, taskId, 'work');
    await until(work, (node) => node.status === 'running' && node.progress > 0);
    await api.holdNode(taskId, 'work', { reason: 'commander wants a look' });
    expect((await work()).status).toBe('held');
    // The step under way when it paused may still report; after that, for many of its 50 ms steps, none.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const held = await work();
    await new Promise((resolve) => setTimeout(resolve, 700));
    const still = await work();
    expect(still.status).toBe('held');
    expect(still.progress).toBe(held.progress);
    expect(still.progress).toBeLessThan(1);
    // Held past its 2 s timeout counted from its start, it does not time out: its timeout waits while held.
    await new Promise((resolve) => setTimeout(resolve, 1_400));
    expect((await work()).status).toBe('held');

    await api.releaseNode(taskId, 'work');
    expect((await until(() => api.getTask(taskId), taskEnded)).status).toBe('completed');
    const transitions = await api.listTransitions({ taskId, nodeId: 'work' });
    expect(transitions.map((each) => [each.from, each.to])).toEqual([
      [null, 'pending'],
      ['pending', 'ready'],
      ['ready', 'running'],
      ['running', 'held'],
      ['held', 'running'],
      ['running', 'completed'],
    ]);
    expect(transitions[3]).toMatchObject({ trigger: 'user', operator: expect.any(String), reason: 'held: commander wants a look' });
    expect(transitions[4]).toMatchObject({ trigger: 'user', reason: 'released' });
    expect((await api.listExecutions(taskId)).map((each) => [each.nodeId, each.batch, each.status])).toContainEqual(['work', 1, 'completed']);
  }, 20_000);

  it('a held node that has not started stays unstarted until released; a container holds its subtree', async () => {
    const { api, taskId } = await start(
      flow([
        { nodeId: 'first', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 200 } },
        { nodeId: 'next', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 10 }, dependencies: [{ sourceNodeId: 'first' }] },
        { nodeId: 'box', nodeType: 'container', parentId: 'root', dependencies: [{ sourceNodeId: 'first' }] },
        { nodeId: 'inner', nodeType: 'agent', parentId: 'box', agentLoad: 'sim', agentConfig: { durationMs: 10 } },
      ]),
    );
    await api.holdNode(taskId, 'next');
    await api.holdNode(taskId, 'box');
    const statuses = async () => Object.fromEntries((await api.queryNodes(taskId)).map((node) => [node.nodeId, node.status]));
    expect(await statuses()).toMatchObject({ next: 'held', box: 'held', inner: 'held' });
    await until(nodeOf(api, taskId, 'first'), statusIs('completed'));
    // The dependency is satisfied, yet nothing held starts.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await statuses()).toMatchObject({ root: 'running', next: 'held', box: 'held', inner: 'held' });
    expect((await api.getTask(taskId)).status).toBe('running');

    await api.releaseNode(taskId, 'next');
    await until(nodeOf(api, taskId, 'next'), statusIs('completed'));
    expect((await statuses()).box).toBe('held');
    await api.releaseNode(taskId, 'box');
    expect((await until(() => api.getTask(taskId), taskEnded)).status).toBe('completed');
    expect((await api.listTransitions({ taskId, nodeId: 'inner' })).map((each) => [each.to, each.reason])).toContainEqual(['held', 'held (with its container box)']);
  }, 20_000);

  it('refuses to hold a running agent that cannot pause, with the reason, and writes nothing', async () => {
    const { api, taskId } = await start(flow([{ nodeId: 'gate', nodeType: 'agent', parentId: 'root', agentLoad: 'manual' }]));
    await until(nodeOf(api, taskId, 'gate'), statusIs('running'));
    await expect(api.holdNode(taskId, 'gate')).rejects.toMatchObject({ reason: { key: 'node.cannotPause' }, message: expect.stringMatching(/cannot be held: .*manual agents cannot pause/) });
    await expect(api.holdNode(taskId, 'root')).rejects.toMatchObject({ reason: { key: 'node.cannotPause', params: { nodeId: 'gate' } } });
    expect((await nodeOf(api, taskId, 'gate')()).status).toBe('running');
    expect((await api.listTransitions({ taskId })).filter((each) => each.to === 'held')).toEqual([]);
    await expect(api.releaseNode(taskId, 'gate')).rejects.toMatchObject({ reason: { key: 'node.notHeld' } });
    await api.stopTask(taskId);
  }, 20_000);
});
