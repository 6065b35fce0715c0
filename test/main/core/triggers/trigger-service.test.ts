import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/shared/api/errors';
import type { TriggerSpecInput } from '../../../../src/shared/triggers/trigger-spec';
import type { Store } from '../../../../src/main/core/store/store';
import { createTask } from '../../../../src/main/core/tasks/create-task';
import type { StartTriggeredTask } from '../../../../src/main/core/triggers/start-task';
import { createTrigger, firingHistory, getTrigger, listTriggers, setTriggerPaused } from '../../../../src/main/core/triggers/trigger-rows';
import { TriggerService } from '../../../../src/main/core/triggers/trigger-service';
import { loadTemplate, saveTemplate } from '../../../../src/main/core/workflow/templates';
import { recordingLogger, workflow } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';
import { fakeClock } from './fake-clock';

const tempDir = useTempDirs();
const closers: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const at = (iso: string) => Date.parse(iso);

/** Makes the task (not started: no Engine needed) as the runtime's starter would, so the test reads its variables. */
function creatingStarter(store: Store, clock: { now(): number }): StartTriggeredTask {
  return async ({ templateName, variables, owner }) => {
    const template = loadTemplate(store, { name: templateName })!;
    return createTask(store, template.definition, { variables, createdBy: owner, templateId: template.id }, clock.now()).task_id;
  };
}

async function openStore(dir: string): Promise<Store> {
  const store = await openTestStore(dir);
  closers.push(() => store.close());
  return store;
}

function service(store: Store, clock: ReturnType<typeof fakeClock>, extra: Partial<ConstructorParameters<typeof TriggerService>[0]> = {}) {
  const made = new TriggerService({ store, clock, start: creatingStarter(store, clock), logger: recordingLogger(), ...extra });
  closers.push(() => made.close());
  return made;
}

function saveWithTriggers(store: Store, triggers: TriggerSpecInput[], now: number, createdBy = 'alice') {
  const saved = saveTemplate(store, workflow([{ nodeId: 'a' }], { name: 'nightly patch', variables: { region: 'west' }, triggers }), { createdBy, now: () => now });
  expect(saved.problems).toEqual([]);
  return saved;
}

const tasks = (store: Store) =>
  store.all(store.kysely.selectFrom('deduction_task').select(['id', 'variables', 'created_by', 'template_id']).orderBy('id')).map((row) => ({ ...row, variables: JSON.parse(row.variables) as Record<string, unknown> }));

async function missWhileClosed(catchUp: 'skip' | 'once', expectedTasks: number): Promise<void> {
  const dir = tempDir();
  const first = await openStore(dir);
  const clock = fakeClock(at('2026-03-01T12:00:00Z'));
  saveWithTriggers(first, [{ type: 'schedule', cron: '0 6 * * *', timezone: 'Europe/Berlin', catchUp }], clock.now());
  const [trigger] = listTriggers(first);
  const before = service(first, clock);
  await before.start();
  await before.close();

  // Closed for three days: 06:00 Berlin (05:00 UTC) passed on the 2nd, 3rd and 4th.
  const reopened = await openStore(dir);
  clock.set(at('2026-03-04T09:00:00Z'));
  const after = service(reopened, clock);
  await after.start();

  const made = tasks(reopened);
  expect(made).toHaveLength(expectedTasks);
  const history = firingHistory(reopened, trigger!.id);
  if (catchUp === 'skip') {
    expect(history).toMatchObject([{ outcome: 'missed', missed: 3, due_at: at('2026-03-02T05:00:00Z'), task_id: null }]);
  } else {
    expect(made[0]!.variables.trigger).toMatchObject({ missed: 3, catchUp: true, dueAt: at('2026-03-04T05:00:00Z'), firedAt: '2026-03-04T09:00:00.000Z' });
    expect(history).toMatchObject([{ outcome: 'started', missed: 3, task_id: made[0]!.id }]);
  }
  expect(getTrigger(reopened, trigger!.id).nextFireAt).toBe(at('2026-03-05T05:00:00Z'));
}

describe('schedule triggers', () => {
  it('fires at the cron’s next time in its zone and starts a task of the template with the trigger’s variables', async () => {
    const store = await openStore(tempDir());
    const clock = fakeClock(at('2026-03-01T12:00:00Z'));
    saveWithTriggers(store, [{ type: 'schedule', name: 'nightly', cron: '0 3 * * *', timezone: 'Asia/Shanghai', variables: { region: 'east' } }], clock.now());
    const [trigger] = listTriggers(store);
    // 03:00 in Shanghai (UTC+8) is 19:00 UTC the day before.
    expect(trigger).toMatchObject({ templateName: 'nightly patch', kind: 'schedule', owner: 'alice', source: 'declared', paused: false, nextFireAt: at('2026-03-01T19:00:00Z') });

    const triggers = service(store, clock);
    await triggers.start();
    clock.set(at('2026-03-01T18:59:59Z'));
    await triggers.tick();
    expect(tasks(store)).toEqual([]);

    clock.set(at('2026-03-01T19:00:00Z'));
    await triggers.tick();
    const [task] = tasks(store);
    expect(task!.variables).toEqual({
      region: 'east',
      trigger: { id: trigger!.id, name: 'nightly', kind: 'schedule', firedAt: '2026-03-01T19:00:00.000Z', dueAt: at('2026-03-01T19:00:00Z'), via: 'schedule', missed: 0, catchUp: false },
    });
    expect(task!.created_by).toBe('alice');
    expect(task!.template_id).toBe(loadTemplate(store, { name: 'nightly patch' })!.id);
    expect(getTrigger(store, trigger!.id)).toMatchObject({ lastFiredAt: at('2026-03-01T19:00:00Z'), lastTaskId: task!.id, lastError: null, nextFireAt: at('2026-03-02T19:00:00Z') });
    expect(firingHistory(store, trigger!.id)).toMatchObject([{ outcome: 'started', task_id: task!.id, missed: 0 }]);
  });

  it('never fires a paused trigger, and fires again from now once resumed', async () => {
    const store = await openStore(tempDir());
    const clock = fakeClock(at('2026-03-01T00:00:00Z'));
    saveWithTriggers(store, [{ type: 'schedule', cron: '0 * * * *', timezone: 'UTC' }], clock.now());
    const [trigger] = listTriggers(store);
    const triggers = service(store, clock);
    await triggers.start();
    setTriggerPaused(store, trigger!.id, true, clock.now());
    clock.set(at('2026-03-01T05:00:00Z'));
    await triggers.tick();
    expect(tasks(store)).toEqual([]);
    expect(getTrigger(store, trigger!.id)).toMatchObject({ paused: true, nextFireAt: null });
    await expect(triggers.fire(trigger!.id, {}, 'http', 'bob')).rejects.toMatchObject({ code: 'CONFLICT', message: `Trigger ${trigger!.id} is paused; resume it before firing it` });

    // The hours it was paused are not missed firings: nothing runs for them on resume.
    expect(setTriggerPaused(store, trigger!.id, false, at('2026-03-01T05:30:00Z')).nextFireAt).toBe(at('2026-03-01T06:00:00Z'));
    clock.set(at('2026-03-01T06:00:00Z'));
    await triggers.tick();
    expect(tasks(store)).toHaveLength(1);
    expect(firingHistory(store, trigger!.id).map((firing) => firing.outcome)).toEqual(['started']);
  });

  it('skips the firings missed while no console ran, recording them, under the catch-up policy skip', async () => {
    await missWhileClosed('skip', 0);
  });

  it('runs once for all the firings missed while no console ran under the catch-up policy once', async () => {
    await missWhileClosed('once', 1);
  });

  it('starts one task only when two services on one database see the same firing', async () => {
    const dir = tempDir();
    const one = await openStore(dir);
    const two = await openStore(dir);
    const clock = fakeClock(at('2026-03-01T00:00:00Z'));
    saveWithTriggers(one, [{ type: 'schedule', cron: '*/15 * * * *' }], clock.now());
    const services = [service(one, clock), service(two, clock)];
    await Promise.all(services.map((each) => each.start()));
    for (const minute of [15, 30, 45]) {
      clock.set(at('2026-03-01T00:00:00Z') + minute * 60_000);
      await Promise.all(services.map((each) => each.tick()));
    }
    expect(tasks(one)).toHaveLength(3);
    expect(new Set(tasks(one).map((task) => (task.variables.trigger as { dueAt: number }).dueAt)).size).toBe(3);
  });

  it('records a firing whose task could not start as the trigger’s error', async () => {
    const store = await openStore(tempDir());
    const clock = fakeClock(at('2026-03-01T00:00:00Z'));
    saveWithTriggers(store, [{ type: 'schedule', cron: '0 * * * *' }], clock.now());
    const [trigger] = listTriggers(store);
    const triggers = service(store, clock, { start: async () => Promise.reject(new ApiError('CONFLICT', 'the scheduler is held elsewhere')) });
    await triggers.start();
    clock.set(at('2026-03-01T01:00:00Z'));
    await triggers.tick();
    expect(getTrigger(store, trigger!.id)).toMatchObject({ lastError: 'the scheduler is held elsewhere', lastTaskId: null, nextFireAt: at('2026-03-01T02:00:00Z') });
    expect(firingHistory(store, trigger!.id)).toMatchObject([{ outcome: 'failed', detail: 'the scheduler is held elsewhere' }]);
  });
});

describe('triggers a template declares', () => {
  it('are replaced by a newer version’s, while triggers added by hand stay', async () => {
    const store = await openStore(tempDir());
    const now = at('2026-03-01T00:00:00Z');
    saveWithTriggers(store, [{ type: 'schedule', cron: '0 1 * * *' }, { type: 'http', name: 'webhook' }], now);
    const kept = listTriggers(store).find((trigger) => trigger.kind === 'http')!;
    setTriggerPaused(store, kept.id, true, now);
    const manual = createTrigger(store, { templateName: 'nightly patch', spec: { type: 'schedule', cron: '0 12 * * *', catchUp: 'skip' }, source: 'manual', owner: 'carol' }, now);

    saveWithTriggers(store, [{ type: 'http', name: 'webhook' }, { type: 'schedule', cron: '30 2 * * *' }], now + 1000, 'dave');
    const after = listTriggers(store);
    expect(after.map((trigger) => [trigger.source, trigger.owner, trigger.spec.type === 'schedule' ? trigger.spec.cron : trigger.spec.type]).sort()).toEqual(
      [
        ['declared', 'alice', 'http'],
        ['declared', 'dave', '30 2 * * *'],
        ['manual', 'carol', '0 12 * * *'],
      ].sort(),
    );
    // The unchanged declared trigger is the same row, still paused.
    expect(after.find((trigger) => trigger.kind === 'http')).toMatchObject({ id: kept.id, paused: true });
    expect(after.find((trigger) => trigger.id === manual.id)).toBeDefined();
  });

  it('refuses a trigger with a bad cron expression or time zone, naming the field', async () => {
    const store = await openStore(tempDir());
    saveWithTriggers(store, [], 1000);
    const make = (spec: TriggerSpecInput) => () => createTrigger(store, { templateName: 'nightly patch', spec: spec as never, source: 'manual', owner: 'x' }, 1000);
    expect(make({ type: 'schedule', cron: '61 * * * *' })).toThrow(/^The trigger is not valid: cron is not a cron expression: Invalid value for minute: 61/);
    expect(make({ type: 'schedule', cron: '0 3 * * *', timezone: 'Mars/Olympus' })).toThrow('The trigger is not valid: timezone "Mars/Olympus" is not a time zone this system knows');
    expect(make({ type: 'file', folder: 'relative/inbox' })).toThrow(/folder the watched folder "relative\/inbox" is not an absolute path/);
    expect(() => createTrigger(store, { templateName: 'no such template', spec: { type: 'http' }, source: 'manual', owner: 'x' }, 1000)).toThrow('There is no template "no such template"');
    expect(listTriggers(store)).toEqual([]);
  });
});
