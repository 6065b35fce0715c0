import type { EngineEvent, NodeLogEvent } from '../../../shared/engine/protocol';
import type { Logger } from '../../../shared/logger';
import { defaultLogCategory } from '../../../shared/status';
import type { Store } from '../store/store';
import { NodeLookup } from './node-lookup';

/**
 * Writes node.log events into node_execution_log (and so into its FTS index), one
 * transaction per batch. A line for a node the store does not know (a deleted task, another
 * console's task) is dropped with one warning per batch rather than failing the batch.
 * Returns how many lines were written.
 *
 * Each line is stored once: after a crash the console sends a batch the Engine no longer knows
 * again under the same batch number, and the agent runs again from its start, repeating the
 * lines already stored (event sequence numbers cannot tell, the new run's events are new
 * events). The Engine numbers each run's lines from 1 (`line`), so a line whose number is not
 * beyond the highest stored for its execution is a repeat and is skipped.
 *
 * The whole batch goes in as one INSERT … SELECT over a JSON array: FTS5 flushes its pending
 * index at every statement savepoint, so row-by-row statements (each firing the FTS trigger)
 * would write one tiny index segment per line and run several times slower. Ids travel as
 * decimal strings so that 64-bit snowflakes stay exact.
 */
export function createLogIngest(store: Store, logger: Logger, now: () => number = Date.now): (events: readonly EngineEvent[]) => number {
  const insert = store.db.prepare(
    `INSERT INTO node_execution_log (id, task_id, node_id, execution_id, batch, engine_id, seq, log_level, log_type, source, message, log_time, created_at, line,
                                     log_category, extra_data)
     SELECT CAST(value ->> 0 AS INTEGER), CAST(value ->> 1 AS INTEGER), value ->> 2, CAST(value ->> 3 AS INTEGER), value ->> 4, value ->> 5,
            value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12, value ->> 13,
            value ->> 14, value ->> 15
     FROM json_each(?)`,
  );
  // The newest numbered line of an execution is its highest: repeats are never stored.
  const lastLine = store.db.prepare('SELECT line FROM node_execution_log WHERE execution_id = ? AND line IS NOT NULL ORDER BY id DESC LIMIT 1').pluck();
  const lookup = new NodeLookup(store);
  return (events) => {
    const lines = events.filter((event): event is NodeLogEvent => event.type === 'node.log');
    if (lines.length === 0) return 0;
    return store.transaction(() => {
      const created = now();
      const rows: unknown[][] = [];
      const highest = new Map<bigint, number>();
      let repeated = 0;
      for (const line of lines) {
        const target = lookup.execution(line.taskId, line.nodeId, line.batch);
        if (target === undefined) continue;
        if (target !== null && line.line !== undefined) {
          const high = highest.get(target) ?? Number(lastLine.get(target) ?? 0);
          highest.set(target, Math.max(high, line.line));
          if (line.line <= high) {
            repeated++;
            continue;
          }
        }
        rows.push([
          store.ids.next(),
          line.taskId,
          line.nodeId,
          target === null ? null : String(target),
          line.batch,
          line.engineId ?? null,
          line.seq ?? null,
          line.level,
          line.stream,
          line.source ?? null,
          line.message,
          line.time,
          created,
          line.line ?? null,
          line.category ?? defaultLogCategory(line.stream),
          line.extra ?? null,
        ]);
      }
      if (rows.length > 0) insert.run(JSON.stringify(rows));
      const written = rows.length;
      const dropped = lines.length - written - repeated;
      if (dropped > 0) logger.warn(`log ingest: ${dropped} of ${lines.length} lines dropped: their task or node is not in this console's store`);
      if (repeated > 0) logger.info(`log ingest: ${repeated} lines of a batch that ran again were already stored; they were not stored twice`);
      return written;
    });
  };
}
