import type { EngineEvent, NodeLogEvent } from '../../../shared/engine/protocol';
import type { Logger } from '../../../shared/logger';
import type { Store } from '../store/store';
import { NodeLookup } from './node-lookup';

/**
 * Writes node.log events into node_execution_log (and so into its FTS index), one
 * transaction per batch. A line for a node the store does not know (a deleted task, another
 * console's task) is dropped with one warning per batch rather than failing the batch.
 * Returns how many lines were written.
 */
export function createLogIngest(store: Store, logger: Logger, now: () => number = Date.now): (events: readonly EngineEvent[]) => number {
  const insert = store.db.prepare(
    `INSERT INTO node_execution_log (id, task_id, node_id, execution_id, batch, engine_id, seq, log_level, log_type, source, message, log_time, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const lookup = new NodeLookup(store);
  return (events) => {
    const lines = events.filter((event): event is NodeLogEvent => event.type === 'node.log');
    if (lines.length === 0) return 0;
    return store.transaction(() => {
      const created = now();
      let written = 0;
      let dropped = 0;
      for (const line of lines) {
        const target = lookup.execution(line.taskId, line.nodeId, line.batch);
        if (target === undefined) {
          dropped++;
          continue;
        }
        insert.run(
          store.ids.nextBigInt(),
          BigInt(line.taskId),
          line.nodeId,
          target,
          line.batch,
          line.engineId ?? null,
          line.seq ?? null,
          line.level,
          line.stream,
          line.source ?? null,
          line.message,
          line.time,
          created,
        );
        written++;
      }
      if (dropped > 0) logger.warn(`log ingest: ${dropped} of ${lines.length} lines dropped: their task or node is not in this console's store`);
      return written;
    });
  };
}
