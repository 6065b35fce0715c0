import { sql, type SqlBool } from 'kysely';
import { logQuerySchema, searchTerms, type LogLine, type LogPage, type LogQuery } from '../../../shared/api/logs';
import type { Store } from '../store/store';

/** The FTS index is trigram-based: a term shorter than three characters cannot use it. */
const TRIGRAM = 3;

/**
 * Reads one page of a task's log. Filters use the (task, node, time) and (task, time) indexes;
 * words of three characters or more go through the FTS5 trigram index, shorter ones (a
 * two-character Chinese word, say) fall back to a substring match on the filtered rows.
 */
export function queryLogs(store: Store, input: LogQuery): LogPage {
  const query = logQuerySchema.parse(input);
  const terms = searchTerms(query.search);
  const indexed = terms.filter((term) => [...term].length >= TRIGRAM);
  const scanned = terms.filter((term) => [...term].length < TRIGRAM);
  const backward = query.direction === 'backward';

  let select = store.kysely
    .selectFrom('node_execution_log as l')
    .select([
      'l.id',
      'l.task_id',
      'l.node_id',
      'l.batch',
      'l.engine_id',
      'l.log_level',
      'l.log_type',
      'l.source',
      'l.message',
      'l.log_time',
    ])
    .where('l.task_id', '=', query.taskId);
  if (query.nodeId !== undefined) {
    select = query.subtree
      ? select.where(sql<SqlBool>`l.node_id IN (${subtreeSql(query.taskId, query.nodeId)})`)
      : select.where('l.node_id', '=', query.nodeId);
  }
  if (query.levels) select = select.where('l.log_level', 'in', query.levels);
  if (query.types) select = select.where('l.log_type', 'in', query.types);
  if (query.source !== undefined) select = select.where('l.source', '=', query.source);
  if (query.from !== undefined) select = select.where('l.log_time', '>=', query.from);
  if (query.to !== undefined) select = select.where('l.log_time', '<=', query.to);
  if (indexed.length > 0) {
    const match = indexed.map((term) => `"${term.replace(/"/g, '""')}"`).join(' AND ');
    select = select.where(sql<SqlBool>`l.id IN (SELECT rowid FROM node_execution_log_fts WHERE node_execution_log_fts MATCH ${match})`);
  }
  for (const term of scanned) select = select.where(sql<SqlBool>`instr(lower(l.message), lower(${term})) > 0`);
  if (query.cursor !== undefined) select = select.where('l.id', backward ? '<' : '>', query.cursor);
  select = select.orderBy('l.id', backward ? 'desc' : 'asc').limit(query.limit + 1);

  const rows = store.all(select);
  const page = rows.slice(0, query.limit);
  return {
    lines: page.map(
      (row): LogLine => ({
        id: row.id,
        taskId: row.task_id,
        nodeId: row.node_id,
        batch: row.batch,
        engineId: row.engine_id,
        level: row.log_level,
        type: row.log_type,
        source: row.source,
        message: row.message,
        time: row.log_time,
      }),
    ),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

/**
 * The node and every node nested under it, by walking workflow_node's parent links; kept in
 * SQL so a subtree of ten thousand nodes never becomes ten thousand bound parameters.
 */
function subtreeSql(taskId: string, nodeId: string) {
  return sql`WITH RECURSIVE sub(node_id) AS (
      SELECT node_id FROM workflow_node WHERE task_id = ${taskId} AND node_id = ${nodeId}
      UNION ALL
      SELECT n.node_id FROM workflow_node n JOIN sub ON n.parent_node_id = sub.node_id WHERE n.task_id = ${taskId}
    ) SELECT node_id FROM sub`;
}
