import { sql, type RawBuilder, type Selectable } from 'kysely';
import { logQuerySchema, searchTerms, type LogLine, type LogPage, type LogQuery } from '../../../shared/api/logs';
import type { Store } from '../store/store';
import type { NodeExecutionLogTable } from '../store/tables';

/** The FTS index is trigram-based: a term shorter than three characters cannot use it. */
const TRIGRAM = 3;
/**
 * A node filter matching fewer lines than this is read through the (task, node) index, in id
 * order, and searched line by line: cheaper than walking the task's lines, or every hit of a
 * common word, to find the node's few.
 */
const NARROW_NODE_LINES = 20_000;

/**
 * Reads one page of a task's log, in id order from the cursor. Words of three characters or
 * more go through the FTS5 trigram index, shorter ones (a two-character Chinese word, say)
 * fall back to a substring match on the filtered rows.
 *
 * Which index drives the scan depends on the filters: a node (or subtree) with few lines is
 * read through the (task, node) index and searched line by line; otherwise, with indexed
 * words, the FTS index streams hits in rowid order and each is checked against the other
 * filters until the page is full (a word found in half of a million lines then costs a few
 * hundred hits, not all of them); otherwise the task's lines are walked in id order.
 */
export function queryLogs(store: Store, input: LogQuery): LogPage {
  const query = logQuerySchema.parse(input);
  const terms = searchTerms(query.search);
  const indexed = terms.filter((term) => [...term].length >= TRIGRAM);
  const scanned = terms.filter((term) => [...term].length < TRIGRAM);
  const backward = query.direction === 'backward';

  const nodes = query.nodeId === undefined ? null : query.subtree ? sql`l.node_id IN (${subtreeSql(query.taskId, query.nodeId)})` : sql`l.node_id = ${query.nodeId}`;
  const narrow = nodes !== null && fewLines(store, query.taskId, nodes);
  const fts = indexed.length > 0 && !narrow;
  const conditions: RawBuilder<unknown>[] = [sql`l.task_id = ${query.taskId}`];
  if (nodes !== null) conditions.push(nodes);
  if (query.levels) conditions.push(sql`l.log_level IN (${sql.join(query.levels)})`);
  if (query.types) conditions.push(sql`l.log_type IN (${sql.join(query.types)})`);
  if (query.categories) conditions.push(sql`l.log_category IN (${sql.join(query.categories)})`);
  if (query.source !== undefined) conditions.push(sql`l.source = ${query.source}`);
  if (query.from !== undefined) conditions.push(sql`l.log_time >= ${query.from}`);
  if (query.to !== undefined) conditions.push(sql`l.log_time <= ${query.to}`);
  // FTS5 answers LIKE from the trigram index (the index keeps no positions, so it cannot take
  // phrase queries) and confirms each candidate against the line; LIKE folds ASCII case, as
  // lower() does for the words matched line by line. A word holding % or _ is a wider pattern
  // to LIKE, so it is also matched exactly.
  if (fts) for (const term of indexed) conditions.push(sql`f.message LIKE ${`%${term}%`}`);
  for (const term of fts ? [...scanned, ...indexed.filter(hasWildcard)] : terms) conditions.push(sql`instr(lower(l.message), lower(${term})) > 0`);
  // The FTS table's rowid is the log id; ordering and seeking on it lets FTS5 stream hits in order.
  const order = fts ? sql`f.rowid` : sql`l.id`;
  if (query.cursor !== undefined) conditions.push(backward ? sql`${order} < ${BigInt(query.cursor)}` : sql`${order} > ${BigInt(query.cursor)}`);
  // CROSS JOIN keeps the FTS table as the outer loop (SQLite never reorders a CROSS JOIN).
  const from = fts
    ? sql`node_execution_log_fts f CROSS JOIN node_execution_log l ON l.id = f.rowid`
    : narrow
      ? sql`node_execution_log l INDEXED BY idx_log_task_node`
      : sql`node_execution_log l`;

  const select = sql<LogRow>`SELECT l.id, l.task_id, l.node_id, l.batch, l.engine_id, l.log_level, l.log_type, l.log_category, l.source, l.message, l.log_time, l.extra_data
      FROM ${from} WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY ${order} ${backward ? sql`DESC` : sql`ASC`} LIMIT ${query.limit + 1}`;
  const rows = store.all({ compile: () => select.compile(store.kysely) });
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
        category: row.log_category,
        source: row.source,
        message: row.message,
        time: row.log_time,
        extra: row.extra_data === null ? null : (JSON.parse(row.extra_data) as Record<string, unknown>),
      }),
    ),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

function hasWildcard(term: string): boolean {
  return term.includes('%') || term.includes('_');
}

type LogRow = Pick<Selectable<NodeExecutionLogTable>, 'id' | 'task_id' | 'node_id' | 'batch' | 'engine_id' | 'log_level' | 'log_type' | 'log_category' | 'source' | 'message' | 'log_time' | 'extra_data'>;

/** Whether the node filter matches fewer than NARROW_NODE_LINES lines (counting stops there). */
function fewLines(store: Store, taskId: string, nodes: RawBuilder<unknown>): boolean {
  const probe = sql<{ n: number }>`SELECT count(*) AS n FROM (
      SELECT 1 FROM node_execution_log l INDEXED BY idx_log_task_node WHERE l.task_id = ${taskId} AND ${nodes} LIMIT ${NARROW_NODE_LINES}
    )`;
  return (store.first({ compile: () => probe.compile(store.kysely) })?.n ?? 0) < NARROW_NODE_LINES;
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
