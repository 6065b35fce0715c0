import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { isId } from '../../../shared/ids';
import { mapRow } from './rows';
import type { Store } from './store';

/**
 * One task's rows as a file, to carry a deduction's results between offline workstations.
 * The file is NDJSON: a header line, then one `{"t": table, "r": row}` line per row, so a
 * run with a million log lines is written without holding it in memory.
 */
export const RUN_BUNDLE_FORMAT = 'deduction-run';
export const RUN_BUNDLE_VERSION = 1;
/** A bundle is imported in one transaction from memory; beyond this, refuse clearly. */
export const RUN_BUNDLE_MAX_BYTES = 400 * 1024 * 1024;

/** Tables in the order rows must be inserted for their foreign keys to hold. */
const RUN_TABLES = ['deduction_task', 'deduction_task_snapshot', 'workflow_node', 'node_dependency', 'node_execution', 'node_execution_log', 'node_state_transition', 'resource_sample'] as const;
type RunTable = (typeof RUN_TABLES)[number];

const headerSchema = z.object({
  format: z.literal(RUN_BUNDLE_FORMAT),
  version: z.literal(RUN_BUNDLE_VERSION),
  schemaVersion: z.int().min(1),
  taskId: z.string().refine(isId, 'must be a decimal id'),
  exportedAt: z.int(),
  counts: z.record(z.string(), z.int().min(0)),
});
const lineSchema = z.object({ t: z.enum(RUN_TABLES), r: z.record(z.string(), z.union([z.string(), z.number(), z.null()])) });

export interface RunExportResult {
  file: string;
  counts: Record<RunTable, number>;
}

export function exportRun(store: Store, taskId: string, outFile: string): RunExportResult {
  if (!isId(taskId)) throw new Error(`task id ${JSON.stringify(taskId)} is not a decimal id`);
  if (existsSync(outFile)) throw new Error(`${outFile} already exists; choose a new file`);
  const fd = openSync(outFile, 'wx');
  let complete = false;
  try {
    const result = store.transaction(() => {
      const exists = store.db.prepare('SELECT 1 FROM deduction_task WHERE id = ?').get(BigInt(taskId));
      if (!exists) throw new Error(`there is no task ${taskId} in ${store.file}`);
      const counts = Object.fromEntries(
        RUN_TABLES.map((table) => [table, Number(store.db.prepare(`SELECT count(*) FROM ${table} WHERE ${taskColumn(table)} = ?`).pluck().get(BigInt(taskId)))]),
      ) as Record<RunTable, number>;
      const header = { format: RUN_BUNDLE_FORMAT, version: RUN_BUNDLE_VERSION, schemaVersion: store.status().schemaVersion, taskId, exportedAt: Date.now(), counts };
      writeSync(fd, `${JSON.stringify(header)}\n`);
      for (const table of RUN_TABLES) {
        let chunk = '';
        for (const row of store.db.prepare(`SELECT * FROM ${table} WHERE ${taskColumn(table)} = ? ORDER BY rowid`).iterate(BigInt(taskId))) {
          chunk += `${JSON.stringify({ t: table, r: mapRow(row as Record<string, unknown>) })}\n`;
          if (chunk.length > 1 << 20) {
            writeSync(fd, chunk);
            chunk = '';
          }
        }
        if (chunk) writeSync(fd, chunk);
      }
      return { file: outFile, counts };
    });
    complete = true;
    return result;
  } finally {
    closeSync(fd);
    // A half-written bundle must not be mistaken for a run later.
    if (!complete) rmSync(outFile, { force: true });
  }
}

export interface RunImportResult {
  taskId: string;
  status: 'imported' | 'already-present';
  counts: Record<string, number>;
}

/**
 * Imports a bundle in one transaction: all of it or nothing. Importing the same bundle again
 * is a no-op. Row ids other than the task's are reassigned, since another workstation's
 * auto-numbered rows may collide with ours; references between rows are rewritten to match.
 */
export function importRun(store: Store, file: string): RunImportResult {
  const size = statSync(file).size;
  if (size > RUN_BUNDLE_MAX_BYTES) throw new Error(`${file} is ${size} bytes; run bundles up to ${RUN_BUNDLE_MAX_BYTES} bytes can be imported`);
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.length > 0);
  const header = parseLine(headerSchema, lines[0], file, 1);
  const ours = store.status().schemaVersion;
  if (header.schemaVersion > ours) {
    throw new Error(`${file} was exported by a newer Deduction Console (schema ${header.schemaVersion}; this app knows up to ${ours})`);
  }
  const rows = lines.slice(1).map((line, index) => parseLine(lineSchema, line, file, index + 2));
  const tasks = rows.filter((row) => row.t === 'deduction_task');
  if (tasks.length !== 1 || tasks[0]!.r['id'] !== header.taskId) throw new Error(`${file} must hold exactly the task ${header.taskId} it names in its header`);
  for (const [table, expected] of Object.entries(header.counts)) {
    const actual = rows.filter((row) => row.t === table).length;
    if (actual !== expected) throw new Error(`${file} is incomplete: its header promises ${expected} ${table} rows, it holds ${actual}`);
  }
  return store.transaction(() => {
    if (store.db.prepare('SELECT 1 FROM deduction_task WHERE id = ?').get(BigInt(header.taskId))) {
      return { taskId: header.taskId, status: 'already-present' as const, counts: header.counts };
    }
    const columns = new Map(RUN_TABLES.map((table) => [table, new Set(store.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[])]));
    const executionIds = new Map<string, bigint>();
    for (const { t: table, r: row } of rows) {
      const known = columns.get(table)!;
      const unknown = Object.keys(row).filter((column) => !known.has(column));
      if (unknown.length > 0) throw new Error(`${file}: ${table} rows carry columns this app does not know: ${unknown.join(', ')}`);
      const values: Record<string, unknown> = { ...row };
      if (table === 'deduction_task') {
        for (const reference of ['scheme_id', 'env_instance_id', 'template_id'] as const) values[reference] = null;
      } else if (table !== 'deduction_task_snapshot') {
        delete values['id'];
      }
      if (table === 'node_execution_log' && typeof row['execution_id'] === 'string') {
        values['execution_id'] = executionIds.get(row['execution_id']) ?? null;
      }
      const names = Object.keys(values);
      const result = store.db
        .prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
        .run(...names.map((name) => bindValue(name, values[name])));
      if (table === 'node_execution') executionIds.set(String(row['id']), BigInt(result.lastInsertRowid));
    }
    return { taskId: header.taskId, status: 'imported' as const, counts: header.counts };
  });
}

function taskColumn(table: RunTable): string {
  return table === 'deduction_task' ? 'id' : 'task_id';
}

function bindValue(column: string, value: unknown): unknown {
  return typeof value === 'string' && (column === 'id' || column.endsWith('_id')) && isId(value) ? BigInt(value) : value;
}

function parseLine<T>(schema: z.ZodType<T>, line: string | undefined, file: string, lineNumber: number): T {
  if (line === undefined) throw new Error(`${file} is empty; it is not a run bundle`);
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    throw new Error(`${file}:${lineNumber}: not JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}:${lineNumber}: ${issue.path.join('.') || 'line'}: ${issue.message}${lineNumber === 1 ? ' (is this a run bundle?)' : ''}`);
  }
  return parsed.data;
}
