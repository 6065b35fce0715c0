import { io, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoleSessionId } from '../../../../src/main/core/engine/console-session';
import { loadCursor } from '../../../../src/main/core/engine/cursor-store';
import type { Store } from '../../../../src/main/core/store/store';
import { ENGINE_PROTOCOL_VERSION, ENGINE_SOCKET, type EngineEvent, type EngineWelcome, type NodeLogEvent } from '../../../../src/shared/engine/protocol';
import { EventLog, startSim, TOKEN, until, useEngines } from '../../../helpers/engine';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const engines = useEngines();
const tempDir = useTempDirs();
let store: Store | undefined;
let raw: Socket | undefined;
beforeEach(() => {
  store = undefined;
});
afterEach(() => {
  raw?.close();
  raw = undefined;
  store?.close();
});

const logLines = (events: readonly EngineEvent[], nodeId?: string) =>
  events.filter((event): event is NodeLogEvent => event.type === 'node.log' && (nodeId === undefined || event.nodeId === nodeId));

describe('EngineClient delivery', () => {
  it('delivers no event twice and loses none across 50 connection flaps during a run', async () => {
    const engine = await engines.engine({ catalogDir: null, heartbeatMs: 100 });
    const proxy = await engines.proxy(engine.port);
    const client = engines.client(proxy.url, { commandTimeoutMs: 20_000 });
    const log = new EventLog(client);
    await client.connect();
    const linesPerNode = 100;
    const nodes: string[] = [];
    let reconnects = 0;
    let previous = client.status;
    client.onState((state) => {
      if (state.status === 'reconnecting' && previous !== 'reconnecting') reconnects++;
      previous = state.status;
    });
    for (let flap = 0; flap < 50; flap++) {
      const nodeId = `n${flap}`;
      nodes.push(nodeId);
      await client.startNode(startSim(nodeId, { durationMs: 400, steps: 2, logLinesPerSecond: linesPerNode * 2.5 }));
      const seen = log.events.length;
      await log.waitFor(() => log.events.length > seen, 20_000, `events after flap ${flap}`);
      proxy.cut();
      await until((wake) => client.onState(wake), () => client.status === 'connected', 20_000, `reconnection after flap ${flap}`);
    }
    for (const nodeId of nodes) await log.ended(nodeId);
    expect(reconnects).toBe(50);
    // The Engine did replay after cuts (unacknowledged events), and the client skipped those.
    expect(client.stats().duplicates).toBeGreaterThan(0);

    const seqs = log.events.filter((event) => event.type !== 'engine.heartbeat').map((event) => (event as { seq?: number }).seq!);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    for (const nodeId of nodes) {
      const lines = logLines(log.events, nodeId).map((event) => event.message);
      expect(lines).toEqual(Array.from({ length: linesPerNode }, (_, index) => `Simulation: log line ${index + 1} of ${linesPerNode}`));
      expect(log.statuses(nodeId).map((event) => event.status)).toEqual(['running', 'completed']);
    }
    expect(logLines(log.events)).toHaveLength(50 * linesPerNode);
  });

  it('keeps at most a window of events in flight and still delivers them all, in order', async () => {
    const engine = await engines.engine({ catalogDir: null, window: 5 });
    const client = engines.client(engine.url);
    const log = new EventLog(client);
    await client.connect();
    await client.startNode(startSim('w', { durationMs: 100, logLinesPerSecond: 500 }));
    await log.ended('w');
    expect(logLines(log.events, 'w').map((event) => event.message)).toEqual(Array.from({ length: 50 }, (_, index) => `Simulation: log line ${index + 1} of 50`));
    expect(Math.max(...log.batches.map((batch) => batch.length))).toBeLessThanOrEqual(5);
  });

  it('after a console restart, skips the events its store already ingested (cursor) and gets the rest', async () => {
    store = await openTestStore(tempDir());
    const session = consoleSessionId(store);
    expect(consoleSessionId(store)).toBe(session);
    const engine = await engines.engine({ catalogDir: null, id: 'restart-engine' });

    // A console that receives events but dies before acknowledging any of them.
    raw = io(engine.url, { auth: { protocol: ENGINE_PROTOCOL_VERSION, token: TOKEN, consoleSession: session }, transports: ['websocket'], reconnection: false });
    let welcome: EngineWelcome | undefined;
    const received: Array<{ seq: number; event: { type: string; nodeId?: string; status?: string } }> = [];
    raw.on(ENGINE_SOCKET.welcome, (value: EngineWelcome) => (welcome = value));
    raw.on(ENGINE_SOCKET.events, (envelope: { events: typeof received }) => received.push(...envelope.events));
    await until((wake) => (raw!.on(ENGINE_SOCKET.welcome, wake), () => raw!.off(ENGINE_SOCKET.welcome, wake)), () => welcome, 10_000, 'welcome');
    const answer = (await raw.timeout(5000).emitWithAck(ENGINE_SOCKET.command, { name: 'startNode', payload: startSim('r1', { durationMs: 100, logLinesPerSecond: 400 }) })) as { ok: boolean };
    expect(answer.ok).toBe(true);
    await until(
      (wake) => (raw!.on(ENGINE_SOCKET.events, wake), () => raw!.off(ENGINE_SOCKET.events, wake)),
      () => received.some((entry) => entry.event.nodeId === 'r1' && entry.event.status === 'completed'),
      10_000,
      'r1 completed on the raw console',
    );
    const nodeEvents = received.filter((entry) => entry.event.type !== 'engine.heartbeat');
    const ingestedUpTo = nodeEvents[Math.floor(nodeEvents.length / 2)]!.seq;
    store.run(store.kysely.insertInto('engine_cursor').values({ engine_id: 'restart-engine', session_id: welcome!.stream, last_seq: ingestedUpTo, updated_at: 1 }));
    raw.close();

    const client = engines.client(engine.url, { consoleSession: session, store });
    const log = new EventLog(client);
    await client.connect();
    await log.ended('r1');
    const delivered = log.events.filter((event) => event.type !== 'engine.heartbeat').map((event) => (event as { seq?: number }).seq);
    expect(delivered).toEqual(nodeEvents.filter((entry) => entry.seq > ingestedUpTo).map((entry) => entry.seq));
    await until((wake) => log.onBatch(wake), () => loadCursor(store!, 'restart-engine', welcome!.stream) >= Math.max(...delivered.map(Number)), 10_000, 'cursor saved');
  });
});
