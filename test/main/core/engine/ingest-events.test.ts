import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachEventIngest, createEventIngest } from '../../../../src/main/core/engine/ingest-events';
import { loadCursor } from '../../../../src/main/core/engine/cursor-store';
import { queryLogs } from '../../../../src/main/core/logs/query-logs';
import type { Store } from '../../../../src/main/core/store/store';
import type { EngineEvent } from '../../../../src/shared/engine/protocol';
import { EventLog, recordingLogger, startSim, useEngines } from '../../../helpers/engine';
import { insertTaskWithAgents } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';

const engines = useEngines();
let store: Store;
let taskId: string;
let executionId: string;
beforeEach(async () => {
  store = await openTestStore();
  taskId = insertTaskWithAgents(store, ['a', 'b']);
  executionId = store.ids.next();
  store.db.prepare(`INSERT INTO node_execution (id, task_id, node_id, batch, created_at, updated_at) VALUES (?, ?, 'a', 1, 1, 1)`).run(BigInt(executionId), BigInt(taskId));
});
afterEach(() => store.close());

const logEvent = (nodeId: string, message: string, seq: number): EngineEvent => ({
  type: 'node.log',
  taskId,
  nodeId,
  batch: 1,
  level: 'warn',
  stream: 'stderr',
  message,
  time: 1000 + seq,
  engineId: 'e9',
  seq,
});

describe('ingestion of log lines and resource samples', () => {
  it('writes lines (searchable) and samples through a live Engine, with the cursor in the same transaction', async () => {
    const engine = await engines.engine({ catalogDir: null, id: 'ingest-engine', sampleIntervalMs: 100 });
    const client = engines.client(engine.url, { store });
    attachEventIngest(client, store, recordingLogger());
    const log = new EventLog(client);
    await client.connect();
    await client.startNode({ ...startSim('a', { durationMs: 300, logLinesPerSecond: 100, cpuPercent: 40, memoryMb: 64 }), taskId });
    await client.startNode({ ...startSim('b', { durationMs: 0 }), taskId });
    await log.ended('a');
    await log.ended('b');

    const rows = store.db
      .prepare(`SELECT node_id, execution_id, batch, engine_id, seq, log_level, log_type, message FROM node_execution_log WHERE task_id = ? ORDER BY id`)
      .all(BigInt(taskId)) as Array<Record<string, unknown>>;
    expect(rows.map((row) => row['message'])).toEqual(Array.from({ length: 30 }, (_, index) => `Simulation: log line ${index + 1} of 30`));
    expect(BigInt(executionId)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    expect(rows.every((row) => row['execution_id'] === BigInt(executionId) && row['engine_id'] === 'ingest-engine' && row['log_type'] === 'stdout')).toBe(true);
    const seqs = rows.map((row) => Number(row['seq']));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));

    const page = queryLogs(store, { taskId, search: 'line 17 of' });
    expect(page.lines.map((line) => line.message)).toEqual(['Simulation: log line 17 of 30']);

    const samples = store.db.prepare(`SELECT node_id, engine_id, cpu_percent, memory_bytes FROM resource_sample WHERE task_id = ?`).all(BigInt(taskId)) as Array<Record<string, unknown>>;
    expect(samples.length).toBeGreaterThanOrEqual(3);
    expect(samples[0]).toEqual({ node_id: 'a', engine_id: 'ingest-engine', cpu_percent: 40, memory_bytes: 64n * 1024n * 1024n });

    const lastSeq = Math.max(...log.events.map((event) => (event.type === 'engine.heartbeat' ? 0 : (event.seq ?? 0))));
    const cursor = store.first(store.kysely.selectFrom('engine_cursor').select(['session_id', 'last_seq']).where('engine_id', '=', 'ingest-engine'));
    expect(cursor?.session_id.startsWith(`${engine.engineRun}.`)).toBe(true);
    expect(cursor!.last_seq).toBeGreaterThanOrEqual(lastSeq);
    expect(loadCursor(store, 'ingest-engine', cursor!.session_id)).toBe(cursor!.last_seq);
  });

  it('drops lines of nodes the store does not know with a warning, and keeps a node without an execution row', () => {
    const logger = recordingLogger();
    const ingest = createEventIngest(store, logger);
    ingest([logEvent('a', 'known', 1), logEvent('ghost', 'nobody', 2), logEvent('b', 'no execution yet', 3)]);
    const rows = store.db.prepare(`SELECT node_id, execution_id, log_level, log_type FROM node_execution_log ORDER BY id`).all() as Array<Record<string, unknown>>;
    expect(rows.map((row) => [row['node_id'], row['execution_id'] === null, row['log_level'], row['log_type']])).toEqual([
      ['a', false, 'warn', 'stderr'],
      ['b', true, 'warn', 'stderr'],
    ]);
    expect(logger.messages('warn')).toEqual(['log ingest: 1 of 3 lines dropped: their task or node is not in this console\'s store']);
  });

  it('keeps the rows and the cursor when another listener fails on every try, and logs each event that listener skipped', async () => {
    const engine = await engines.engine({ catalogDir: null, id: 'tx-engine' });
    const logger = recordingLogger();
    const client = engines.client(engine.url, { store, logger, deliveryAttempts: 2 });
    client.onEvents(() => {
      throw new Error('scheduler bug');
    });
    attachEventIngest(client, store, logger);
    const log = new EventLog(client);
    await client.connect();
    await client.startNode({ ...startSim('a', { durationMs: 100, logLinesPerSecond: 100 }), taskId });
    await log.ended('a');
    const count = store.db.prepare(`SELECT count(*) FROM node_execution_log`).pluck().get();
    expect(count).toBe(10n);
    const errors = logger.messages('error');
    expect(errors.some((message) => message.includes('not acknowledged') && message.includes('scheduler bug'))).toBe(true);
    expect(errors.some((message) => message.includes('skipped by a listener') && message.includes('scheduler bug'))).toBe(true);
    expect(client.stats().skipped).toBeGreaterThanOrEqual(10);
  });
});
