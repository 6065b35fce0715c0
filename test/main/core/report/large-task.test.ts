import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNodesCsv } from '../../../../src/shared/report/render-csv';
import { renderReportHtml } from '../../../../src/shared/report/render-html';
import { REPORT_STRINGS } from '../../../../src/shared/report/report-strings';
import { REPORT_LIMITS, type RunReport } from '../../../../src/shared/report/run-report';
import { gatherRunReport } from '../../../../src/main/core/report/gather-report';
import type { Store } from '../../../../src/main/core/store/store';
import { insertTask } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';

const NODES = 10_000;
const T0 = 1_800_000_000_000;
let store: Store;
let report: RunReport;

/**
 * Ten thousand agents that all failed twice, each with log lines and samples, written with raw
 * SQL: the worst case for a report's size, which every list must keep bounded.
 */
beforeAll(async () => {
  store = await openTestStore();
  const taskId = insertTask(store, store.ids.next(), 'failed');
  const task = BigInt(taskId);
  const node = store.db.prepare(
    `INSERT INTO workflow_node (id, task_id, node_id, node_type, parent_node_id, is_root, level, agent_load, status, current_batch, start_time, end_time, error_code, error_message, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'failed', 2, ?, ?, 'SIMULATED', 'failed twice', 1, 1)`,
  );
  const execution = store.db.prepare(
    `INSERT INTO node_execution (id, task_id, node_id, batch, engine_id, status, start_time, end_time, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'embedded', 'failed', ?, ?, 1, 1)`,
  );
  const log = store.db.prepare(
    `INSERT INTO node_execution_log (id, task_id, node_id, batch, log_level, log_type, message, log_time, created_at) VALUES (?, ?, ?, 2, ?, 'stderr', ?, ?, 1)`,
  );
  const sample = store.db.prepare(
    `INSERT INTO resource_sample (id, task_id, node_id, batch, engine_id, cpu_percent, memory_bytes, sample_time) VALUES (?, ?, ?, 2, 'embedded', ?, ?, ?)`,
  );
  const transition = store.db.prepare(
    `INSERT INTO node_state_transition (id, task_id, node_id, batch, from_status, to_status, reason, trigger_type, operator, created_at)
     VALUES (?, ?, ?, 2, 'failed', 'ready', 'retry', 'user', 'ops', ?)`,
  );
  store.transaction(() => {
    node.run(store.ids.next(), task, 'root', 'container', null, 1, 0, null, T0, T0 + 100_000);
    for (let index = 0; index < NODES; index++) {
      const nodeId = `agent-${index}`;
      const start = T0 + index * 10;
      node.run(store.ids.next(), task, nodeId, 'agent', 'root', 0, 1, 'sim', start, start + 500);
      execution.run(store.ids.next(), task, nodeId, 1, start, start + 200);
      execution.run(store.ids.next(), task, nodeId, 2, start + 300, start + 500);
      const lines = index === 0 ? 120 : 3;
      for (let line = 0; line < lines; line++) log.run(store.ids.next(), task, nodeId, line % 2 ? 'warn' : 'error', `line ${line} ${'x'.repeat(80)}`, start + line);
      log.run(store.ids.next(), task, nodeId, 'info', 'not a problem', start + 400);
      for (let tick = 0; tick < 3; tick++) sample.run(store.ids.next(), task, nodeId, (index % 100) + tick, 1_000_000 + index, start + tick * 100);
      transition.run(store.ids.next(), task, nodeId, start + 250);
    }
  });
  report = gatherRunReport(store, taskId, { now: T0 + 200_000 });
}, 120_000);
afterAll(() => store.close());

describe('a run report of a 10,000-node task', () => {
  it('keeps every node for the CSV and cuts every other list, saying how many there are', () => {
    expect(report.nodes).toHaveLength(NODES + 1);
    expect(report.executionsTotal).toBe(2 * NODES);
    expect(report.failures).toMatchObject({ total: NODES + 1 });
    expect(report.failures.items).toHaveLength(REPORT_LIMITS.failuresWithLogs);
    expect(report.failures.items[0]!.logs).toHaveLength(REPORT_LIMITS.logLinesPerFailure);
    expect(report.failures.items[0]!.logs.at(-1)!.message).toMatch(/^line 119 /);
    expect(report.failures.items[1]!.logs.map((line) => line.level)).toEqual(['error', 'warn', 'error']);
    expect(report.retries).toMatchObject({ total: NODES });
    expect(report.retries.items).toHaveLength(REPORT_LIMITS.retries);
    // In definition order, not the text order of their ids (agent-10 after agent-9).
    expect(report.retries.items.slice(9, 11).map((retry) => retry.nodeId)).toEqual(['agent-9', 'agent-10']);
    expect(report.operatorActions).toMatchObject({ total: NODES });
    expect(report.operatorActions.items).toHaveLength(REPORT_LIMITS.operatorActions);
    expect(report.timeline).toMatchObject({ total: NODES, start: T0, end: T0 + (NODES - 1) * 10 + 500 });
    expect(report.timeline.items).toHaveLength(REPORT_LIMITS.timelineRows);
    expect(report.resources.topCpu).toHaveLength(REPORT_LIMITS.topResourceNodes);
    expect(report.resources.topCpu[0]!.value).toBe(101);
  });

  it('renders an HTML document of bounded size and a CSV of every node', () => {
    const html = renderReportHtml(report, REPORT_STRINGS.en);
    expect(html.length).toBeLessThan(4_000_000);
    expect(html.match(/<svg class="gantt"/g)).toHaveLength(Math.ceil(REPORT_LIMITS.timelineRows / 40));
    const csv = renderNodesCsv(report, REPORT_STRINGS['zh-CN']);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(NODES + 2);
  });
});
