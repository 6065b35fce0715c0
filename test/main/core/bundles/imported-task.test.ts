import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRun } from '../../../../src/main/core/bundles/export-run';
import { importRun } from '../../../../src/main/core/bundles/import-run';
import { TestEngine } from '../../../helpers/test-engine';
import { Scheduler } from '../../../../src/main/core/scheduler/scheduler';
import { openStore, type Store } from '../../../../src/main/core/store/store';
import { startTestRuntime } from '../../../helpers/console-runtime';
import { MIGRATIONS_DIR } from '../../../helpers/paths';
import { seedRun } from '../../../helpers/run-bundle';
import { recordingLogger, waitForTask, workflow } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();

/** Imports into dir/console.sqlite a bundle of a task caught running: its nodes and execution running. */
async function importRunningTask(dir: string): Promise<string> {
  const source = await openTestStore();
  const taskId = seedRun(source, { taskStatus: 'running', nodeStatus: 'running', executionStatus: 'running' });
  exportRun(source, taskId, join(dir, 'running.ndjson'));
  source.close();
  const store = await openStore({ file: join(dir, 'console.sqlite'), migrationsDir: MIGRATIONS_DIR });
  importRun(store, join(dir, 'running.ndjson'));
  store.close();
  return taskId;
}

/** Everything a run of the task would change. */
function footprint(store: Store, taskId: string): unknown {
  const task = BigInt(taskId);
  return {
    task: store.db.prepare('SELECT status, running_nodes, updated_at FROM deduction_task WHERE id = ?').get(task),
    nodes: store.db.prepare('SELECT node_id, status, current_batch, updated_at FROM workflow_node WHERE task_id = ? ORDER BY node_id').all(task),
    executions: store.db.prepare('SELECT node_id, batch, status FROM node_execution WHERE task_id = ? ORDER BY id').all(task),
    transitions: store.db.prepare('SELECT count(*) FROM node_state_transition WHERE task_id = ?').pluck().get(task),
    logs: store.db.prepare('SELECT count(*) FROM node_execution_log WHERE task_id = ?').pluck().get(task),
  };
}

describe('an imported task', () => {
  it('is history: recovery skips it though it says running, and every control is refused with the reason', async () => {
    const dir = tempDir();
    const taskId = await importRunningTask(dir);
    const store = await openStore({ file: join(dir, 'console.sqlite'), migrationsDir: MIGRATIONS_DIR });
    const before = footprint(store, taskId);
    expect(before).toMatchObject({ task: { status: 'running', running_nodes: 3n } });
    const engine = new TestEngine();
    const scheduler = new Scheduler({ store, engine, logger: recordingLogger() });
    try {
      expect(await scheduler.recover()).toEqual({ tasks: [], reconciliations: [] });
      const refused = { code: 'NOT_ALLOWED', reason: { key: 'task.imported', params: { taskId } } };
      for (const control of [
        () => scheduler.pauseTask(taskId, 'admin'),
        () => scheduler.stopTask(taskId, 'admin'),
        () => scheduler.restartNode(taskId, 'strike', 'admin'),
        () => scheduler.rerunFrom(taskId, '侦察', 'admin'),
        () => scheduler.skipNode(taskId, 'strike', 'admin'),
      ]) {
        expect(control).toThrow(expect.objectContaining({ ...refused, message: expect.stringMatching(/was imported from a run bundle; it is read-only history/) }));
      }
      await expect(scheduler.startTask(taskId)).rejects.toMatchObject(refused);
      await expect(scheduler.decideManual(taskId, 'strike', { approved: true, operator: 'admin' })).rejects.toMatchObject(refused);
      expect(engine.log).toEqual([]);
      expect(engine.stats).toMatchObject({ submitted: 0, startCommands: 0, initCommands: 0, stopCommands: 0, queries: 0 });
      expect(footprint(store, taskId)).toEqual(before);
    } finally {
      scheduler.close();
      engine.close();
      store.close();
    }
  });

  it('stays untouched when the whole console starts on its database and runs a task of its own', async () => {
    const dir = tempDir();
    const taskId = await importRunningTask(dir);
    const runtime = await startTestRuntime(dir);
    try {
      const before = footprint(runtime.store, taskId);
      const { task_id: own } = await runtime.api.createTask(workflow([{ nodeId: 'a', agentConfig: { durationMs: 0, steps: 1 } }]));
      await runtime.api.startTask(own);
      expect(await waitForTask(runtime.scheduler, runtime.store, own)).toBe('completed');
      expect(footprint(runtime.store, taskId)).toEqual(before);
      await expect(runtime.api.resumeTask(taskId)).rejects.toMatchObject({ reason: { key: 'task.imported' } });
    } finally {
      await runtime.close();
    }
  });
});
