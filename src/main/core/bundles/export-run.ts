import { closeSync, existsSync, openSync, rmSync, writeSync } from 'node:fs';
import { isId } from '../../../shared/ids';
import { mapRow } from '../store/rows';
import type { Store } from '../store/store';
import { BundleError } from './bundle-error';
import type { BundleKey } from './bundle-key';
import { DigestChain, LOCAL_TASK_COLUMNS, RUN_BUNDLE_FORMAT, RUN_BUNDLE_VERSION, RUN_TABLES, signedText, withLink, type EndLine, type RunTable } from './bundle-format';

export interface RunExportResult {
  file: string;
  counts: Record<RunTable, number>;
  digest: string;
  signed: boolean;
}

/** Writes one task's rows to a new bundle (see bundle-format.ts), signed when a key is given. */
export function exportRun(store: Store, taskId: string, outFile: string, options: { key?: BundleKey } = {}): RunExportResult {
  if (!isId(taskId)) throw new BundleError(store.file, null, `task id ${JSON.stringify(taskId)} is not a decimal id`);
  if (existsSync(outFile)) throw new BundleError(outFile, null, 'the file already exists; choose a new file');
  const fd = openSync(outFile, 'wx');
  let complete = false;
  try {
    const result = store.transaction(() => {
      const exists = store.db.prepare('SELECT 1 FROM deduction_task WHERE id = ?').get(BigInt(taskId));
      if (!exists) throw new BundleError(store.file, null, `there is no task ${taskId} in this database`);
      const counts = Object.fromEntries(
        RUN_TABLES.map((table) => [table, Number(store.db.prepare(`SELECT count(*) FROM ${table} WHERE ${taskColumn(table)} = ?`).pluck().get(BigInt(taskId)))]),
      ) as Record<RunTable, number>;
      const header = JSON.stringify({ format: RUN_BUNDLE_FORMAT, version: RUN_BUNDLE_VERSION, schemaVersion: store.status().schemaVersion, taskId, exportedAt: Date.now(), counts });
      writeSync(fd, `${header}\n`);
      const chain = new DigestChain(header);
      let rows = 0;
      for (const table of RUN_TABLES) {
        let chunk = '';
        for (const raw of store.db.prepare(`SELECT * FROM ${table} WHERE ${taskColumn(table)} = ? ORDER BY rowid`).iterate(BigInt(taskId))) {
          const row = mapRow<Record<string, unknown>>(raw as Record<string, unknown>);
          if (table === 'deduction_task') for (const column of LOCAL_TASK_COLUMNS) delete row[column];
          const body = JSON.stringify({ t: table, r: row });
          chunk += `${withLink(body, chain.link(body))}\n`;
          rows++;
          if (chunk.length > 1 << 20) {
            writeSync(fd, chunk);
            chunk = '';
          }
        }
        if (chunk) writeSync(fd, chunk);
      }
      const end: EndLine['end'] = { rows, sha256: chain.digest };
      if (options.key) end.signature = { alg: options.key.alg, value: options.key.sign(signedText(chain.digest)) };
      writeSync(fd, `${JSON.stringify({ end })}\n`);
      return { file: outFile, counts, digest: chain.digest, signed: options.key !== undefined };
    });
    complete = true;
    return result;
  } finally {
    closeSync(fd);
    // A half-written bundle must not be mistaken for a run later.
    if (!complete) rmSync(outFile, { force: true });
  }
}

export function taskColumn(table: RunTable): string {
  return table === 'deduction_task' ? 'id' : 'task_id';
}
