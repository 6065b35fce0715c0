import type { AssignmentRecord, PlacementView } from '../../../shared/task/assignment';
import type { Store } from '../store/store';

/**
 * Records where the balancer placed an agent execution (node_assignment). A repeated placement
 * of the same (task, node, batch) — the console restarted and started the batch again — keeps
 * the latest. A task deleted meanwhile takes nothing (its rows are gone).
 */
export function placementRecorder(store: Store, now: () => number = Date.now): (record: AssignmentRecord) => void {
  return (record) => {
    const exists = store.first(store.kysely.selectFrom('workflow_node').select('id').where('task_id', '=', record.taskId).where('node_id', '=', record.nodeId));
    if (!exists) return;
    store.run(
      store.kysely
        .insertInto('node_assignment')
        .values({
          id: store.ids.nextBigInt(),
          task_id: record.taskId,
          node_id: record.nodeId,
          batch: record.batch,
          engine_id: record.engine,
          strategy: record.strategy,
          score: record.score,
          candidates: JSON.stringify(record.candidates),
          created_at: now(),
        })
        .onConflict((conflict) =>
          conflict.columns(['task_id', 'node_id', 'batch']).doUpdateSet((update) => ({
            engine_id: update.ref('excluded.engine_id'),
            strategy: update.ref('excluded.strategy'),
            score: update.ref('excluded.score'),
            candidates: update.ref('excluded.candidates'),
            created_at: update.ref('excluded.created_at'),
          })),
        ),
    );
  };
}

/** A node's placements, by batch. */
export function nodePlacements(store: Store, taskId: string, nodeId: string): PlacementView[] {
  const rows = store.all(store.kysely.selectFrom('node_assignment').selectAll().where('task_id', '=', taskId).where('node_id', '=', nodeId).orderBy('batch'));
  return rows.map((row) => ({
    batch: row.batch,
    engine: row.engine_id,
    strategy: row.strategy,
    score: row.score,
    candidates: JSON.parse(row.candidates) as PlacementView['candidates'],
    time: row.created_at,
  }));
}
