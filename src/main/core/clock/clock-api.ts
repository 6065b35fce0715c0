import type { ConsoleApi } from '../../../shared/api/contract';
import type { UnhonouredAgent } from '../../../shared/clock/clock-view';
import { errorText } from '../../../shared/error-text';
import type { ConsoleServiceDeps } from '../service/console-service';
import type { Store } from '../store/store';
import { changeTaskClock, readTaskClock } from './task-clock';

/**
 * The exercise clock through the ConsoleApi. A change is stored first, then sent to the task's
 * Engines; the answer lists the running agents that keep real time, every running agent of the
 * task when its Engines could not be told.
 */
export function clockApi({ store, scheduler, engines, operator }: ConsoleServiceDeps): Pick<ConsoleApi, 'getTaskClock' | 'setTaskClock'> {
  return {
    getTaskClock: async (taskId) => readTaskClock(store, taskId, Date.now()),
    setTaskClock: async (taskId, change) => {
      const clock = changeTaskClock(store, taskId, change, operator() || null, Date.now());
      let notHonouring: UnhonouredAgent[];
      try {
        notHonouring = await scheduler.tellClock({ taskId: clock.taskId, clock: { simMs: clock.simMs, rate: clock.rate, paused: clock.paused } });
      } catch (error) {
        notHonouring = runningAgents(store, clock.taskId, new Map(engines.catalog().map((entry) => [entry.agentLoad, entry.kind])), errorText(error));
      }
      return { clock, notHonouring };
    },
  };
}

function runningAgents(store: Store, taskId: string, kinds: ReadonlyMap<string, string>, why: string): UnhonouredAgent[] {
  const rows = store.all(
    store.kysely
      .selectFrom('workflow_node')
      .select(['node_id', 'current_batch', 'agent_load'])
      .where('task_id', '=', taskId)
      .where('node_type', '=', 'agent')
      .where('status', '=', 'running'),
  );
  return rows.map((row) => ({ nodeId: row.node_id, batch: row.current_batch, agentLoad: row.agent_load ?? '', kind: kinds.get(row.agent_load ?? '') ?? 'unknown', why }));
}
