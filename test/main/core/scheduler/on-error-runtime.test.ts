import { afterAll, describe, expect, it } from 'vitest';
import { TERMINAL_TASK_STATUSES } from '../../../../src/shared/status';
import { gatherRunReport } from '../../../../src/main/core/report/gather-report';
import { renderReportHtml } from '../../../../src/shared/report/render-html';
import { REPORT_STRINGS } from '../../../../src/shared/report/report-strings';
import type { ConsoleRuntime } from '../../../../src/main/core/runtime';
import { startTestRuntime } from '../../../helpers/console-runtime';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
const sim = (config: Record<string, unknown>) => ({ nodeType: 'agent' as const, parentId: 'root', agentLoad: 'sim', agentConfig: config });

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not done after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

let runtime: ConsoleRuntime | undefined;
afterAll(() => runtime?.close());

describe('onError rules on the whole core with the reference Engine', () => {
  it('recovers through a sim handler, skips and escalates by SIMULATED_FAILURE, raises the escalated alert and names the nodes in the report', async () => {
    runtime = await startTestRuntime(tempDir());
    const workflow = {
      name: 'recovery rules run',
      onError: [{ code: 'SIMULATED*', action: 'escalate' }],
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true },
        { nodeId: 'work', ...sim({ durationMs: 10, outcome: 'failed' }), onError: [{ code: 'SIMULATED_FAILURE', action: 'handler', handlerNodeId: 'fix' }] },
        { nodeId: 'fix', ...sim({ durationMs: 10, result: { cleaned: true } }) },
        { nodeId: 'after-work', ...sim({ durationMs: 10 }), dependencies: [{ sourceNodeId: 'work', type: 'success' }] },
        { nodeId: 'probe', ...sim({ durationMs: 10, outcome: 'failed' }), onError: [{ code: '*', action: 'skip' }] },
        { nodeId: 'deploy', ...sim({ durationMs: 10, outcome: 'failed' }) },
      ],
    };
    const { task_id: taskId } = await runtime.api.createTask(workflow, { name: workflow.name });
    await runtime.api.startTask(taskId);
    const task = await until(
      () => runtime!.api.getTask(taskId),
      (found) => (TERMINAL_TASK_STATUSES as readonly string[]).includes(found.status),
    );
    expect(task.status).toBe('failed');
    const nodes = Object.fromEntries((await runtime.api.queryNodes(taskId)).map((node) => [node.nodeId, [node.status, node.errorCode]]));
    expect(nodes).toMatchObject({
      work: ['completed', 'RECOVERED'],
      fix: ['completed', null],
      'after-work': ['completed', null],
      probe: ['skipped', 'SKIPPED_BY_RULE'],
      deploy: ['failed', 'ESCALATED'],
    });
    const escalated = (await runtime.api.listAlerts()).filter((alert) => alert.taskId === taskId && alert.kind === 'node-escalated');
    expect(escalated.map((alert) => [alert.nodeId, alert.severity])).toEqual([['deploy', 'critical']]);
    const html = renderReportHtml(gatherRunReport(runtime.store, taskId), REPORT_STRINGS.en);
    const section = html.slice(html.indexOf('Recovery rules</h2>'));
    for (const words of ['work', 'recovered by its handler', 'probe', 'skipped by a rule', 'deploy', 'failed and escalated']) expect(section).toContain(words);
  }, 60_000);
});
