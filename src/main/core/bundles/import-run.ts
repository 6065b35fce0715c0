import type { Store } from '../store/store';
import { BundleError } from './bundle-error';
import { LOCAL_TASK_COLUMNS, RUN_TABLES, type RowLine, type RunTable } from './bundle-format';
import type { BundleKey } from './bundle-key';
import { readBundle, type ReadBundleOptions, type SignatureCheck } from './read-bundle';
import { RowInserter } from './row-inserter';

export interface RunImportOptions {
  /** Checks the bundle's signature with this key. */
  key?: BundleKey;
  /** Accepts a version 1 bundle, which has no digest (see read-bundle.ts). */
  allowUndigested?: boolean;
  now?: () => number;
}

export interface RunImportResult {
  taskId: string;
  status: 'imported' | 'already-present';
  counts: Record<RunTable, number>;
  digest: string;
  signature: SignatureCheck;
}

/**
 * Adds a bundle's task to the database as read-only history (imported_at set: the scheduler
 * never runs, recovers or controls it, whatever its status). The whole bundle is checked
 * before anything is written, then written in one transaction while it is read and checked
 * again, so a file changed in between is refused too: all of it or nothing.
 *
 * The task keeps its id, so that it is recognised: the same bundle imported again changes
 * nothing, and a bundle whose task id another task already has is refused. Every other row id
 * is new (another workstation's auto-numbered rows may collide with ours), and the references
 * between rows are rewritten to match. The task's counters are recomputed from its node rows.
 */
export function importRun(store: Store, file: string, options: RunImportOptions = {}): RunImportResult {
  const read: ReadBundleOptions = { columns: knownColumns(store), schemaVersion: store.status().schemaVersion, allowUndigested: options.allowUndigested ?? false };
  if (options.key) read.key = options.key;
  const checked = readBundle(file, read);
  const taskId = checked.header.taskId;
  const result = { taskId, counts: checked.counts, digest: checked.digest, signature: checked.signature };
  return store.transaction(() => {
    const existing = store.first(store.kysely.selectFrom('deduction_task').select(['imported_at', 'import_digest']).where('id', '=', taskId));
    if (existing) {
      if (existing.import_digest === checked.digest) return { ...result, status: 'already-present' as const };
      const what = existing.imported_at === null ? 'a task of this database' : 'imported from another bundle';
      throw new BundleError(file, null, `task ${taskId} is already in this database (${what}); nothing was imported`);
    }
    const inserter = new RowInserter(store, file, (options.now ?? Date.now)());
    const written = readBundle(file, read, (row: RowLine, line: number) => inserter.insert(row, line));
    if (written.digest !== checked.digest) throw new BundleError(file, null, 'the bundle changed while it was imported; nothing was imported');
    inserter.finish(taskId, written.digest, written.nodeCounts);
    return { ...result, status: 'imported' as const };
  });
}

function knownColumns(store: Store): Map<RunTable, Set<string>> {
  const columns = new Map<RunTable, Set<string>>();
  for (const table of RUN_TABLES) {
    const names = store.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
    columns.set(table, new Set(table === 'deduction_task' ? names.filter((name) => !(LOCAL_TASK_COLUMNS as readonly string[]).includes(name)) : names));
  }
  return columns;
}
