import { describe, expect, it } from 'vitest';
import type { LogPage, LogQuery } from '../../../../src/shared/api/logs';
import { collectExport, ExportCancelled, exportFileName, formatLogLine } from '../../../../src/renderer/src/logs/model/export-lines';
import { makeLine, range } from './lines';

/** A fake API over `total` lines that pages forward from the cursor like queryLogs. */
function api(total: number) {
  const queries: LogQuery[] = [];
  const all = range(0, total);
  const fetchPage = async (query: LogQuery): Promise<LogPage> => {
    queries.push(query);
    const start = query.cursor === undefined ? 0 : all.findIndex((line) => line.id === query.cursor) + 1;
    const lines = all.slice(start, start + (query.limit ?? 200));
    return { lines, nextCursor: start + lines.length < all.length ? lines[lines.length - 1]!.id : null };
  };
  return { fetchPage, queries };
}

describe('exporting the filtered lines', () => {
  it('formats a .log line with UTC time, level, node, type, source, and the message on one line', () => {
    expect(formatLogLine(makeLine(1, { level: 'warn', nodeId: 'red.scout', type: 'stderr', source: 'radar', message: 'two\nlines', time: Date.UTC(2026, 0, 2, 3, 4, 5, 6) }))).toBe(
      '2026-01-02T03:04:05.006Z WARN  [red.scout] stderr radar: two\\nlines',
    );
    expect(formatLogLine(makeLine(1, { time: 0 }))).toBe('1970-01-01T00:00:00.000Z INFO  [n1] stdout: line 1');
    expect(formatLogLine(makeLine(1, { time: 0, level: 'critical', extra: { peer: 'blue' } }))).toBe('1970-01-01T00:00:00.000Z CRITICAL [n1] stdout: line 1 {"peer":"blue"}');
  });

  it('pages through every matching line with the largest pages, keeping the filters', async () => {
    const { fetchPage, queries } = api(12_001);
    const progress: number[] = [];
    const chunks = await collectExport(fetchPage, { taskId: '42', levels: ['info'] }, 'log', { onProgress: (p) => progress.push(p.lines) });
    const text = chunks.join('');
    expect(text.split('\n').filter(Boolean)).toHaveLength(12_001);
    expect(text.endsWith('line 12000\n')).toBe(true);
    expect(queries.map((query) => query.limit)).toEqual([5000, 5000, 5000]);
    expect(queries.every((query) => query.direction === 'forward' && query.levels?.[0] === 'info')).toBe(true);
    expect(progress).toEqual([5000, 10_000, 12_001]);
  });

  it('writes NDJSON that reads back as the lines', async () => {
    const { fetchPage } = api(3);
    const text = (await collectExport(fetchPage, { taskId: '42' }, 'ndjson')).join('');
    expect(text.trim().split('\n').map((row) => JSON.parse(row) as unknown)).toEqual(range(0, 3));
  });

  it('exports an empty file when nothing matches', async () => {
    expect((await collectExport(api(0).fetchPage, { taskId: '42' }, 'log')).join('')).toBe('');
  });

  it('stops when cancelled', async () => {
    const { fetchPage, queries } = api(20_000);
    const controller = new AbortController();
    const run = collectExport(fetchPage, { taskId: '42' }, 'log', { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toBeInstanceOf(ExportCancelled);
    expect(queries).toHaveLength(1);
  });

  it('names the file after the task, the node and the moment, without unsafe characters', () => {
    const now = new Date(Date.UTC(2026, 10, 22, 22, 30, 5));
    expect(exportFileName('Red vs Blue', null, 'log', now)).toBe('Red-vs-Blue_2026-11-22-22-30-05.log');
    expect(exportFileName('演习/红蓝', 'red.scout', 'ndjson', now)).toBe('演习-红蓝_red.scout_2026-11-22-22-30-05.ndjson');
    expect(exportFileName('***', null, 'log', now)).toBe('task_2026-11-22-22-30-05.log');
  });
});
