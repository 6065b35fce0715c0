import { afterEach, describe, expect, it } from 'vitest';
import { TestEngine } from '../../../helpers/test-engine';
import { harness, nodeStatuses, waitForTask, workflow, type Harness } from '../../../helpers/scheduler';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

function taskRow(store: Harness['store'], taskId: string) {
  return store.first(store.kysely.selectFrom('deduction_task').select(['engine_task_id', 'engine_url']).where('id', '=', taskId))!;
}

describe('the design’s defaults in a run', () => {
  it('runs the target of an edge that names no type once its source has failed: the edge is finish', async () => {
    h = await harness({ script: { scout: { outcome: 'failed' } } });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'scout' }, { nodeId: 'report', dependencies: [{ sourceNodeId: 'scout' }] }]));
    const stored = h.store.db.prepare(`SELECT dependency_type FROM node_dependency WHERE task_id = ?`).pluck().all(BigInt(task_id));
    expect(stored).toEqual(['finish']);
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    expect(nodeStatuses(h.store, task_id)).toMatchObject({ scout: 'failed', report: 'completed' });
  });

  it('records the id the Engine knows the task by and its URL at submission; an Engine without a lasting address leaves the URL empty', async () => {
    h = await harness();
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'a' }]));
    expect(taskRow(h.store, task_id)).toEqual({ engine_task_id: null, engine_url: null });
    await h.scheduler.startTask(task_id);
    expect(taskRow(h.store, task_id)).toEqual({ engine_task_id: task_id, engine_url: null });
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
  });

  it('records the URL of a remote Engine that accepted the task', async () => {
    class Remote extends TestEngine {
      readonly asked: string[] = [];
      taskEngineUrl(taskId: string): string | null {
        this.asked.push(taskId);
        return 'wss://engine-a.example:7100';
      }
    }
    const engine = new Remote();
    h = await harness({}, { engine });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'a' }]));
    await h.scheduler.startTask(task_id);
    expect(engine.asked).toEqual([task_id]);
    expect(taskRow(h.store, task_id)).toEqual({ engine_task_id: task_id, engine_url: 'wss://engine-a.example:7100' });
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    engine.close();
  });
});
