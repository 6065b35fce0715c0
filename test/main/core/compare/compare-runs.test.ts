import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunComparison } from '../../../../src/shared/compare/run-compare';
import { TERMINAL_TASK_STATUSES } from '../../../../src/shared/status';
import type { WorkflowDefinition } from '../../../../src/shared/workflow/definition';
import type { ConsoleRuntime } from '../../../../src/main/core/runtime';
import { startTestRuntime } from '../../../helpers/console-runtime';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();

/** The shipped red-vs-blue exercise with every simulated step shortened to 20 ms and the strike's retry backoff to 10 ms. */
function redVsBlue(): WorkflowDefinition {
  const definition = JSON.parse(readFileSync(new URL('../../../../examples/red-vs-blue.json', import.meta.url), 'utf8')) as WorkflowDefinition;
  for (const node of definition.nodes) {
    if (node.agentConfig && typeof node.agentConfig.durationMs === 'number') node.agentConfig = { ...node.agentConfig, durationMs: 20, steps: 1 };
    if (node.retry) node.retry = { maxRetries: 2, backoff: { initialMs: 10, factor: 1, maxMs: 10 } };
  }
  return definition;
}

async function runToEnd(runtime: ConsoleRuntime, definition: WorkflowDefinition, name: string): Promise<string> {
  const taskId = (await runtime.api.createTask(definition, { name })).task_id;
  await runtime.api.startTask(taskId);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const task = await runtime.api.getTask(taskId);
    if ((TERMINAL_TASK_STATUSES as readonly string[]).includes(task.status)) return taskId;
    const review = (await runtime.api.queryNodes(taskId)).find((node) => node.nodeId === 'incident-review');
    if (review?.status === 'running') await runtime.api.decideManual(taskId, 'incident-review', { approved: true, comment: 'reviewed' });
    if (Date.now() > deadline) throw new Error(`${name} did not end`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let runtime: ConsoleRuntime;
let comparison: RunComparison;

beforeAll(async () => {
  runtime = await startTestRuntime(tempDir());
  const planned = redVsBlue();
  const forced = redVsBlue();
  const plan = forced.nodes.find((node) => node.nodeId === 'red-plan')!;
  plan.agentConfig = { ...plan.agentConfig, outcome: 'failed' };
  const first = await runToEnd(runtime, planned, 'red vs blue, as planned');
  const second = await runToEnd(runtime, forced, 'red vs blue, red plan fails');
  comparison = await runtime.api.compareRuns(first, second, { absoluteThresholdMs: 60_000 });
}, 90_000);
afterAll(() => runtime.close());

describe('compareRuns on two runs of red-vs-blue, the second with a forced failure', () => {
  it('names exactly the nodes that differ, and how', () => {
    // red-plan fails: its dependents on success are skipped, red withdraws instead (its condition
    // reads no strike score), the red side and the exercise fail, the umpire gives the round to
    // blue, and the incident review (join "one" over the sides' failures) runs.
    expect(comparison.nodes.filter((node) => node.differs).map((node) => node.nodeId)).toEqual([
      'deduction',
      'red-side',
      'red-plan',
      'red-strike',
      'red-exploit',
      'red-withdraw',
      'umpire',
      'brief-red-win',
      'brief-blue-win',
      'incident-review',
    ]);
    const byId = new Map(comparison.nodes.map((node) => [node.nodeId, node]));
    expect(byId.get('red-plan')).toMatchObject({ status: { a: 'completed', b: 'failed' }, result: [{ path: '', kind: 'changed', before: { plan: 'north-route' }, after: null }] });
    expect(byId.get('red-strike')).toMatchObject({ status: { a: 'completed', b: 'skipped' }, batches: { a: 2, b: 0 }, duration: { b: null, verdict: 'only-one-ended' } });
    expect(byId.get('red-withdraw')).toMatchObject({ status: { a: 'skipped', b: 'completed' }, batches: { a: 0, b: 1 } });
    expect(byId.get('umpire')!.status).toBeUndefined();
    expect(byId.get('umpire')!.result).toEqual(
      expect.arrayContaining([
        { path: 'winner', kind: 'changed', before: 'red', after: 'blue' },
        { path: 'red', kind: 'changed', before: 'completed', after: 'failed' },
      ]),
    );
    expect(byId.get('blue-defend')).toMatchObject({ presence: 'both', differs: false });
    expect(comparison.counts).toMatchObject({ added: 0, removed: 0, status: 9, differing: 10 });
    expect(comparison.a.status).toBe('completed');
    expect(comparison.variables).toEqual([]);
  });

  it('reports nodes only one run had, durations beyond the thresholds, and variables', async () => {
    const definition = redVsBlue();
    const extra = { nodeId: 'debrief', nodeType: 'agent' as const, parentId: 'deduction', agentLoad: 'sim', agentConfig: { durationMs: 20, steps: 1 } };
    definition.nodes.find((node) => node.nodeId === 'deduction')!.children?.push('debrief');
    definition.nodes.push(extra);
    definition.variables = { ...definition.variables, rounds: 2 };
    const third = await runToEnd(runtime, definition, 'red vs blue, with a debrief');
    const strict = await runtime.api.compareRuns(comparison.a.taskId, third, { absoluteThresholdMs: 0, relativeThreshold: 0 });
    expect(strict.nodes.find((node) => node.nodeId === 'debrief')).toMatchObject({ presence: 'b', differs: true });
    expect(strict.counts.added).toBe(1);
    expect(strict.variables).toEqual([{ path: 'rounds', kind: 'changed', before: 1, after: 2 }]);
    const timed = strict.nodes.filter((node) => node.duration && node.duration.verdict !== 'only-one-ended');
    expect(timed.length).toBeGreaterThan(0);
    for (const node of timed) expect(node.duration!.verdict).toBe(node.duration!.b! > node.duration!.a! ? 'slower' : 'faster');
  });

  it('puts the comparison into the run report when asked, naming the same nodes', async () => {
    const file = await runtime.api.exportRunReport({ taskId: comparison.b.taskId, format: 'html', language: 'en', compareWith: comparison.a.taskId });
    const section = file.content.slice(file.content.indexOf('id="comparison"'));
    expect(section).toContain(`Compared with red vs blue, as planned (task ${comparison.a.taskId})`);
    // The report compares with the default thresholds, so durations may add a node or two; statuses and results are the same.
    const listed = [...section.matchAll(/data-node="([^"]+)"/g)].map((match) => match[1]);
    expect(listed).toEqual(expect.arrayContaining(['red-plan', 'red-strike', 'red-withdraw', 'umpire', 'incident-review']));
  });

  it('refuses an unknown task with its id', async () => {
    await expect(runtime.api.compareRuns(comparison.a.taskId, '987654321')).rejects.toThrow(/987654321/);
  });
});
