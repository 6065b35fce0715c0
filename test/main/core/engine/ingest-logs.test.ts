import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachEventIngest } from '../../../../src/main/core/engine/ingest-events';
import { createLogIngest } from '../../../../src/main/core/engine/ingest-logs';
import { queryLogs } from '../../../../src/main/core/logs/query-logs';
import type { Store } from '../../../../src/main/core/store/store';
import { engineEventSchema, type EngineEvent, type NodeLogEvent } from '../../../../src/shared/engine/protocol';
import { EventLog, recordingLogger, startSim, until, useEngines } from '../../../helpers/engine';
import { insertTaskWithAgents } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';

const engines = useEngines();
let store: Store;
let taskId: string;
beforeEach(async () => {
  store = await openTestStore();
  taskId = insertTaskWithAgents(store, ['a']);
  store.db.prepare(`INSERT INTO node_execution (id, task_id, node_id, batch, created_at, updated_at) VALUES (?, ?, 'a', 1, 1, 1)`).run(BigInt(store.ids.next()), BigInt(taskId));
});
afterEach(() => store.close());

/** Lines `from`..`to` of one run of node a, batch 1, as an Engine numbers them, with sequence numbers from `seq`. */
function run(from: number, to: number, seq: number, numbered = true): EngineEvent[] {
  return Array.from({ length: to - from + 1 }, (_, index) => ({
    type: 'node.log' as const,
    taskId,
    nodeId: 'a',
    batch: 1,
    level: 'info' as const,
    stream: 'stdout' as const,
    message: `step ${from + index}`,
    time: 1000 + index,
    engineId: 'e1',
    seq: seq + index,
    ...(numbered ? { line: from + index } : {}),
  }));
}

function stored(): Array<{ message: string; line: bigint | null }> {
  return store.db.prepare('SELECT message, line FROM node_execution_log WHERE task_id = ? ORDER BY id').all(BigInt(taskId)) as Array<{ message: string; line: bigint | null }>;
}

describe('log lines: stored once, and only into tasks that run here', () => {
  it('are stored once: lines already held are skipped, the rest of the new run is kept', () => {
    const logger = recordingLogger();
    const ingest = createLogIngest(store, logger);
    expect(ingest(run(1, 5, 1))).toBe(5);
    // The Engine restarted and ran the batch again from its start, under new sequence numbers.
    expect(ingest(run(1, 3, 1))).toBe(0);
    expect(ingest([...run(4, 6, 4), ...run(1, 8, 7).slice(5)])).toBe(3);
    expect(stored()).toEqual(Array.from({ length: 8 }, (_, index) => ({ message: `step ${index + 1}`, line: BigInt(index + 1) })));
    expect(logger.messages('info')).toContain('log ingest: 3 lines of a batch that ran again were already stored; they were not stored twice');
    expect(logger.messages('warn')).toEqual([]);
  });

  it('keeps lines an Engine does not number, as they come', () => {
    const ingest = createLogIngest(store, recordingLogger());
    ingest(run(1, 2, 1, false));
    ingest(run(1, 2, 3, false));
    expect(stored().map((row) => row.message)).toEqual(['step 1', 'step 2', 'step 1', 'step 2']);
  });

  it('never go into a task imported from a run bundle', () => {
    store.db.prepare('UPDATE deduction_task SET imported_at = 1 WHERE id = ?').run(BigInt(taskId));
    const logger = recordingLogger();
    expect(createLogIngest(store, logger)(run(1, 3, 1))).toBe(0);
    expect(stored()).toEqual([]);
    expect(logger.messages('warn')).toEqual(["log ingest: 3 of 3 lines dropped: their task or node is not in this console's store"]);
  });

  it('are stored once when a restarted Engine runs the batch again from its start', async () => {
    const first = await engines.engine({ id: 'engine-before' });
    const before = engines.client(first.url, { store });
    attachEventIngest(before, store, recordingLogger());
    await before.connect();
    const sim = { ...startSim('a', { durationMs: 2000, logLinesPerSecond: 20 }), taskId };
    await before.startNode(sim);
    const count = (): number => Number(store.db.prepare('SELECT count(*) FROM node_execution_log').pluck().get());
    await until((wake) => before.onEvents(wake), () => count() >= 5, 20_000, 'five lines stored');
    await before.close();
    await first.close();
    const storedBefore = count();
    expect(storedBefore).toBeLessThan(40);

    const second = await engines.engine({ id: 'engine-after' });
    const after = engines.client(second.url, { store });
    attachEventIngest(after, store, recordingLogger());
    const log = new EventLog(after);
    await after.connect();
    await after.startNode(sim);
    await log.ended('a', 1, 20_000);
    const rows = stored();
    expect(rows.map((row) => row.message)).toEqual(Array.from({ length: 40 }, (_, index) => `Simulation: log line ${index + 1} of 40`));
    expect(log.events.filter((event) => event.type === 'node.log')).toHaveLength(40);
  }, 30_000);

  it('keep the level, category and extra data of a line, which the log query returns and filters by', () => {
    const ingest = createLogIngest(store, recordingLogger());
    const [plain, system] = run(1, 2, 1) as NodeLogEvent[];
    const lines: EngineEvent[] = [
      { ...plain!, level: 'critical', category: 'network', extra: { peer: 'blue', lost: [1, 2] } },
      { ...system!, stream: 'system', level: 'warn' },
      ...run(3, 3, 3),
    ];
    expect(ingest(lines)).toBe(3);
    const page = queryLogs(store, { taskId });
    expect(page.lines.map((line) => [line.message, line.level, line.type, line.category, line.extra])).toEqual([
      ['step 1', 'critical', 'stdout', 'network', { peer: 'blue', lost: [1, 2] }],
      ['step 2', 'warn', 'system', 'system', null],
      ['step 3', 'info', 'stdout', 'execution', null],
    ]);
    expect(queryLogs(store, { taskId, levels: ['critical'] }).lines.map((line) => line.message)).toEqual(['step 1']);
    expect(queryLogs(store, { taskId, categories: ['system', 'network'] }).lines.map((line) => line.message)).toEqual(['step 1', 'step 2']);
  });

  it('are refused at the protocol with a clear message when their extra data is not a JSON object or too large', () => {
    const [line] = run(1, 1, 1);
    const refusal = (extra: unknown) => {
      const parsed = engineEventSchema.safeParse({ ...line, extra });
      return parsed.success ? 'accepted' : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    };
    expect(refusal({ ok: true })).toBe('accepted');
    expect(refusal('{"ok": true}')).toBe('extra: must be a JSON object');
    expect(refusal({ blob: 'x'.repeat(20_000) })).toBe('extra: must be at most 16384 characters as JSON');
  });
});
