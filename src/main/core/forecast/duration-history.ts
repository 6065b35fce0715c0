import type { DurationHistory } from '../../../shared/forecast/duration-estimate';
import type { Id } from '../../../shared/ids';
import type { Store } from '../store/store';

/**
 * How many earlier runs a forecast reads: the latest ones say most about the next, and the
 * bound keeps a forecast of a 100,000-node exercise from reading every run ever kept.
 */
export const HISTORY_RUNS = 10;

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The latest ended tasks of the template named, apart from the task being forecast. */
function earlierRuns(store: Store, templateName: string | null, except: Id | null): Id[] {
  let query = store.kysely
    .selectFrom('deduction_task as t')
    .select('t.id')
    .where('t.end_time', 'is not', null)
    .orderBy('t.end_time', 'desc')
    .limit(HISTORY_RUNS);
  if (except !== null) query = query.where('t.id', '!=', except);
  if (templateName !== null) query = query.where('t.template_id', 'in', (sub) => sub.selectFrom('workflow_template').select('id').where('name', '=', templateName));
  return store.all(query).map((row) => row.id);
}

function completedRuns(store: Store, taskIds: readonly Id[]) {
  if (taskIds.length === 0) return [];
  return store.all(
    store.kysely
      .selectFrom('node_execution as e')
      .innerJoin('workflow_node as n', (join) => join.onRef('n.task_id', '=', 'e.task_id').onRef('n.node_id', '=', 'e.node_id'))
      .select(['e.node_id', 'n.agent_load', 'e.duration_ms'])
      .where('e.task_id', 'in', taskIds)
      .where('e.status', '=', 'completed')
      .where('e.duration_ms', 'is not', null)
      .where('n.node_type', '=', 'agent'),
  );
}

/**
 * Durations of completed attempts: by node id from the latest runs of the same template, by
 * agent load from those and, when the template has few runs, from the latest runs of any.
 */
export function durationHistory(store: Store, templateName: string | null, except: Id | null): DurationHistory & { runs: number } {
  const byNode = new Map<string, number[]>();
  const byLoad = new Map<string, number[]>();
  const sameTemplate = templateName === null ? [] : earlierRuns(store, templateName, except);
  for (const run of completedRuns(store, sameTemplate)) {
    push(byNode, run.node_id, run.duration_ms!);
    if (run.agent_load !== null) push(byLoad, run.agent_load, run.duration_ms!);
  }
  if (sameTemplate.length < HISTORY_RUNS) {
    const others = earlierRuns(store, null, except).filter((id) => !sameTemplate.includes(id));
    for (const run of completedRuns(store, others)) if (run.agent_load !== null) push(byLoad, run.agent_load, run.duration_ms!);
  }
  return { byNode, byLoad, runs: sameTemplate.length };
}
