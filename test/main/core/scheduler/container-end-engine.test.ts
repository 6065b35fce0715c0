import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleRuntime } from '../../../../src/main/core/runtime';
import { TERMINAL_TASK_STATUSES } from '../../../../src/shared/status';
import type { WorkflowDefinitionInput } from '../../../../src/shared/workflow/definition';
import { startTestRuntime } from '../../../helpers/console-runtime';
import { useTempDirs } from '../../../helpers/temp';

/** Container timeout and retry against the reference Engine, as the app embeds it. */
const tempDir = useTempDirs();
let runtime: ConsoleRuntime | undefined;
afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

async function run(definition: WorkflowDefinitionInput): Promise<{ taskId: string; status: string }> {
  runtime = await startTestRuntime(tempDir());
  const taskId = (await runtime.api.createTask(definition)).task_id;
  await runtime.api.startTask(taskId);
  for (;;) {
    const { status } = await runtime.api.getTask(taskId);
    if ((TERMINAL_TASK_STATUSES as readonly string[]).includes(status)) return { taskId, status };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('containers on the reference Engine', () => {
  it('a container with timeoutMs 500 holding a 4 s agent ends timed out, the agent stopped on the Engine', async () => {
    const { taskId, status } = await run({
      name: 'container timeout',
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true },
        { nodeId: 'box', nodeType: 'container', parentId: 'root', timeoutMs: 500 },
        { nodeId: 'slow', nodeType: 'agent', parentId: 'box', agentLoad: 'sim', agentConfig: { durationMs: 4_000 } },
      ],
    });
    expect(status).toBe('failed');
    const executions = await runtime!.api.listExecutions(taskId);
    const box = executions.find((each) => each.nodeId === 'box')!;
    expect(box).toMatchObject({ status: 'timeout', errorCode: 'TIMEOUT' });
    expect(box.durationMs!).toBeLessThan(4_000);
    expect(executions.find((each) => each.nodeId === 'slow')).toMatchObject({ status: 'stopped', errorCode: 'TIMEOUT' });
    const nodes = await runtime!.api.queryNodes(taskId);
    expect(Object.fromEntries(nodes.map((node) => [node.nodeId, node.status]))).toEqual({ root: 'failed', box: 'failed', slow: 'stopped' });
  }, 20_000);

  it('a retried container is initialized again on the Engine and its agent succeeds on the second batch', async () => {
    const { taskId, status } = await run({
      name: 'container retry',
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true },
        { nodeId: 'box', nodeType: 'container', parentId: 'root', containerConfig: { workDir: true }, retry: { maxRetries: 1, backoff: { initialMs: 0 } } },
        { nodeId: 'flaky', nodeType: 'agent', parentId: 'box', agentLoad: 'sim', agentConfig: { durationMs: 20, failTimes: 1 } },
      ],
    });
    expect(status).toBe('completed');
    const executions = await runtime!.api.listExecutions(taskId);
    const of = (nodeId: string) => executions.filter((each) => each.nodeId === nodeId).map((each) => [each.batch, each.status]);
    expect(of('box')).toEqual([
      [1, 'failed'],
      [2, 'completed'],
    ]);
    expect(of('flaky')).toEqual([
      [1, 'failed'],
      [2, 'completed'],
    ]);
  }, 20_000);
});
