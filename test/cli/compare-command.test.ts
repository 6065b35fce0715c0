import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { COMPARE_EXIT, comparisonText } from '../../src/cli/compare-command';
import { compareRuns, type RunComparison, type RunSide } from '../../src/shared/compare/run-compare';
import { TERMINAL_TASK_STATUSES } from '../../src/shared/status';
import { startTestRuntime } from '../helpers/console-runtime';
import { recordingIo } from '../helpers/cli-io';

let db: string;
let planned: string;
let forced: string;
const dbDir = mkdtempSync(join(tmpdir(), 'deduction-compare-cli-'));
afterAll(() => rmSync(dbDir, { recursive: true, force: true }));

const workflow = (strikeOutcome: string) => ({
  name: 'compare CLI',
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true },
    { nodeId: '侦察', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 10, result: { seen: 3 } } },
    { nodeId: 'strike', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 10, outcome: strikeOutcome }, dependencies: [{ sourceNodeId: '侦察', type: 'success' }] },
  ],
});

beforeAll(async () => {
  const runtime = await startTestRuntime(dbDir);
  db = join(dbDir, 'console.sqlite');
  const run = async (outcome: string, name: string) => {
    const taskId = (await runtime.api.createTask(workflow(outcome), { name })).task_id;
    await runtime.api.startTask(taskId);
    while (!(TERMINAL_TASK_STATUSES as readonly string[]).includes((await runtime.api.getTask(taskId)).status)) await new Promise((resolve) => setTimeout(resolve, 20));
    return taskId;
  };
  planned = await run('completed', 'as planned');
  forced = await run('failed', 'strike fails');
  await runtime.close();
}, 60_000);

describe('deduction compare', () => {
  it('lists the nodes that differ and exits 1; alike runs exit 0', async () => {
    const io = recordingIo();
    expect(await main(['compare', planned, forced, '--db', db], io)).toBe(COMPARE_EXIT.differ);
    const lines = io.stdout().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^A: as planned \\(task ${planned}\\), completed, `));
    expect(lines[1]).toMatch(new RegExp(`^B: strike fails \\(task ${forced}\\), failed, `));
    expect(lines.some((line) => line.startsWith('strike  status completed → failed'))).toBe(true);
    expect(lines.some((line) => line.startsWith('root  status completed → failed'))).toBe(true);
    expect(lines.some((line) => line.startsWith('侦察'))).toBe(false);
    expect(await main(['compare', planned, planned, '--db', db], recordingIo())).toBe(COMPARE_EXIT.alike);
  });

  it('prints the whole comparison as JSON, every node with --all', async () => {
    const io = recordingIo();
    await main(['compare', planned, forced, '--json', '--threshold-ms', '0', '--threshold-share', '0', '--db', db], io);
    const comparison = JSON.parse(io.stdout()) as RunComparison;
    expect(comparison.options).toEqual({ absoluteThresholdMs: 0, relativeThreshold: 0 });
    expect(comparison.nodes.map((node) => node.nodeId)).toEqual(['root', '侦察', 'strike']);
    const all = recordingIo();
    await main(['compare', planned, forced, '--all', '--db', db], all);
    expect(all.stdout()).toMatch(/^侦察 {2}alike$/m);
  });

  it('refuses a task id that is not a number with exit 2, and an unknown task with exit 3', async () => {
    const bad = recordingIo();
    expect(await main(['compare', 'latest', forced, '--db', db], bad)).toBe(2);
    expect(bad.stderr()).toMatch(/"latest" is not a task id/);
    const missing = recordingIo();
    expect(await main(['compare', planned, '999999', '--db', db], missing)).toBe(COMPARE_EXIT.notFound);
    expect(missing.stderr()).toMatch(/There is no task 999999/);
  });

  it('says when a node is an agent in one run and a container in the other', () => {
    const side = (nodeType: 'agent' | 'container'): RunSide => ({
      taskId: '1',
      name: 'r',
      status: 'completed',
      startTime: 0,
      endTime: 1,
      variables: {},
      nodes: [{ nodeId: 'x', nodeType, name: null, status: 'completed', batches: 1, durationMs: 1, result: null }],
    });
    expect(comparisonText(compareRuns(side('agent'), side('container')), false)).toContain('x  type agent → container');
  });
});
