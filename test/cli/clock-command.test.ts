import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { startHeadlessHost, type HeadlessHost } from '../../src/main/core/host/headless-host';
import type { ConsoleRuntime } from '../../src/main/core/runtime';
import { recordingIo } from '../helpers/cli-io';
import { startTestRuntime } from '../helpers/console-runtime';
import { useTempDirs } from '../helpers/temp';

const tempDir = useTempDirs();
const OPERATOR = 'operator-token-0123456789';
const VIEWER = 'viewer-token-0123456789ab';
const WORKFLOW = {
  name: 'clocked',
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true },
    { nodeId: 'only', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 600_000 } },
  ],
};

let dir: string;
let runtime: ConsoleRuntime;
let host: HeadlessHost;
let taskId: string;
beforeAll(async () => {
  dir = tempDir();
  runtime = await startTestRuntime(dir);
  host = await startHeadlessHost({ apiFor: (session) => runtime.apiFor(session.operator, session.role), events: runtime.events, tokens: { operator: OPERATOR, viewer: VIEWER } });
  taskId = (await runtime.api.createTask(WORKFLOW, { name: 'clocked run' })).task_id;
  await runtime.api.startTask(taskId);
}, 30_000);
afterAll(async () => {
  await runtime.api.stopTask(taskId, 'test over').catch(() => undefined);
  await host.close();
  await runtime.close();
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = recordingIo();
  const code = await main(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('deduction clock', () => {
  it('changes the clock through the host, prints it with its changes, and reads it from the database', async () => {
    const paused = await cli(['clock', taskId, '--pause', '--url', host.url, '--token', OPERATOR]);
    expect(paused.code).toBe(0);
    expect(paused.stdout).toMatch(new RegExp(`^task ${taskId}  T\\+00:00:\\d\\d  ×1  paused  time base wall\\n  \\S+  pause  T\\+\\S+ ×1 → T\\+\\S+ ×1 paused  by \\S+`));
    const stepped = await cli(['clock', taskId, '--step', '60000', '--url', host.url, '--token', OPERATOR]);
    expect(stepped.stdout).toMatch(/step 60000 ms {2}T\+00:00:\d\d ×1 paused → T\+00:01:\d\d ×1 paused/);
    expect(await cli(['clock', taskId, '--rate', '8', '--url', host.url, '--token', OPERATOR])).toMatchObject({ code: 0, stderr: '' });

    const read = await cli(['clock', taskId, '--json', '--db', join(dir, 'console.sqlite')]);
    expect(read.code).toBe(0);
    const clock = (JSON.parse(read.stdout) as { clock: { rate: number; paused: boolean; changes: Array<{ action: string }> } }).clock;
    expect(clock).toMatchObject({ rate: 8, paused: true });
    expect(clock.changes.map((change) => change.action)).toEqual(['pause', 'step', 'rate']);
  });

  it('refuses a viewer, a rate out of range, two changes at once and a change without the host, saying why', async () => {
    const viewer = await cli(['clock', taskId, '--resume', '--url', host.url, '--token', VIEWER]);
    expect(viewer.code).not.toBe(0);
    expect(viewer.stderr).toMatch(/host refused \(403\).*viewer/);
    const fast = await cli(['clock', taskId, '--rate', '100', '--url', host.url, '--token', OPERATOR]);
    expect(fast.stderr).toContain('rate: must be at most ×64');
    expect((await cli(['clock', taskId, '--pause', '--resume', '--url', host.url, '--token', OPERATOR])).stderr).toContain('one clock change at a time');
    expect((await cli(['clock', taskId, '--resume', '--db', join(tempDir(), 'console.sqlite')])).stderr).toContain('give --url');
  });
});
