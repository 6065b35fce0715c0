import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index';
import type { ConsoleRuntime } from '../../src/main/core/runtime';
import { startTestRuntime } from '../helpers/console-runtime';
import { recordingIo } from '../helpers/cli-io';
import { workflow } from '../helpers/scheduler';
import { useTempDirs } from '../helpers/temp';

const tempDir = useTempDirs();
let runtime: ConsoleRuntime | undefined;
afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

describe('deduction inject', () => {
  it('fires an inject through the console running the task, once, and lists the injects with their state', async () => {
    const dir = tempDir();
    runtime = await startTestRuntime(dir);
    const definition = workflow([{ nodeId: 'long', agentConfig: { durationMs: 3000, steps: 3 } }], {
      injects: [{ id: 'storm', name: 'Storm front', when: { type: 'manual' }, actions: [{ type: 'setVariables', variables: { weather: 'storm' } }] }],
    });
    const { task_id: taskId } = await runtime.api.createTask(definition);
    await runtime.api.startTask(taskId);
    await vi.waitFor(async () => expect((await runtime!.api.getTask(taskId)).status).toBe('running'), { timeout: 10_000, interval: 25 });
    const db = join(dir, 'console.sqlite');

    const fire = recordingIo();
    expect(await main(['inject', taskId, 'storm', '--db', db], fire), fire.stderr()).toBe(0);
    expect(fire.stdout()).toMatch(/^storm {2}manual {2}fired {2}\S+ {2}by operator {2}set weather$/m);
    expect((await runtime.api.getTask(taskId)).variables).toMatchObject({ weather: 'storm' });

    const again = recordingIo();
    expect(await main(['inject', taskId, 'storm', '--db', db], again)).toBe(2);
    expect(again.stderr()).toMatch(/Inject storm of task \d+ already fired at .*; an inject fires once/);

    const unknown = recordingIo();
    expect(await main(['inject', taskId, 'flood', '--db', db], unknown)).toBe(1);
    expect(unknown.stderr()).toContain(`Task ${taskId} has no inject flood`);

    const list = recordingIo();
    expect(await main(['inject', taskId, '--list', '--db', db], list)).toBe(0);
    expect(list.stdout()).toMatch(/^storm {2}manual {2}fired /m);
  });
});
