import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runReport } from '../../../../src/cli/run-report';
import { exportRun } from '../../../../src/main/core/bundles/export-run';
import { importRun } from '../../../../src/main/core/bundles/import-run';
import { gatherRunReport } from '../../../../src/main/core/report/gather-report';
import type { Store } from '../../../../src/main/core/store/store';
import { createTask } from '../../../../src/main/core/tasks/create-task';
import { queryNodes } from '../../../../src/main/core/tasks/query-nodes';
import { getTask } from '../../../../src/main/core/tasks/task-queries';
import { renderNodesCsv } from '../../../../src/shared/report/render-csv';
import { renderReportHtml } from '../../../../src/shared/report/render-html';
import { REPORT_STRINGS } from '../../../../src/shared/report/report-strings';
import { NODE_KINDS } from '../../../../src/shared/status';
import { MIGRATIONS_DIR } from '../../../helpers/paths';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';
import { workflow } from '../../../helpers/scheduler';

const tempDir = useTempDirs();
let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => store.close());

const KINDED = workflow([
  { nodeId: 'fan', nodeType: 'container', kind: 'parallel' },
  { nodeId: 'approve', parentId: 'fan', kind: 'manual', agentLoad: undefined },
  { nodeId: 'plain', parentId: 'fan' },
]);
const EXPECTED = { root: null, fan: 'parallel', approve: 'manual', plain: null };

const kinds = (target: Store, taskId: string) => Object.fromEntries(queryNodes(target, taskId).map((node) => [node.nodeId, node.kind]));

describe('the kind of a node', () => {
  it('is carried from the definition through the store and node views to the run reports and a run bundle', async () => {
    const { task_id } = createTask(store, KINDED, { name: 'kinds' });
    expect(kinds(store, task_id)).toEqual(EXPECTED);
    expect(queryNodes(store, task_id).find((node) => node.nodeId === 'approve')!.agentLoad).toBe('manual');

    const report = gatherRunReport(store, task_id);
    expect(Object.fromEntries(report.nodes.map((node) => [node.nodeId, node.kind]))).toEqual(EXPECTED);
    const html = renderReportHtml(report, REPORT_STRINGS['zh-CN']);
    expect(html).toContain('<th class="fit">种类</th>');
    expect(html).toContain('手动任务');
    expect(html).toContain('并行执行');
    const csv = renderNodesCsv(report, REPORT_STRINGS.en).split('\r\n');
    const header = csv[0]!.replace('\uFEFF', '').split(',');
    const column = header.indexOf('Kind');
    expect(column).toBeGreaterThan(0);
    expect(csv.slice(1, 5).map((line) => line.split(',')[column])).toEqual(['', 'Parallel', 'Manual task', '']);

    const cli = runReport(getTask(store, task_id), queryNodes(store, task_id), []);
    expect(Object.fromEntries(cli.nodes.map((node) => [node.nodeId, node.kind]))).toEqual(EXPECTED);

    const file = join(tempDir(), 'run.ndjson');
    exportRun(store, task_id, file);
    const target = await openTestStore();
    try {
      expect(importRun(target, file).status).toBe('imported');
      expect(kinds(target, task_id)).toEqual(EXPECTED);
    } finally {
      target.close();
    }
  });

  it('is checked by the store against the shared list of kinds', () => {
    const sql = readFileSync(join(MIGRATIONS_DIR, '010_node_kind.sql'), 'utf8');
    const listed = /kind IN \(([^)]*)\)/.exec(sql)![1]!.split(',').map((item) => item.trim().replace(/'/g, ''));
    expect(listed).toEqual([...NODE_KINDS]);
    const { task_id } = createTask(store, KINDED, { name: 'kinds' });
    const setKind = store.db.prepare(`UPDATE workflow_node SET kind = ? WHERE task_id = ? AND node_id = 'plain'`);
    for (const kind of NODE_KINDS) setKind.run(kind, BigInt(task_id));
    expect(() => setKind.run('teleport', BigInt(task_id))).toThrow(/CHECK constraint/);
  });
});
