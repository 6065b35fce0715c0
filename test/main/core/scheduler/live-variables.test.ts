import { afterEach, describe, expect, it } from 'vitest';
import type { StartNodeCommand } from '../../../../src/shared/engine/protocol';
import { SchedulerError } from '../../../../src/main/core/scheduler/errors';
import { harness, taskStatus, waitForTask, waitUntil, workflow, type Harness } from '../../../helpers/scheduler';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

const region = { region: { $ref: 'variables.region' } };
const hangFirst = (command: StartNodeCommand, attempt: number) => (command.nodeId === 'early' && attempt === 1 ? { outcome: 'hang' as const } : undefined);

const resolved = (taskId: string, nodeId: string) =>
  JSON.parse(h!.store.first(h!.store.kysely.selectFrom('node_execution').select('resolved_config').where('task_id', '=', taskId).where('node_id', '=', nodeId))!.resolved_config!) as unknown;

describe('setTaskVariables', () => {
  it('a node started before the edit keeps its value, one started after sees the new one; the edit is audited with old and new values', async () => {
    h = await harness({ script: hangFirst });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'early', agentConfig: region },
        { nodeId: 'late', agentConfig: region, dependencies: [{ sourceNodeId: 'early', type: 'finish' }] },
      ], { variables: { region: 'east' } }),
    );
    await h.scheduler.startTask(task_id);
    await waitUntil(h.scheduler, () => h!.engine.log.includes('start early#1'));

    const changes = h.scheduler.setTaskVariables(task_id, { region: 'west', level: 2 }, 'alice', 'the front moved');
    expect(changes).toEqual([
      { name: 'region', before: 'east', after: 'west' },
      { name: 'level', after: 2 },
    ]);
    const stored = h.store.first(h.store.kysely.selectFrom('deduction_task').select('variables').where('id', '=', task_id))!;
    expect(JSON.parse(stored.variables)).toEqual({ region: 'west', level: 2 });
    const audit = h.store.all(h.store.kysely.selectFrom('node_state_transition').select(['node_id', 'from_status', 'to_status', 'reason', 'operator', 'trigger_type']).where('task_id', '=', task_id).where('trigger_type', '=', 'user'));
    expect(audit).toEqual([
      { node_id: 'root', from_status: 'running', to_status: 'running', reason: 'variables changed: region: "east" → "west"; level: (unset) → 2 (the front moved)', operator: 'alice', trigger_type: 'user' },
    ]);

    h.scheduler.stopNode(task_id, 'early', 'alice');
    h.scheduler.skipNode(task_id, 'early', 'alice');
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(resolved(task_id, 'early')).toEqual({ region: 'east' });
    expect(resolved(task_id, 'late')).toEqual({ region: 'west' });
  });

  it('writes nothing when every value is the one held, refuses a declared input of the wrong type and an ended task', async () => {
    h = await harness({ script: hangFirst });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'early' }], { inputs: [{ name: 'count', type: 'integer', default: 1 }] }));
    await h.scheduler.startTask(task_id);
    expect(h.scheduler.setTaskVariables(task_id, { count: 1 }, 'alice')).toEqual([]);
    expect(() => h!.scheduler.setTaskVariables(task_id, { count: 'many' }, 'alice')).toThrow(/The variable "count" must be of type integer, not the text "many"/);
    expect(() => h!.scheduler.setTaskVariables(task_id, {}, 'alice')).toThrow(/variables: name at least one variable to set/);
    h.scheduler.stopTask(task_id, 'alice');
    expect(taskStatus(h.store, task_id)).toBe('stopped');
    let caught: unknown;
    try {
      h.scheduler.setTaskVariables(task_id, { count: 2 }, 'alice');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SchedulerError);
    expect((caught as SchedulerError).reason).toEqual({ key: 'live.taskNotOpen', params: { taskId: task_id, status: 'stopped' } });
    const rows = h.store.all(h.store.kysely.selectFrom('node_state_transition').select('reason').where('task_id', '=', task_id).where('reason', 'like', 'variables changed%'));
    expect(rows).toEqual([]);
  });
});
