import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCursor } from '../../../../src/main/core/engine/cursor-store';
import { attachEventIngest } from '../../../../src/main/core/engine/ingest-events';
import type { Store } from '../../../../src/main/core/store/store';
import type { EngineEvent, NodeLogEvent } from '../../../../src/shared/engine/protocol';
import { EventLog, recordingLogger, startSim, useEngines } from '../../../helpers/engine';
import { insertTaskWithAgents } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';

const engines = useEngines();
let store: Store;
let taskId: string;
beforeEach(async () => {
  store = await openTestStore();
  taskId = insertTaskWithAgents(store, ['a', 'b']);
});
afterEach(() => store.close());

const LINES = 40;
const expectedLines = Array.from({ length: LINES }, (_, index) => `Simulation: log line ${index + 1} of ${LINES}`);
const logMessages = (events: readonly EngineEvent[], nodeId: string) =>
  events.filter((event): event is NodeLogEvent => event.type === 'node.log' && event.nodeId === nodeId).map((event) => event.message);
const storedMessages = (nodeId: string) =>
  store.db.prepare(`SELECT message FROM node_execution_log WHERE task_id = ? AND node_id = ? ORDER BY seq`).pluck().all(BigInt(taskId), nodeId);

describe('EngineClient when a listener throws', () => {
  it('does not acknowledge the batch, rolls back what the other listeners stored, and gets it replayed: no event lost, none twice', async () => {
    const engine = await engines.engine({ catalogDir: null, id: 'flaky-engine' });
    const logger = recordingLogger();
    const client = engines.client(engine.url, { store, logger, deliveryAttempts: 5 });
    // The log ingest runs before the failing listener: its rows of a failed batch must be rolled back.
    attachEventIngest(client, store, logger);
    let failures = 0;
    const handled: EngineEvent[] = [];
    client.onEvents((events) => {
      if (failures < 3 && events.some((event) => event.type === 'node.log')) {
        failures++;
        throw new Error(`listener failure ${failures}`);
      }
      handled.push(...events);
    });
    const log = new EventLog(client);
    await client.connect();
    await client.startNode({ ...startSim('a', { durationMs: 200, logLinesPerSecond: LINES * 5 }), taskId });
    await log.ended('a');

    expect(failures).toBe(3);
    // The listener that threw gets every event it failed on again, once it handles them.
    expect(logMessages(handled, 'a')).toEqual(expectedLines);
    expect(logMessages(log.events, 'a')).toEqual(expectedLines);
    expect(storedMessages('a')).toEqual(expectedLines);
    const seqs = log.events.filter((event) => event.type !== 'engine.heartbeat').map((event) => event.seq!);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(client.stats()).toMatchObject({ skipped: 0, duplicates: expect.any(Number) });
    const errors = logger.messages('error');
    expect(errors.filter((message) => message.includes('not acknowledged, reconnecting to have it replayed'))).toHaveLength(3);
    expect(errors.some((message) => message.includes('listener failure 1'))).toBe(true);
    const cursor = store.first(store.kysely.selectFrom('engine_cursor').select(['session_id', 'last_seq']).where('engine_id', '=', 'flaky-engine'));
    expect(loadCursor(store, 'flaky-engine', cursor!.session_id)).toBeGreaterThanOrEqual(Math.max(...seqs));
  });

  it('cannot wedge the link by failing forever: after the bounded replays each listener gets the events one by one, and only the failing one skips them, with an error each', async () => {
    const engine = await engines.engine({ catalogDir: null, id: 'poison-engine' });
    const logger = recordingLogger();
    const client = engines.client(engine.url, { store, logger, deliveryAttempts: 2 });
    client.onEvents((events) => {
      if (events.some((event) => event.type === 'node.log' && event.nodeId === 'a' && event.message.endsWith(`line 7 of ${LINES}`))) throw new Error('cannot handle line 7');
    });
    attachEventIngest(client, store, logger);
    const log = new EventLog(client);
    await client.connect();
    await client.startNode({ ...startSim('a', { durationMs: 200, logLinesPerSecond: LINES * 5 }), taskId });
    await log.ended('a');
    // The stream still flows after the poison event: a later node runs and reports.
    await client.startNode({ ...startSim('b', { durationMs: 100, logLinesPerSecond: LINES * 10 }), taskId });
    await log.ended('b');

    expect(storedMessages('a')).toEqual(expectedLines);
    expect(logMessages(log.events, 'a')).toEqual(expectedLines);
    expect(storedMessages('b')).toEqual(expectedLines);
    expect(client.stats().skipped).toBe(1);
    const skipped = logger.messages('error').filter((message) => message.includes('skipped by a listener'));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatch(/event \d+ node\.log of task \d+, node a \(batch 1\) skipped by a listener that failed on it 3 times, last with: cannot handle line 7/);
    expect(client.status).toBe('connected');
  });
});
