import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../../src/shared/logger';
import { TERMINAL_TASK_STATUSES } from '../../../../src/shared/status';
import { systemHtmlToPdf } from '../../../../src/main/core/report/chromium-pdf';
import { exportRunReport, reportFileName } from '../../../../src/main/core/report/export-report';
import { startConsoleRuntime, type ConsoleRuntime } from '../../../../src/main/core/runtime';
import { dispatch } from '../../../../src/main/core/service/dispatch';
import { MIGRATIONS_DIR } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

let runtime: ConsoleRuntime;
let taskId: string;

beforeAll(async () => {
  runtime = await startConsoleRuntime({
    dbFile: join(tempDir(), 'report.sqlite'),
    migrationsDir: MIGRATIONS_DIR,
    appName: 'Deduction Console',
    version: 'test',
    logger: quiet,
    htmlToPdf: systemHtmlToPdf(),
  });
  const workflow = {
    name: '演习 / drill: "alpha"',
    nodes: [
      { nodeId: 'root', nodeType: 'container', isRoot: true },
      { nodeId: '侦察', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 50, cpuPercent: 5, memoryMb: 5 } },
      { nodeId: '=cmd()', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 10, outcome: 'failed' } },
    ],
  };
  taskId = (await runtime.api.createTask(workflow)).task_id;
  await runtime.api.startTask(taskId);
  const deadline = Date.now() + 20_000;
  while (!(TERMINAL_TASK_STATUSES as readonly string[]).includes((await runtime.api.getTask(taskId)).status)) {
    if (Date.now() > deadline) throw new Error('the task did not end');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}, 60_000);
afterAll(() => runtime.close());

describe('exportRunReport', () => {
  it('exports the HTML report in the language and zone asked for', async () => {
    const file = await runtime.api.exportRunReport({ taskId, format: 'html', language: 'zh-CN', timeZone: 'Asia/Shanghai' });
    expect(file).toMatchObject({ fileName: `run-report-演习-drill-alpha-${taskId}.html`, mimeType: 'text/html;charset=utf-8', encoding: 'utf8' });
    expect(file.content).toMatch(/<html lang="zh-CN">[\s\S]*运行报告：演习 \/ drill: &quot;alpha&quot;[\s\S]*时区 Asia\/Shanghai/);
    expect(file.content).toContain('simulated failure');
  });

  it('exports the node table as CSV with its guard against formulas', async () => {
    const file = await runtime.api.exportRunReport({ taskId, format: 'csv', language: 'en' });
    expect(file).toMatchObject({ fileName: `nodes-演习-drill-alpha-${taskId}.csv`, encoding: 'utf8' });
    const lines = file.content.split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFFNode,Name,Type,/);
    expect(lines.slice(1, 4).map((line) => line.split(',')[0])).toEqual(['root', '侦察', "'=cmd()"]);
  });

  it('prints the report to PDF with the system Chromium, as base64', async () => {
    const file = await runtime.api.exportRunReport({ taskId, format: 'pdf', language: 'en' });
    expect(file).toMatchObject({ fileName: `run-report-演习-drill-alpha-${taskId}.pdf`, mimeType: 'application/pdf', encoding: 'base64' });
    const pdf = Buffer.from(file.content, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.byteLength).toBeGreaterThan(10_000);
  }, 60_000);

  it('hands the printer the same document the HTML export gives', async () => {
    const printed: string[] = [];
    const file = await exportRunReport(
      runtime.store,
      { taskId, format: 'pdf', language: 'en' },
      async (html) => {
        printed.push(html);
        return new Uint8Array([37, 80, 68, 70, 0, 255]);
      },
      1_900_000_000_000,
    );
    expect(Buffer.from(file.content, 'base64')).toEqual(Buffer.from([37, 80, 68, 70, 0, 255]));
    const html = await exportRunReport(runtime.store, { taskId, format: 'html', language: 'en' }, undefined, 1_900_000_000_000);
    expect(printed).toEqual([html.content]);
  });

  it('refuses PDF with a clear message when nothing can print', async () => {
    await expect(exportRunReport(runtime.store, { taskId, format: 'pdf', language: 'en' }, undefined)).rejects.toMatchObject({
      name: 'ApiError',
      code: 'UNAVAILABLE',
      message: expect.stringContaining('CHROMIUM_PATH'),
    });
  });

  it('answers bad requests with codes through the dispatcher', async () => {
    const call = (request: unknown) => dispatch(runtime.api, 'exportRunReport', [request], 'viewer');
    expect(await call({ taskId: '999', format: 'html', language: 'en' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call({ taskId, format: 'docx', language: 'en' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await call({ taskId, format: 'html', language: 'auto' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await call({ taskId, format: 'html', language: 'en', timeZone: 'Mars/Olympus' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('IANA time zone') },
    });
    expect(await call({ taskId, format: 'csv', language: 'en' })).toMatchObject({ ok: true });
  });
});

describe('reportFileName', () => {
  it('keeps letters of any script and replaces what a file system might refuse', () => {
    expect(reportFileName('红方 vs 蓝方', '12', 'html')).toBe('run-report-红方-vs-蓝方-12.html');
    expect(reportFileName('../../etc/passwd', '12', 'pdf')).toBe('run-report-etc-passwd-12.pdf');
    expect(reportFileName('a<b>:c|d?*', '12', 'csv')).toBe('nodes-a-b-c-d-12.csv');
    expect(reportFileName('///', '12', 'html')).toBe('run-report-task-12.html');
    expect(reportFileName('x'.repeat(500), '12', 'html')).toBe(`run-report-${'x'.repeat(60)}-12.html`);
  });
});
