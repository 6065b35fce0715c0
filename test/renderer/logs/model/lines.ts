import type { LogLine, LogPage } from '../../../../src/shared/api/logs';

/** Lines with ids 1000+n (ascending by id and time) for window and export tests. */
export function makeLine(n: number, overrides: Partial<LogLine> = {}): LogLine {
  return {
    id: String(1000 + n),
    taskId: '42',
    nodeId: `n${n % 3}`,
    batch: 1,
    engineId: null,
    level: 'info',
    type: 'stdout',
    category: 'execution',
    source: null,
    message: `line ${n}`,
    time: 1_700_000_000_000 + n,
    extra: null,
    ...overrides,
  };
}

export const range = (from: number, to: number): LogLine[] => Array.from({ length: to - from }, (_, index) => makeLine(from + index));

/** What the API answers: `lines` already in the query's direction. */
export const page = (lines: LogLine[], more: boolean): LogPage => ({ lines, nextCursor: more ? lines[lines.length - 1]!.id : null });

export const ids = (lines: readonly LogLine[]): number[] => lines.map((line) => Number(line.id) - 1000);
