import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { startHeadlessHost, type HeadlessHost } from '../../src/main/core/host/headless-host';
import type { ConsoleRuntime } from '../../src/main/core/runtime';
import { recordingIo } from '../helpers/cli-io';
import { startTestRuntime } from '../helpers/console-runtime';
import { useTempDirs } from '../helpers/temp';

const OPERATOR = 'hold-cli-operator-token-0123456789';
const VIEWER = 'hold-cli-viewer-token-0123456789';
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
  name: 'hold cli',
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true },
    { nodeId: 'long', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 600_000 } },
  ],
};

async function run(args: string[], token?: string): Promise<{ code: number; out: string; err: string }> {
  const io = recordingIo();
  const code = await main([...args, '--url', host!.url, ...(token === undefined ? [] : ['--token', token])], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

async function statusOf(taskId: string): Promise<string | undefined> {
  return (await runtime!.api.queryNodes(taskId)).find((node) => node.nodeId === 'long')?.status;
}

async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('deduction hold | release', () => {
  it('holds a running sim agent and releases it through the host, and refuses a viewer and a missing token', async () => {
    runtime = await startTestRuntime(tempDir());
    host = await startHeadlessHost({ apiFor: (session) => runtime!.apiFor(session.operator, session.role), events: runtime.events, tokens: { operator: OPERATOR, viewer: VIEWER } });
    const { task_id: taskId } = await runtime.api.createTask(WORKFLOW);
    await runtime.api.startTask(taskId);
    await until(async () => (await statusOf(taskId)) === 'running');

    const viewer = await run(['hold', taskId, 'long'], VIEWER);
    expect(viewer.code).toBe(1);
    expect(viewer.err).toMatch(/the host refused \(403\)/);
    expect(await statusOf(taskId)).toBe('running');
    const tokenless = await run(['hold', taskId, 'long']);
    expect(tokenless.code).toBe(2);
    expect(tokenless.err).toContain('an operator token is needed');

    expect(await run(['hold', taskId, 'long', '--reason', 'wait for the brief'], OPERATOR)).toEqual({ code: 0, out: `held node long of task ${taskId}: it is held`, err: '' });
    expect(await statusOf(taskId)).toBe('held');
    expect(await run(['release', taskId, 'long'], OPERATOR)).toEqual({ code: 0, out: `released node long of task ${taskId}: it is running`, err: '' });
    const unknown = await run(['hold', taskId, 'nowhere'], OPERATOR);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('nowhere');
  });
});
