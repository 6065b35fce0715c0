import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startConsoleRuntime, type ConsoleRuntime } from '../../../../src/main/core/runtime';
import { recordingLogger, workflow } from '../../../helpers/scheduler';
import { MIGRATIONS_DIR } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp';
import { fakeClock } from './fake-clock';

const tempDir = useTempDirs();
let runtime: ConsoleRuntime | undefined;
afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

describe('triggers in the console runtime', () => {
  it('fire a schedule in the process holding the scheduler: the task of the template starts and runs', async () => {
    const clock = fakeClock(Date.parse('2026-03-01T00:00:00Z'));
    runtime = await startConsoleRuntime({
      dbFile: join(tempDir(), 'console.sqlite'),
      migrationsDir: MIGRATIONS_DIR,
      appName: 'Deduction Console',
      version: 'test',
      logger: recordingLogger(),
      triggers: { clock },
    });
    expect(runtime.ownership.role()).toBe('scheduler');
    await runtime.api.saveTemplate({ definition: workflow([{ nodeId: 'a' }], { name: 'hourly', triggers: [{ type: 'schedule', cron: '0 * * * *', timezone: 'UTC', variables: { shift: 'night' } }] }) });
    const [trigger] = await runtime.api.listTriggers();
    expect(trigger!.nextFireAt).toBe(Date.parse('2026-03-01T01:00:00Z'));

    clock.set(Date.parse('2026-03-01T01:00:00Z'));
    await runtime.triggers.tick();
    const [fired] = await runtime.api.listTriggers();
    expect(fired).toMatchObject({ lastError: null, lastTaskId: expect.any(String), nextFireAt: Date.parse('2026-03-01T02:00:00Z') });
    const taskId = fired!.lastTaskId!;
    await vi.waitFor(async () => expect((await runtime!.api.getTask(taskId)).status).toBe('completed'), { timeout: 15_000, interval: 50 });
    const task = await runtime.api.getTask(taskId);
    // The template's author owns what it declares, and the task is made in the owner's name.
    expect(fired!.owner).toBe('operator');
    expect(task).toMatchObject({ createdBy: 'operator', variables: { shift: 'night', trigger: { kind: 'schedule', firedAt: '2026-03-01T01:00:00.000Z' } } });
  });
});
