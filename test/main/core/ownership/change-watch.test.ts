import { afterEach, describe, expect, it } from 'vitest';
import type { LogsAppended } from '../../../../src/shared/api/live';
import type { TaskChange } from '../../../../src/shared/task/changes';
import { watchOtherProcesses, type ChangeWatch } from '../../../../src/main/core/ownership/change-watch';
import type { Store } from '../../../../src/main/core/store/store';
import { insertNode, insertTask } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
const opened: Store[] = [];
const watches: ChangeWatch[] = [];
afterEach(() => {
  for (const watch of watches.splice(0)) watch.close();
  for (const store of opened.splice(0)) store.close();
});

async function setup(isOwn: (taskId: string) => boolean = () => false) {
  const dir = tempDir();
  const writer = await openTestStore(dir);
  const reader = await openTestStore(dir);
  opened.push(writer, reader);
  const changes: TaskChange[][] = [];
  const logs: LogsAppended[][] = [];
  // A long interval: the test looks by hand.
  const watch = watchOtherProcesses({ store: reader, intervalMs: 60_000, isOwn, onTaskChanges: (batch) => changes.push(batch), onLogsAppended: (batch) => logs.push(batch) });
  watches.push(watch);
  return { writer, reader, watch, changes, logs };
}

const now = () => Date.now();

describe('watchOtherProcesses', () => {
  it('looks only when another connection committed, and publishes each change of a task and its nodes once', async () => {
    const { writer, watch, changes } = await setup();
    expect(watch.poll()).toBe(false);
    const taskId = insertTask(writer, undefined, 'running');
    insertNode(writer, taskId, 'root', { type: 'container', status: 'running' });
    insertNode(writer, taskId, 'a', { parent: 'root', status: 'running' });
    writer.db.prepare('UPDATE workflow_node SET updated_at = ? WHERE task_id = ?').run(now(), BigInt(taskId));
    expect(watch.poll()).toBe(true);
    expect(changes).toHaveLength(1);
    expect(changes[0]![0]).toMatchObject({ taskId, task: { taskId, status: 'running', totalNodes: 2 } });
    expect(changes[0]![0]!.nodes.map((node) => [node.nodeId, node.status])).toEqual([
      ['root', 'running'],
      ['a', 'running'],
    ]);

    writer.db.prepare(`UPDATE workflow_node SET status = 'completed', progress = 1, result = '{"ok":true}', updated_at = ? WHERE task_id = ? AND node_id = 'a'`).run(now(), BigInt(taskId));
    writer.db.prepare(`UPDATE deduction_task SET completed_nodes = 1, updated_at = ? WHERE id = ?`).run(now(), BigInt(taskId));
    expect(watch.poll()).toBe(true);
    expect(changes).toHaveLength(2);
    expect(changes[1]![0]!.task).toMatchObject({ completedNodes: 1 });
    expect(changes[1]![0]!.nodes).toEqual([expect.objectContaining({ nodeId: 'a', status: 'completed', progress: 1, result: { ok: true } })]);

    // A commit that changed nothing of the task (another process's heartbeat, say) publishes nothing.
    writer.db.exec(`INSERT INTO app_setting (key, value, updated_at) VALUES ('x', '1', 1)`);
    expect(watch.poll()).toBe(true);
    expect(changes).toHaveLength(2);
  });

  it('leaves out the tasks this process drives, and signals the nodes that wrote log lines', async () => {
    let own = '';
    const { writer, watch, changes, logs } = await setup((taskId) => taskId === own);
    own = insertTask(writer, undefined, 'running');
    const other = insertTask(writer, undefined, 'running');
    for (const taskId of [own, other]) insertNode(writer, taskId, 'root', { type: 'container', status: 'running' });
    expect(watch.poll()).toBe(true);
    expect(changes.flat().map((change) => change.taskId)).toEqual([other]);
    const line = writer.db.prepare(`INSERT INTO node_execution_log (id, task_id, node_id, message, log_time, created_at) VALUES (?, ?, 'root', 'hello', 1, 1)`);
    line.run(writer.ids.next(), BigInt(own));
    line.run(writer.ids.next(), BigInt(other));
    expect(watch.poll()).toBe(true);
    expect(logs).toEqual([[{ taskId: other, nodeIds: ['root'] }]]);
  });
});
