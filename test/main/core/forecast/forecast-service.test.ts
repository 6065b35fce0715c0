import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nearestRank } from '../../../../src/shared/forecast/percentile';
import { TERMINAL_TASK_STATUSES } from '../../../../src/shared/status';
import type { ConsoleRuntime } from '../../../../src/main/core/runtime';
import { startTestRuntime } from '../../../helpers/console-runtime';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();

const WORKFLOW = {
  name: 'forecast drill',
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true },
    { nodeId: 'recon', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 60, steps: 1 } },
    { nodeId: 'strike', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 30, steps: 1 }, dependencies: [{ sourceNodeId: 'recon', type: 'success' }] },
    { nodeId: 'fresh', nodeType: 'agent', parentId: 'root', agentLoad: 'http', agentConfig: { url: 'http://127.0.0.1:9/never' }, dependencies: [{ sourceNodeId: 'strike', type: 'failure' }] },
  ],
};

async function runToEnd(runtime: ConsoleRuntime, templateId: string, name: string): Promise<string> {
  const taskId = (await runtime.api.createTask(WORKFLOW, { name, templateId })).task_id;
  await runtime.api.startTask(taskId);
  const deadline = Date.now() + 20_000;
  while (!(TERMINAL_TASK_STATUSES as readonly string[]).includes((await runtime.api.getTask(taskId)).status)) {
    if (Date.now() > deadline) throw new Error(`${name} did not end`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return taskId;
}

let runtime: ConsoleRuntime;
let templateId: string;
let earlier: string[];

beforeAll(async () => {
  runtime = await startTestRuntime(tempDir());
  const saved = await runtime.api.saveTemplate({ definition: WORKFLOW });
  if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
  templateId = saved.template.id;
  earlier = [];
  for (const run of [1, 2, 3]) earlier.push(await runToEnd(runtime, templateId, `drill ${run}`));
}, 60_000);
afterAll(() => runtime.close());

describe('getForecast', () => {
  it('estimates each agent from the earlier runs of its template and says how many', async () => {
    const next = (await runtime.api.createTask(WORKFLOW, { name: 'drill 4', templateId })).task_id;
    const durations = async (nodeId: string) => {
      const all = await Promise.all(earlier.map((taskId) => runtime.api.listExecutions(taskId)));
      return all.flat().filter((execution) => execution.nodeId === nodeId && execution.status === 'completed').map((execution) => execution.durationMs!);
    };
    const recon = await durations('recon');
    const strike = await durations('strike');
    expect(recon).toHaveLength(3);

    const before = Date.now();
    const forecast = await runtime.api.getForecast(next);
    expect(forecast.historyRuns).toBe(3);
    const byId = new Map(forecast.nodes.map((node) => [node.nodeId, node]));
    expect(byId.get('recon')!.estimate).toEqual({ p50: nearestRank(recon, 0.5), p90: nearestRank(recon, 0.9), basis: 'node-history', runs: 3 });
    expect(byId.get('strike')!.estimate).toMatchObject({ basis: 'node-history', runs: 3 });
    // The failure branch never ran: no history of its own, nor of its load; it is expected skipped.
    expect(byId.get('fresh')).toMatchObject({ outlook: 'skipped', estimate: { basis: 'unknown', runs: 0 } });
    // …so its lack of an estimate is not one the finish rests on.
    expect(forecast.bases).toEqual({ 'node-history': 2, 'load-history': 0, declared: 0, unknown: 0 });
    const expected = nearestRank(recon, 0.5)! + nearestRank(strike, 0.5)!;
    expect(forecast.finish.p50 - forecast.computedAt).toBe(expected);
    expect(forecast.computedAt).toBeGreaterThanOrEqual(before);
    expect(forecast.criticalPath).toEqual(['root', 'recon', 'strike']);
  });

  it('refuses an unknown task with its id', async () => {
    await expect(runtime.api.getForecast('123456789')).rejects.toThrow(/123456789/);
  });
});
