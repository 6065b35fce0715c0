import { afterEach, describe, expect, it } from 'vitest';
import type { EngineTaskRequest } from '../../../../src/shared/engine/protocol';
import { TestEngine } from '../../../helpers/test-engine';
import { Scheduler } from '../../../../src/main/core/scheduler/scheduler';
import { harness, nodeStatuses, recordingLogger, taskStatus, waitForTask, workflow, type Harness } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

describe('task lifecycle', () => {
  it('starts a task: the node tree goes to the Engine in its wire format, then the task runs and ends completed', async () => {
    h = await harness();
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'box', nodeType: 'container', containerConfig: { zone: 'n' } }, { nodeId: 'a', parentId: 'box', agentConfig: { x: 1 } }]));
    await h.scheduler.startTask(task_id);
    const request = h.engine.tasks.get(task_id)!;
    expect(request).toEqual({
      requestType: 1,
      taskId: task_id,
      body: [
        { id: 'root', isBox: true, father: null, isRoot: true },
        { id: 'box', isBox: true, father: 'root', isRoot: false, containerConfig: { zone: 'n' } },
        { id: 'a', isBox: false, father: 'box', isRoot: false, agentLoad: 'sim', agentConfig: { x: 1 } },
      ],
    } satisfies EngineTaskRequest);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    const task = h.store.first(h.store.kysely.selectFrom('deduction_task').selectAll().where('id', '=', task_id))!;
    expect(task.start_time).not.toBeNull();
    expect(task.end_time!).toBeGreaterThanOrEqual(task.start_time!);
    await expect(h.scheduler.startTask(task_id)).rejects.toThrow(/is completed; only a pending task can be started/);
  });

  it('fails the task when the Engine refuses it', async () => {
    h = await harness({ refuse: (name) => (name === 'submitTask' ? 'INVALID_COMMAND' : undefined) });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'a' }]));
    await expect(h.scheduler.startTask(task_id)).rejects.toMatchObject({ code: 'ENGINE_REFUSED' });
    expect(taskStatus(h.store, task_id)).toBe('failed');
    expect(h.store.first(h.store.kysely.selectFrom('deduction_task').select('error_message').where('id', '=', task_id))!.error_message).toBe(
      'the Engine refused the task: INVALID_COMMAND: refused submitTask by script',
    );
  });

  it('submits again a task a previous process left initializing', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    class Silent extends TestEngine {
      override submitTask(): Promise<void> {
        return new Promise(() => undefined);
      }
    }
    const first = new Scheduler({ store, engine: new Silent(), logger: recordingLogger() });
    const { task_id } = first.createTask(workflow([{ nodeId: 'a' }]));
    void first.startTask(task_id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(taskStatus(store, task_id)).toBe('initializing');
    first.close();
    store.close();

    const reopened = await openTestStore(dir);
    const engine = new TestEngine();
    const second = new Scheduler({ store: reopened, engine, logger: recordingLogger() });
    try {
      const report = await second.recover();
      expect(report.tasks).toEqual([task_id]);
      expect(engine.log[0]).toBe(`submit ${task_id}`);
      expect(await waitForTask(second, reopened, task_id)).toBe('completed');
    } finally {
      second.close();
      engine.close();
      reopened.close();
    }
  });

  it('decides activations over the variables and the results of nodes that have ended', async () => {
    h = await harness({ script: { scout: { result: { threat: 7 } } } });
    const { task_id } = h.scheduler.createTask(
      workflow(
        [
          { nodeId: 'scout' },
          { nodeId: 'strike', dependencies: [{ sourceNodeId: 'scout', type: 'success' }], activation: { '>': [{ var: 'nodes.scout.result.threat' }, 5] } },
          { nodeId: 'hold', dependencies: [{ sourceNodeId: 'scout', type: 'success' }], activation: { '<=': [{ var: 'nodes.scout.result.threat' }, 5] } },
          { nodeId: 'red-only', activation: { '==': [{ var: 'variables.side' }, 'red'] } },
          { nodeId: 'blue-only', activation: { '==': [{ var: 'variables.side' }, 'blue'] } },
        ],
        { variables: { side: 'red' } },
      ),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(nodeStatuses(h.store, task_id)).toEqual({ root: 'completed', scout: 'completed', strike: 'completed', hold: 'skipped', 'red-only': 'completed', 'blue-only': 'skipped' });
    const skipped = new Map(h.scheduler.queryNodes(task_id, { status: 'skipped' }).map((node) => [node.nodeId, node]));
    expect(skipped.get('hold')).toMatchObject({ errorCode: 'ACTIVATION_FALSE', errorMessage: 'its activation condition is false' });
  });

  it('ends a task whose root is never activated completed, with every node skipped', async () => {
    h = await harness();
    const { task_id } = h.scheduler.createTask({
      name: 'inactive',
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true, activation: { '==': [{ var: 'variables.go' }, true] } },
        { nodeId: 'a', nodeType: 'agent', agentLoad: 'sim', parentId: 'root' },
      ],
    });
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(nodeStatuses(h.store, task_id)).toEqual({ root: 'skipped', a: 'skipped' });
    expect(h.engine.log).toEqual([`submit ${task_id}`]);
  });
});
