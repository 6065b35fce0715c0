import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { TERMINAL_TASK_STATUSES } from '../../src/shared/status';
import { startTestRuntime } from '../helpers/console-runtime';
import { recordingIo } from '../helpers/cli-io';
import { useTempDirs } from '../helpers/temp';

const tempDir = useTempDirs();
let db: string;
let taskId: string;

// The database outlives each test's temporary folders.
const dbDir = mkdtempSync(join(tmpdir(), 'deduction-report-cli-'));
afterAll(() => rmSync(dbDir, { recursive: true, force: true }));

beforeAll(async () => {
  const dir = dbDir;
  const runtime = await startTestRuntime(dir);
  db = join(dir, 'console.sqlite');
  const workflow = {
    name: '报告 CLI',
    nodes: [
      { nodeId: 'root', nodeType: 'container', isRoot: true },
      { nodeId: '侦察', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 20 } },
      { nodeId: 'strike', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 20, outcome: 'failed' } },
    ],
  };
  taskId = (await runtime.api.createTask(workflow)).task_id;
  await runtime.api.startTask(taskId);
  while (!(TERMINAL_TASK_STATUSES as readonly string[]).includes((await runtime.api.getTask(taskId)).status)) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const ended = await runtime.api.getTask(taskId);
  await runtime.api.addBookmark(taskId, { kind: 'annotation', taskTimeMs: ended.endTime! - ended.startTime!, text: 'the strike failed here' });
  await runtime.close();
}, 60_000);

describe('deduction report', () => {
  it('writes the HTML report in the language and time zone asked for', async () => {
    const out = join(tempDir(), 'report.html');
    const io = recordingIo();
    expect(await main(['report', taskId, '--out', out, '--language', 'zh-CN', '--time-zone', 'Asia/Shanghai', '--db', db], io)).toBe(0);
    expect(io.stdout()).toMatch(new RegExp(`wrote the HTML report of task ${taskId} to .*report\\.html \\(\\d+ bytes\\)`));
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<html lang="zh-CN">[\s\S]*运行报告：报告 CLI[\s\S]*时区 Asia\/Shanghai/);
    expect(html).toContain('strike');
  });

  it('takes the format from the file extension: the node CSV, and a PDF printed by Chromium', async () => {
    const dir = tempDir();
    expect(await main(['report', taskId, '--out', join(dir, 'nodes.csv'), '--db', db], recordingIo())).toBe(0);
    const csv = readFileSync(join(dir, 'nodes.csv'), 'utf8');
    expect(csv).toMatch(/^\uFEFFNode,Name,/);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(await main(['report', taskId, '--out', join(dir, 'report.pdf'), '--db', db], recordingIo())).toBe(0);
    expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('writes the after-action review with --after-action, each bookmark with its moment, and refuses it as CSV', async () => {
    const out = join(tempDir(), 'review.html');
    const io = recordingIo();
    expect(await main(['report', taskId, '--after-action', '--out', out, '--db', db], io)).toBe(0);
    expect(io.stdout()).toMatch(new RegExp(`wrote the HTML after-action review of task ${taskId}`));
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('After-action review: 报告 CLI');
    expect(html).toContain('<blockquote class="aar-text">the strike failed here</blockquote>');
    expect(html).toContain('data-node="strike" data-status="failed"');
    const csv = recordingIo();
    expect(await main(['report', taskId, '--after-action', '--out', join(tempDir(), 'review.csv'), '--db', db], csv)).toBe(2);
    expect(csv.stderr()).toMatch(/format an after-action report is HTML or PDF, not CSV/);
  });

  it('refuses bad input with exit 2 and a task that does not exist with exit 1', async () => {
    const out = join(tempDir(), 'x.html');
    const zone = recordingIo();
    expect(await main(['report', taskId, '--out', out, '--time-zone', 'Mars/Olympus', '--db', db], zone)).toBe(2);
    expect(zone.stderr()).toMatch(/timeZone must be an IANA time zone/);
    const format = recordingIo();
    expect(await main(['report', taskId, '--out', out, '--format', 'docx', '--db', db], format)).toBe(2);
    expect(format.stderr()).toMatch(/docx/);
    expect(await main(['report', 'abc', '--out', out, '--db', db], recordingIo())).toBe(2);
    const missing = recordingIo();
    expect(await main(['report', '12345', '--out', out, '--db', db], missing)).toBe(1);
    expect(missing.stderr()).toMatch(/There is no task 12345/);
  });

  it('adds a comparison with another run when asked, and refuses one for the CSV or with a task that does not exist', async () => {
    const dir = tempDir();
    expect(await main(['report', taskId, '--out', join(dir, 'compared.html'), '--compare-with', taskId, '--db', db], recordingIo())).toBe(0);
    expect(readFileSync(join(dir, 'compared.html'), 'utf8')).toMatch(new RegExp(`Compared with 报告 CLI \\(task ${taskId}\\)[\\s\\S]*No node differs`));
    const csv = recordingIo();
    expect(await main(['report', taskId, '--out', join(dir, 'nodes.csv'), '--compare-with', taskId, '--db', db], csv)).toBe(2);
    expect(csv.stderr()).toMatch(/compareWith needs the html or pdf format/);
    const missing = recordingIo();
    expect(await main(['report', taskId, '--out', join(dir, 'x.html'), '--compare-with', '12345', '--db', db], missing)).toBe(1);
    expect(missing.stderr()).toMatch(/There is no task 12345/);
  });
});
