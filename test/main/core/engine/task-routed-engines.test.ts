import { afterEach, describe, expect, it } from 'vitest';
import { archiveEnvironment, createEnvironment, environmentOfTask, readEnvironmentEngines, updateEnvironment } from '../../../../src/main/core/environments/environments';
import { TaskRoutedEngines, type EnginePool } from '../../../../src/main/core/engine/task-routed-engines';
import { Scheduler } from '../../../../src/main/core/scheduler/scheduler';
import type { Store } from '../../../../src/main/core/store/store';
import type { EngineLinkStatus, EngineState } from '../../../../src/shared/engine/engine-state';
import type { EngineEvent } from '../../../../src/shared/engine/protocol';
import { TestEngine } from '../../../helpers/test-engine';
import { recordingLogger, waitForTask, workflow } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function state(endpoint: string, status: EngineLinkStatus): EngineState {
  return { endpoint, url: `ws://${endpoint}`, engineId: endpoint, status, since: 0, latencyMs: null, capacity: 4, running: 0, load: 0, catalog: [], skills: [], lastError: status === 'connected' ? null : 'connection refused', refused: false };
}

/** A TestEngine as a pool whose link state the test sets. */
function pool(engine: TestEngine, name: string, status: EngineLinkStatus = 'connected'): EnginePool & { engine: TestEngine; setStatus(status: EngineLinkStatus): void; closed: boolean } {
  const listeners = new Set<(states: EngineState[]) => void>();
  let current = status;
  const port = Object.assign(engine, { anyConnected: () => current === 'connected' });
  const result = {
    engine,
    closed: false,
    port,
    states: () => [state(name, current)],
    onStates: (listener: (states: EngineState[]) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setStatus(next: EngineLinkStatus) {
      current = next;
      for (const listener of listeners) listener(result.states());
    },
    close: async () => {
      result.closed = true;
      engine.close();
    },
  };
  return result;
}

async function setup(options: { labStatus?: EngineLinkStatus; waitMs?: number } = {}) {
  const store: Store = await openTestStore();
  const defaults = pool(new TestEngine({ engineId: 'default', capacity: 2 }), 'default');
  const connected: Array<ReturnType<typeof pool>> = [];
  const router = new TaskRoutedEngines({
    defaults,
    environmentOf: (taskId) => environmentOfTask(store, taskId),
    environment: (envId) => {
      const environment = readEnvironmentEngines(store, envId);
      return { name: environment.name, status: environment.status, version: environment.updatedAt };
    },
    connect: (envId) => {
      const made = pool(new TestEngine({ engineId: `lab-${connected.length + 1}`, capacity: 3 }), readEnvironmentEngines(store, envId).name, options.labStatus);
      connected.push(made);
      return made;
    },
    waitMs: options.waitMs ?? 5_000,
  });
  const scheduler = new Scheduler({ store, engine: router, logger: recordingLogger() });
  closers.push(() => store.close(), () => router.close(), () => scheduler.close());
  const lab = createEnvironment(store, { name: 'lab', engines: [{ url: 'ws://127.0.0.1:1', token: 'lab-token' }] }, 1);
  return { store, defaults, connected, router, scheduler, lab };
}

const AGENTS = workflow([{ nodeId: 'a' }, { nodeId: 'b' }, { nodeId: 'c' }]);

describe('TaskRoutedEngines', () => {
  it('runs a task made in an environment on its Engines and the others on the defaults, with events from both', async () => {
    const { store, defaults, connected, router, scheduler, lab } = await setup();
    const events: EngineEvent[] = [];
    router.onEvents((batch) => events.push(...batch));
    const inLab = scheduler.createTask(AGENTS, { envInstanceId: lab.id }).task_id;
    const outside = scheduler.createTask(workflow([{ nodeId: 'x' }])).task_id;
    await scheduler.startTask(inLab);
    await scheduler.startTask(outside);
    expect(await waitForTask(scheduler, store, inLab)).toBe('completed');
    expect(await waitForTask(scheduler, store, outside)).toBe('completed');

    expect(connected).toHaveLength(1);
    expect([...connected[0]!.engine.tasks.keys()]).toEqual([inLab]);
    expect(connected[0]!.engine.stats.startCommands).toBe(3);
    expect([...defaults.engine.tasks.keys()]).toEqual([outside]);
    expect(defaults.engine.stats.startCommands).toBe(1);
    expect(new Set(events.filter((event) => event.type === 'node.status').map((event) => (event as { engineId: string }).engineId))).toEqual(new Set(['lab-1', 'default']));
    // Capacity is the sum of both pools; the Engine list names the environment's Engines too.
    expect(router.freeCapacity()).toBe(5);
    expect(router.states().map((each) => each.endpoint)).toEqual(['default', 'lab']);
  });

  it('refuses to start a task in a disabled environment, and keeps it pending', async () => {
    const { store, connected, scheduler, lab } = await setup();
    const taskId = scheduler.createTask(AGENTS, { envInstanceId: lab.id }).task_id;
    archiveEnvironment(store, lab.id);
    await expect(scheduler.startTask(taskId)).rejects.toMatchObject({ code: 'CONFLICT', reason: { key: 'environment.disabled', params: { name: 'lab' } } });
    expect(connected).toHaveLength(0);
    expect(store.first(store.kysely.selectFrom('deduction_task').select('status').where('id', '=', taskId))).toEqual({ status: 'pending' });
  });

  it('refuses to start a task whose environment has no Engine up, naming each, and starts it once one is', async () => {
    const { store, connected, scheduler, lab } = await setup({ labStatus: 'down', waitMs: 50 });
    const taskId = scheduler.createTask(AGENTS, { envInstanceId: lab.id }).task_id;
    await expect(scheduler.startTask(taskId)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: 'No Engine of environment "lab" is connected: lab: unreachable at ws://lab (connection refused)',
    });
    expect(store.first(store.kysely.selectFrom('deduction_task').select('status').where('id', '=', taskId))).toEqual({ status: 'pending' });
    connected[0]!.setStatus('connected');
    await scheduler.startTask(taskId);
    expect(await waitForTask(scheduler, store, taskId)).toBe('completed');
  });

  it('starts tasks after an edit on the edited Engines, and keeps the earlier connection for the tasks on it', async () => {
    const { store, connected, scheduler, lab } = await setup();
    const first = scheduler.createTask(AGENTS, { envInstanceId: lab.id }).task_id;
    await scheduler.startTask(first);
    expect(await waitForTask(scheduler, store, first)).toBe('completed');
    updateEnvironment(store, lab.id, { strategy: 'weighted' }, 2);
    const second = scheduler.createTask(AGENTS, { envInstanceId: lab.id }).task_id;
    await scheduler.startTask(second);
    expect(await waitForTask(scheduler, store, second)).toBe('completed');
    expect(connected.map((each) => each.engine.stats.startCommands)).toEqual([3, 3]);
    expect(connected.map((each) => each.closed)).toEqual([false, false]);
  });
});
