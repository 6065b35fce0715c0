import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRun } from '../../../../src/main/core/bundles/export-run';
import { importRun } from '../../../../src/main/core/bundles/import-run';
import { addBookmark, listBookmarks } from '../../../../src/main/core/review/bookmark-rows';
import type { Store } from '../../../../src/main/core/store/store';
import { bundleLines, lineOf, rechain, seedRun, writeLines } from '../../../helpers/run-bundle';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();

function contentOf(store: Store, taskId: string): Record<string, unknown> {
  const task = BigInt(taskId);
  const strip = (rows: unknown[]) => rows.map((row) => ({ ...(row as object), id: undefined, execution_id: undefined }));
  const tables = ['workflow_node', 'node_dependency', 'node_execution', 'node_execution_log', 'node_state_transition', 'resource_sample'];
  return {
    task: store.db
      .prepare('SELECT task_name, status, workflow_snapshot FROM deduction_task JOIN deduction_task_snapshot s ON s.task_id = id WHERE id = ?')
      .get(task),
    ...Object.fromEntries(tables.map((table) => [table, strip(store.db.prepare(`SELECT * FROM ${table} WHERE task_id = ? ORDER BY rowid`).all(task))])),
    logsLinkedToExecution: store.db
      .prepare(`SELECT count(*) FROM node_execution_log l JOIN node_execution e ON e.id = l.execution_id WHERE l.task_id = ?`)
      .pluck()
      .get(task),
  };
}

function taskCount(store: Store): bigint {
  return store.db.prepare('SELECT count(*) FROM deduction_task').pluck().get() as bigint;
}

describe('run bundles', () => {
  it('carry one task between databases exactly, with a digest, and a second import changes nothing', async () => {
    const source = await openTestStore();
    const target = await openTestStore();
    const otherTask = seedRun(target);
    const taskId = seedRun(source);
    const file = join(tempDir(), 'run.ndjson');
    const exported = exportRun(source, taskId, file);
    expect(exported.counts).toMatchObject({ deduction_task: 1, deduction_task_snapshot: 1, workflow_node: 3, node_execution_log: 100, resource_sample: 1 });
    expect(exported.digest).toMatch(/^[0-9a-f]{64}$/);
    const lines = bundleLines(file);
    expect(JSON.parse(lines.at(-1)!)).toEqual({ end: { rows: 109, sha256: exported.digest } });

    expect(importRun(target, file, { now: () => 1234 })).toMatchObject({ taskId, status: 'imported', digest: exported.digest, signature: 'none' });
    expect(contentOf(target, taskId)).toEqual(contentOf(source, taskId));
    expect(contentOf(target, taskId)['logsLinkedToExecution']).toBe(100n);
    expect(target.db.prepare('SELECT imported_at, import_digest FROM deduction_task WHERE id = ?').get(BigInt(taskId))).toEqual({ imported_at: 1234n, import_digest: exported.digest });
    // The source's task row says 2 nodes (written as a test row); the import counts its 3 node rows.
    expect(target.db.prepare('SELECT total_nodes, total_containers, total_agents, completed_nodes FROM deduction_task WHERE id = ?').get(BigInt(taskId))).toEqual({
      total_nodes: 3n,
      total_containers: 1n,
      total_agents: 2n,
      completed_nodes: 3n,
    });
    const search = target.db.prepare(`SELECT count(*) FROM node_execution_log_fts WHERE message LIKE '%敌情 line%'`).pluck().get();
    expect(Number(search)).toBe(200);

    const before = target.db.prepare('SELECT count(*) FROM node_execution_log').pluck().get();
    expect(importRun(target, file)).toMatchObject({ taskId, status: 'already-present' });
    expect(target.db.prepare('SELECT count(*) FROM node_execution_log').pluck().get()).toBe(before);
    expect(contentOf(target, otherTask)['node_execution_log']).toHaveLength(100);
    source.close();
    target.close();
  });

  it('carry the task’s bookmarks and annotations, with their authors, node and task time', async () => {
    const source = await openTestStore();
    const target = await openTestStore();
    const taskId = seedRun(source);
    const node = (source.db.prepare('SELECT node_id FROM workflow_node WHERE task_id = ? AND is_root = 0 LIMIT 1').pluck().get(BigInt(taskId)) as string) ?? undefined;
    addBookmark(source, taskId, { kind: 'bookmark', taskTimeMs: 1500, text: 'red crosses the strait' }, '值班员 Li', 10);
    addBookmark(source, taskId, { kind: 'annotation', taskTimeMs: 300, nodeId: node, text: 'detection came 12 minutes late' }, 'observer', 11);
    const file = join(tempDir(), 'run.ndjson');
    expect(exportRun(source, taskId, file).counts).toMatchObject({ task_bookmark: 2 });
    importRun(target, file);
    const strip = ({ bookmarkId: _id, ...rest }: { bookmarkId: string }) => rest;
    expect(listBookmarks(target, taskId).map(strip)).toEqual(listBookmarks(source, taskId).map(strip));
    expect(listBookmarks(target, taskId).map((mark) => [mark.taskTimeMs, mark.author, mark.nodeId])).toEqual([
      [300, 'observer', node],
      [1500, '值班员 Li', undefined],
    ]);
    source.close();
    target.close();
  });

  it('carry the execution figures and the level, category and extra data of log lines, and import bundles made before them', async () => {
    const source = await openTestStore();
    const taskId = seedRun(source);
    source.db
      .prepare(`INSERT INTO node_execution (task_id, node_id, batch, status, created_at, updated_at, managed_nodes_total, managed_nodes_completed) VALUES (?, 'root', 1, 'completed', 1, 2, 2, 1)`)
      .run(BigInt(taskId));
    const dir = tempDir();
    const file = join(dir, 'run.ndjson');
    exportRun(source, taskId, file);
    const target = await openTestStore();
    importRun(target, file);
    const figures = (store: Store) =>
      store.db
        .prepare(
          `SELECT node_id, engine_node_id, queue_time_ms, managed_nodes_total, managed_nodes_completed, cpu_peak, cpu_mean, memory_peak, memory_mean FROM node_execution WHERE task_id = ? ORDER BY node_id`,
        )
        .all(BigInt(taskId));
    expect(figures(target)).toEqual(figures(source));
    expect(figures(target)).toEqual([
      expect.objectContaining({ node_id: 'root', managed_nodes_total: 2n, managed_nodes_completed: 1n }),
      expect.objectContaining({ node_id: '侦察', engine_node_id: `${taskId}/侦察/1`, queue_time_ms: 40n, cpu_peak: 12.5, cpu_mean: 7.25, memory_peak: 1, memory_mean: 0.5 }),
    ]);
    const firstLines = (store: Store) =>
      store.db.prepare(`SELECT log_level, log_type, log_category, extra_data FROM node_execution_log WHERE task_id = ? ORDER BY log_time LIMIT 3`).all(BigInt(taskId));
    expect(firstLines(target)).toEqual([
      { log_level: 'critical', log_type: 'stdout', log_category: 'network', extra_data: '{"peer":"蓝方","retries":3}' },
      { log_level: 'warn', log_type: 'system', log_category: 'system', extra_data: null },
      { log_level: 'info', log_type: 'stdout', log_category: 'execution', extra_data: null },
    ]);

    // As a console before schema 8 wrote it: none of the new columns, no critical level.
    const newColumns = ['engine_node_id', 'queue_time_ms', 'managed_nodes_total', 'managed_nodes_completed', 'cpu_peak', 'cpu_mean', 'memory_peak', 'memory_mean', 'log_category', 'extra_data'];
    const old = rechain(
      bundleLines(file).map((line) => {
        const parsed = JSON.parse(line) as { t?: string; r?: Record<string, unknown> };
        if (parsed.r === undefined) return line;
        for (const column of newColumns) delete parsed.r[column];
        if (parsed.r['log_level'] === 'critical') parsed.r['log_level'] = 'error';
        return JSON.stringify(parsed);
      }),
    );
    const older = await openTestStore();
    expect(importRun(older, writeLines(dir, 'old.ndjson', old))).toMatchObject({ taskId, status: 'imported' });
    expect(firstLines(older)).toEqual([
      { log_level: 'error', log_type: 'stdout', log_category: 'execution', extra_data: null },
      { log_level: 'warn', log_type: 'system', log_category: 'system', extra_data: null },
      { log_level: 'info', log_type: 'stdout', log_category: 'execution', extra_data: null },
    ]);
    expect(figures(older).map((row) => (row as Record<string, unknown>)['cpu_peak'])).toEqual([null, null]);
    for (const store of [source, target, older]) store.close();
  });

  it('re-exports an imported task without the marks of the database that imported it', async () => {
    const source = await openTestStore();
    const middle = await openTestStore();
    const taskId = seedRun(source);
    const dir = tempDir();
    exportRun(source, taskId, join(dir, 'first.ndjson'));
    importRun(middle, join(dir, 'first.ndjson'));
    exportRun(middle, taskId, join(dir, 'second.ndjson'));
    const task = JSON.parse(bundleLines(join(dir, 'second.ndjson'))[1]!) as { r: Record<string, unknown> };
    expect(task.r).not.toHaveProperty('imported_at');
    expect(task.r).not.toHaveProperty('import_digest');
    const target = await openTestStore();
    expect(importRun(target, join(dir, 'second.ndjson'))).toMatchObject({ status: 'imported' });
    expect(contentOf(target, taskId)).toEqual(contentOf(source, taskId));
    source.close();
    middle.close();
    target.close();
  });

  it('refuses a damaged, truncated or foreign file with a message naming the line, and writes nothing', async () => {
    const source = await openTestStore();
    const taskId = seedRun(source);
    const dir = tempDir();
    const good = join(dir, 'run.ndjson');
    exportRun(source, taskId, good);
    const lines = bundleLines(good);
    const cases: Array<[string, string[], RegExp]> = [
      ['truncated.ndjson', lines.slice(0, -3), /truncated\.ndjson:108: the bundle ends here without its end line: it was cut short/],
      ['garbled.ndjson', [...lines.slice(0, 5), '{"t": "workflow_node", "r": {', ...lines.slice(5)], /garbled\.ndjson:6: not JSON/],
      ['foreign.ndjson', ['{"hello": "world"}'], /foreign\.ndjson:1: format: .*is this a run bundle/],
      ['newer.ndjson', [lines[0]!.replace(/"schemaVersion":\d+/, '"schemaVersion":99'), ...lines.slice(1)], /newer\.ndjson:1: .*newer Deduction Console \(schema 99/],
      ['bad-table.ndjson', rechain([...lines.slice(0, -1), '{"t":"sqlite_master","r":{}}', lines.at(-1)!]), /bad-table\.ndjson:111: t: Invalid option/],
      ['after-end.ndjson', [...lines, lines[1]!], /after-end\.ndjson:112: a line after the end line/],
      ['unlinked.ndjson', [...lines.slice(0, 3), lines[3]!.replace(/,"h":"[0-9a-f]+"\}$/, '}'), ...lines.slice(4)], /unlinked\.ndjson:4: this row carries no digest link/],
      ['promise.ndjson', rechain([lines[0]!.replace('"workflow_node":3', '"workflow_node":4'), ...lines.slice(1)]), /incomplete: its header promises 4 workflow_node rows, it holds 3/],
      ['out-of-order.ndjson', rechain([lines[0]!, lines[1]!, lines[3]!, lines[2]!, ...lines.slice(4)]), /out-of-order\.ndjson:4: a deduction_task_snapshot row after workflow_node rows/],
    ];
    const target = await openTestStore();
    for (const [name, text, pattern] of cases) {
      expect(() => importRun(target, writeLines(dir, name, text))).toThrow(pattern);
    }
    writeFileSync(join(dir, 'empty.ndjson'), '\n\n');
    expect(() => importRun(target, join(dir, 'empty.ndjson'))).toThrow(/empty\.ndjson: the file is empty; it is not a run bundle/);
    expect(() => importRun(target, join(dir, 'missing.ndjson'))).toThrow(/^.*missing\.ndjson: the run bundle does not exist$/);
    expect(() => importRun(target, dir)).toThrow(/the run bundle is a folder, not a file/);
    expect(taskCount(target)).toBe(0n);
    expect(target.db.prepare('SELECT count(*) FROM workflow_node').pluck().get()).toBe(0n);
    source.close();
    target.close();
  });

  it('rolls back a half-imported bundle when a row is refused by a constraint, naming its line', async () => {
    const source = await openTestStore();
    const taskId = seedRun(source);
    const dir = tempDir();
    exportRun(source, taskId, join(dir, 'run.ndjson'));
    const lines = bundleLines(join(dir, 'run.ndjson'));
    const strike = lineOf(lines, /"node_id":"strike"/);
    lines[strike - 1] = lines[strike - 1]!.replace('"status":"completed"', '"status":"exploded"');
    const target = await openTestStore();
    expect(() => importRun(target, writeLines(dir, 'bad.ndjson', rechain(lines)))).toThrow(new RegExp(`bad\\.ndjson:${strike}: the database refused this workflow_node row: CHECK constraint`));
    expect(taskCount(target)).toBe(0n);
    source.close();
    target.close();
  });

  it('refuses to export a task that does not exist, or over an existing file', async () => {
    const store = await openTestStore();
    const dir = tempDir();
    expect(() => exportRun(store, '123', join(dir, 'a.ndjson'))).toThrow(/there is no task 123/);
    expect(existsSync(join(dir, 'a.ndjson'))).toBe(false);
    writeFileSync(join(dir, 'b.ndjson'), 'keep');
    expect(() => exportRun(store, '123', join(dir, 'b.ndjson'))).toThrow(/already exists/);
    expect(readFileSync(join(dir, 'b.ndjson'), 'utf8')).toBe('keep');
    store.close();
  });
});
