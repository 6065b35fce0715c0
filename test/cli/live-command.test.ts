import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { startHeadlessHost, type HeadlessHost } from '../../src/main/core/host/headless-host';
import type { ConsoleRuntime } from '../../src/main/core/runtime';
import { recordingIo } from '../helpers/cli-io';
import { startTestRuntime } from '../helpers/console-runtime';
import { useTempDirs } from '../helpers/temp';

const OPERATOR = 'live-cli-operator-token-0123456789';
const VIEWER = 'live-cli-viewer-token-0123456789';
const tempDir = useTempDirs();
let runtime: ConsoleRuntime | undefined;
let host: HeadlessHost | undefined;
afterEach(async () => {
  await host?.close();
  await runtime?.close();
  host = undefined;
  runtime = undefined;
});

const WORKFLOW = {
  name: 'live cli',
  variables: { region: 'east' },
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true },
    { nodeId: 'long', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 600_000 } },
    { nodeId: 'quick', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 0, result: { region: { $ref: 'variables.region' } } } },
  ],
};

async function run(args: string[], token = OPERATOR): Promise<{ code: number; out: string; err: string }> {
  const io = recordingIo();
  const code = await main([...args, '--url', host!.url, '--token', token], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

async function nodeStatus(taskId: string, nodeId: string): Promise<string | undefined> {
  return (await runtime!.api.queryNodes(taskId)).find((node) => node.nodeId === nodeId)?.status;
}

async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('deduction vars | add-nodes | remove-node | rerun', () => {
  it('change a running task through its host, name what is refused, and refuse a viewer', async () => {
    const dir = tempDir();
    runtime = await startTestRuntime(dir);
    host = await startHeadlessHost({ apiFor: (session) => runtime!.apiFor(session.operator, session.role), events: runtime.events, tokens: { operator: OPERATOR, viewer: VIEWER } });
    const { task_id: taskId } = await runtime.api.createTask(WORKFLOW);
    await runtime.api.startTask(taskId);
    await until(async () => (await nodeStatus(taskId, 'long')) === 'running' && (await nodeStatus(taskId, 'quick')) === 'completed');

    expect(await run(['vars', taskId, 'region=west', 'level=3', '--reason', 'front moved'])).toEqual({ code: 0, out: 'region: "east" -> "west"\nlevel: (unset) -> 3', err: '' });
    const viewer = await run(['vars', taskId, 'region=north'], VIEWER);
    expect(viewer.code).toBe(1);
    expect(viewer.err).toMatch(/the host refused \(403\): POST .*\/variables changes the deduction and needs an operator token/);

    const nodes = join(dir, 'nodes.json');
    writeFileSync(nodes, JSON.stringify([{ nodeId: 'after', nodeType: 'agent', agentLoad: 'sim', agentConfig: { durationMs: 0 }, dependencies: [{ sourceNodeId: 'long' }] }]));
    expect(await run(['add-nodes', taskId, nodes])).toMatchObject({ code: 0, out: 'added 1 node(s): after' });
    const cyclic = join(dir, 'cyclic.json');
    writeFileSync(cyclic, JSON.stringify({ nodes: [{ nodeId: 'x', nodeType: 'agent', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'y' }] }, { nodeId: 'y', nodeType: 'agent', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'x' }] }] }));
    const refused = await run(['add-nodes', taskId, cyclic]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/The nodes to add do not fit the running workflow[\s\S]*\n {2}node "[xy]".*cycle/i);

    expect(await run(['remove-node', taskId, 'long'])).toMatchObject({ code: 1, err: expect.stringContaining('Node "long" is running; only a node that has not started can be removed') as unknown });
    expect(await run(['remove-node', taskId, 'after'])).toMatchObject({ code: 0, out: 'removed 1 node(s): after' });

    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ durationMs: 0, result: { region: { $ref: 'variables.region' }, edited: true } }));
    expect(await run(['rerun', taskId, 'quick', '--config', config])).toMatchObject({ code: 0, out: 'rerunning 1 node(s) from quick, with its edited config' });
    await until(async () => (await runtime!.api.listExecutions(taskId)).filter((execution) => execution.nodeId === 'quick' && execution.status === 'completed').length === 2);
    const runs = (await runtime.api.listExecutions(taskId)).filter((execution) => execution.nodeId === 'quick').sort((a, b) => a.batch - b.batch);
    expect(runs.map((execution) => execution.result)).toEqual([{ region: 'east' }, { region: 'west', edited: true }]);
  }, 30_000);
});
