import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/shared/api/errors';
import type { ReportFormat } from '../../../../src/shared/report/run-report';
import { exportRunReport, renderRunReport } from '../../../../src/main/core/report/export-report';
import { exportWorkflowText } from '../../../../src/main/core/service/export-workflow';
import { builtHeavyWorkEntry, HEAVY_WORK_THREAD_FILE, startHeavyWork, type HeavyWork } from '../../../../src/main/core/service/heavy-work';
import type { Store } from '../../../../src/main/core/store/store';
import { agentChain } from '../../../helpers/chain-workflow';
import { REPO_ROOT } from '../../../helpers/paths';
import { insertTask } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
let work: HeavyWork | undefined;
let store: Store | undefined;
afterEach(async () => {
  await work?.close();
  work = undefined;
  store?.close();
  store = undefined;
});

/** A file store holding one failed task of `agents` failed agents, each with an execution and a log line. */
async function storeWithTask(agents: number): Promise<{ store: Store; taskId: string }> {
  const opened = await openTestStore(tempDir());
  const taskId = insertTask(opened, opened.ids.next(), 'failed');
  const node = opened.db.prepare(
    `INSERT INTO workflow_node (id, task_id, node_id, node_type, parent_node_id, is_root, level, agent_load, status, current_batch, start_time, end_time, error_code, error_message, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'failed', 1, ?, ?, 'SIMULATED', 'failed', 1, 1)`,
  );
  const execution = opened.db.prepare(
    `INSERT INTO node_execution (id, task_id, node_id, batch, engine_id, status, start_time, end_time, created_at, updated_at) VALUES (?, ?, ?, 1, 'embedded', 'failed', ?, ?, 1, 1)`,
  );
  const log = opened.db.prepare(
    `INSERT INTO node_execution_log (id, task_id, node_id, batch, log_level, log_type, message, log_time, created_at) VALUES (?, ?, ?, 1, 'error', 'stderr', ?, ?, 1)`,
  );
  const T0 = 1_800_000_000_000;
  opened.transaction(() => {
    node.run(opened.ids.next(), BigInt(taskId), 'root', 'container', null, 1, 0, null, T0, T0 + 100_000);
    for (let index = 0; index < agents; index++) {
      const start = T0 + index * 10;
      node.run(opened.ids.next(), BigInt(taskId), `agent-${index}`, 'agent', 'root', 0, 1, 'sim', start, start + 500);
      execution.run(opened.ids.next(), BigInt(taskId), `agent-${index}`, start, start + 500);
      log.run(opened.ids.next(), BigInt(taskId), `agent-${index}`, `agent ${index} gave up`, start + 400);
    }
  });
  return { store: opened, taskId };
}

function builtEntry(): string {
  const entry = builtHeavyWorkEntry(join(REPO_ROOT, 'out/node'));
  if (!entry) throw new Error(`out/node/${HEAVY_WORK_THREAD_FILE} is missing: run \`npm run build\` first (npm test does)`);
  return entry;
}

describe('heavy-work thread', () => {
  it('exports a large definition while the calling thread keeps turning, with the same text as inline', async () => {
    work = startHeavyWork(builtEntry());
    const definition = agentChain(150);
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 10);
    const text = await work.exportWorkflow(definition, 'bpmn').finally(() => clearInterval(ticker));
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('n149');
    // On the calling thread the ticker could not have run until the export was done.
    expect(turns).toBeGreaterThanOrEqual(20);
    expect(await work.exportWorkflow(definition, 'json')).toBe(await exportWorkflowText(definition, 'json'));
  });

  it('answers an invalid definition with the same coded error as inline work', async () => {
    work = startHeavyWork(builtEntry());
    const refused = await work.exportWorkflow({ name: 'bad', nodes: [{ nodeId: 'a', nodeType: 'agent' }] }, 'json').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/cannot be exported: \d+ problem/), reason: { key: 'workflow.notExportable' } });
  });

  it('renders a large run report from its own connection while the calling thread keeps turning, byte for byte as inline', async () => {
    const made = await storeWithTask(1000);
    store = made.store;
    work = startHeavyWork(builtEntry());
    const now = 1_900_000_000_000;
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 10);
    const html = await work.renderReport(store, { taskId: made.taskId, format: 'html', language: 'en' }, now).finally(() => clearInterval(ticker));
    // Inline, the whole report is gathered and rendered before the ticker could run once.
    expect(turns).toBeGreaterThanOrEqual(3);
    expect(html.text).toContain('Showing 500 of 1001 nodes');
    for (const format of ['html', 'csv'] satisfies ReportFormat[]) {
      const request = { taskId: made.taskId, format, language: 'zh-CN', timeZone: 'Asia/Shanghai' } as const;
      const threaded = await work.renderReport(store, request, now);
      const inline = renderRunReport(store, request, now);
      expect(threaded.fileName).toBe(inline.fileName);
      expect(Buffer.from(threaded.text)).toEqual(Buffer.from(inline.text));
    }
  });

  it('answers a report of an unknown task with the same coded error as inline work', async () => {
    const opened = (await storeWithTask(1)).store;
    store = opened;
    const threaded = startHeavyWork(builtEntry());
    work = threaded;
    const request = { taskId: '123456789', format: 'html', language: 'en' } as const;
    const inline = await exportRunReport(opened, request, undefined).catch((error: unknown) => error);
    const refused = await exportRunReport(opened, request, undefined, undefined, (from, valid, now) => threaded.renderReport(from, valid, now)).catch(
      (error: unknown) => error,
    );
    expect(inline).toBeInstanceOf(ApiError);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
    expect((refused as ApiError).toBody()).toEqual((inline as ApiError).toBody());
  });

  it('fails the waiting call when the thread dies, and starts a new one for the next', async () => {
    const entry = join(tempDir(), 'dying.mjs');
    writeFileSync(entry, "import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => process.exit(3));");
    work = startHeavyWork(entry);
    await expect(work.exportWorkflow({}, 'json')).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/stopped \(exit code 3\)/) });
    await expect(work.exportWorkflow({}, 'json')).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('finds no built entry where none was built', () => {
    expect(builtHeavyWorkEntry(tempDir())).toBeUndefined();
  });
});
