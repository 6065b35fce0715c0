import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../../../src/main/core/scheduler/timers';
import type { Store } from '../../../../src/main/core/store/store';
import { createTask } from '../../../../src/main/core/tasks/create-task';
import { createTrigger, getTrigger } from '../../../../src/main/core/triggers/trigger-rows';
import { TriggerService } from '../../../../src/main/core/triggers/trigger-service';
import { loadTemplate, saveTemplate } from '../../../../src/main/core/workflow/templates';
import { recordingLogger, workflow } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
const closers: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function setUp(folder: string) {
  const store = await openTestStore(tempDir());
  closers.push(() => store.close());
  saveTemplate(store, workflow([{ nodeId: 'a' }], { name: 'ingest' }), { createdBy: 'alice' });
  const trigger = createTrigger(store, { templateName: 'ingest', spec: { type: 'file', folder, pattern: '*.csv', variables: { source: 'inbox' } }, source: 'manual', owner: 'bob' }, Date.now());
  const service = new TriggerService({
    store,
    clock: systemClock,
    logger: recordingLogger(),
    scanMs: 25,
    settleMs: 60,
    start: async ({ templateName, variables, owner }) => createTask(store, loadTemplate(store, { name: templateName })!.definition, { variables, createdBy: owner }).task_id,
  });
  closers.push(() => service.close());
  await service.start();
  return { store, trigger, service };
}

const taskVariables = (store: Store) => store.all(store.kysely.selectFrom('deduction_task').select('variables').orderBy('id')).map((row) => JSON.parse(row.variables) as Record<string, unknown>);

describe('file triggers', () => {
  it('start one task per new file matching the pattern, once it has stopped growing, with the file in the variables', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'old.csv'), 'there before the trigger');
    const { store, trigger } = await setUp(folder);
    writeFileSync(join(folder, 'notes.txt'), 'not a csv');
    writeFileSync(join(folder, 'report.csv'), 'a,b\n1,2\n');

    await vi.waitFor(() => expect(taskVariables(store)).toHaveLength(1), { timeout: 10_000, interval: 20 });
    const [variables] = taskVariables(store);
    expect(variables).toMatchObject({ source: 'inbox', file: { path: join(folder, 'report.csv'), name: 'report.csv', size: 8 }, trigger: { id: trigger.id, kind: 'file', via: 'file' } });

    writeFileSync(join(folder, 'second.csv'), 'x');
    await vi.waitFor(() => expect(taskVariables(store)).toHaveLength(2), { timeout: 10_000, interval: 20 });
    // Each file once: old.csv (there before), notes.txt (no match) and report.csv (done) never start another.
    expect(taskVariables(store).map((each) => (each.file as { name: string }).name)).toEqual(['report.csv', 'second.csv']);
    expect(getTrigger(store, trigger.id).lastError).toBeNull();
  });

  it('reports a missing folder as the trigger’s error, and watches it once it appears', async () => {
    const folder = join(tempDir(), 'not yet');
    const { store, trigger } = await setUp(folder);
    await vi.waitFor(() => expect(getTrigger(store, trigger.id).lastError).toBe(`the folder ${folder} does not exist`), { timeout: 10_000, interval: 20 });

    mkdirSync(folder);
    writeFileSync(join(folder, 'late.csv'), 'late');
    await vi.waitFor(() => expect(taskVariables(store)).toHaveLength(1), { timeout: 10_000, interval: 20 });
    expect(getTrigger(store, trigger.id).lastError).toBeNull();
  });
});
