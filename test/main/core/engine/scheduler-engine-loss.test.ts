import { afterEach, describe, expect, it } from 'vitest';
import type { StartNodeCommand } from '../../../../src/shared/engine/protocol';
import { harness, nodeStatuses, waitForTask, workflow, type Harness } from '../../../helpers/scheduler';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

const LOST = { outcome: 'failed' as const, errorCode: 'ENGINE_LOST', errorMessage: 'Engine e1 lost: it restarted' };

describe('a node whose Engine is lost', () => {
  it('is dispatched again without spending its retries, up to the loss limit, then fails with ENGINE_LOST', async () => {
    h = await harness(
      {
        script: (command: StartNodeCommand, attempt: number) => {
          if (command.nodeId === 'flaky' && attempt === 1) return LOST;
          if (command.nodeId === 'doomed') return LOST;
          return undefined;
        },
        refuse: (name, payload) => {
          const ref = payload as { nodeId: string; batch: number };
          if (name === 'startNode' && ref.nodeId === 'unacked' && ref.batch === 1) return 'ENGINE_LOST';
          if (name === 'initContainer' && ref.nodeId === 'box') return ref.batch === 1 && !boxRefused++ ? 'ENGINE_LOST' : undefined;
          return undefined;
        },
      },
      { engineLossLimit: 2 },
    );
    let boxRefused = 0;
    const { scheduler, store } = h;
    const created = scheduler.createTask(
      workflow([
        { nodeId: 'flaky', retry: { maxRetries: 0 } },
        { nodeId: 'unacked' },
        { nodeId: 'doomed', retry: { maxRetries: 1, backoff: { initialMs: 10 } } },
        { nodeId: 'box', nodeType: 'container' },
        { nodeId: 'inside', parentId: 'box' },
      ]),
    );
    const taskId = created.task_id;
    await scheduler.startTask(taskId);
    await waitForTask(scheduler, store, taskId, undefined, 30_000);

    expect(nodeStatuses(store, taskId)).toMatchObject({ flaky: 'completed', unacked: 'completed', box: 'completed', inside: 'completed', doomed: 'failed' });
    const executions = store.all(store.kysely.selectFrom('node_execution').select(['node_id', 'batch', 'status', 'error_code']).where('task_id', '=', taskId).orderBy('id'));
    const batches = (nodeId: string) => executions.filter((row) => row.node_id === nodeId).map((row) => `${row.batch}:${row.status}:${row.error_code ?? ''}`);
    expect(batches('flaky')).toEqual(['1:failed:ENGINE_LOST', '2:completed:']);
    expect(batches('unacked')).toEqual(['1:failed:ENGINE_LOST', '2:completed:']);
    // The container's initialization is sent again in its one batch: no new execution, no transition.
    expect(batches('box')).toEqual(['1:completed:']);
    // Two losses dispatched again, the third over the limit fails as an attempt (its one retry is spent then).
    expect(batches('doomed')).toEqual(['1:failed:ENGINE_LOST', '2:failed:ENGINE_LOST', '3:failed:ENGINE_LOST', '4:failed:ENGINE_LOST']);
    const doomed = store.first(store.kysely.selectFrom('workflow_node').select(['error_code']).where('task_id', '=', taskId).where('node_id', '=', 'doomed'))!;
    expect(doomed.error_code).toBe('ENGINE_LOST');

    const transitions = store.all(
      store.kysely.selectFrom('node_state_transition').select(['node_id', 'from_status', 'to_status', 'trigger_type', 'reason']).where('task_id', '=', taskId).orderBy('id'),
    );
    const flakyBack = transitions.find((row) => row.node_id === 'flaky' && row.from_status === 'running' && row.to_status === 'ready')!;
    expect(flakyBack.trigger_type).toBe('system');
    expect(flakyBack.reason).toMatch(/Engine loss 1 of 2, no retry spent/);
    expect(transitions.filter((row) => row.node_id === 'box').map((row) => `${row.from_status}>${row.to_status}`)).toEqual([
      'null>pending',
      'pending>ready',
      'ready>initializing',
      'initializing>running',
      'running>completed',
    ]);
    expect(transitions.filter((row) => row.node_id === 'doomed' && row.reason?.includes('retry 1 of 1'))).toHaveLength(1);
  }, 40_000);
});
