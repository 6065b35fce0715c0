import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINE_PROTOCOL_VERSION, ENGINE_SOCKET, type EngineWelcome } from '../../../../src/shared/engine/protocol';
import { EventLog, recordingLogger, until, useEngines } from '../../../helpers/engine';

const engines = useEngines();
let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? void server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A hand-driven Engine: it welcomes, then sends whatever the test tells it to, and records acks. */
async function fakeEngine() {
  const http = createServer();
  server = new Server(http);
  const acks: number[] = [];
  const ackWaiters = new Set<() => void>();
  let socket: Socket | undefined;
  server.on('connection', (connected) => {
    socket = connected;
    connected.on(ENGINE_SOCKET.ack, (ack: { seq: number }) => {
      acks.push(ack.seq);
      for (const wake of [...ackWaiters]) wake();
    });
    const welcome: EngineWelcome = { protocol: ENGINE_PROTOCOL_VERSION, engineId: 'fake', engineRun: 'fake-run-1', stream: 'fake-stream', ackedSeq: 0, capacity: 4, running: 0, agents: [], time: Date.now() };
    connected.emit(ENGINE_SOCKET.welcome, welcome);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    acks,
    onAck: (wake: () => void) => {
      ackWaiters.add(wake);
      return () => ackWaiters.delete(wake);
    },
    send: (name: string, payload: unknown) => socket!.emit(name, payload),
  };
}

const line = (message: string) => ({ type: 'node.log', taskId: '7', nodeId: 'n', batch: 1, level: 'info', stream: 'stdout', message, time: 1 });

describe('EngineClient intake of bad input', () => {
  it('logs and skips malformed, oversized and unknown events, acknowledges them, and keeps delivering', async () => {
    const engine = await fakeEngine();
    const logger = recordingLogger();
    const client = engines.client(engine.url, { logger });
    const log = new EventLog(client);
    await client.connect();

    engine.send(ENGINE_SOCKET.events, 'not an envelope');
    engine.send(ENGINE_SOCKET.events, { stream: 'fake-stream', events: [{ seq: 'one', event: line('x') }] });
    engine.send('engine:surprise', { anything: true });
    engine.send(ENGINE_SOCKET.events, {
      stream: 'fake-stream',
      events: [
        { seq: 1, event: line('first') },
        { seq: 2, event: { type: 'node.log', taskId: '7', nodeId: 'n' } },
        { seq: 3, event: { type: 'node.teleport', taskId: '7' } },
        { seq: 4, event: { type: 'node.status', taskId: '7', nodeId: 'n', batch: 1, status: 'completed', result: 'r'.repeat(2 * 1024 * 1024), time: 1 } },
        { seq: 5, event: null },
        { seq: 6, event: line('second') },
      ],
    });
    engine.send(ENGINE_SOCKET.events, { stream: 'some-other-stream', events: [{ seq: 7, event: line('stale') }] });
    engine.send(ENGINE_SOCKET.events, { stream: 'fake-stream', events: [{ seq: 1, event: line('first') }, { seq: 7, event: line('third') }] });

    await log.waitFor(() => log.events.length === 3, 10_000, 'three valid lines');
    expect(log.events.map((event) => (event.type === 'node.log' ? `${event.seq}:${event.message}:${event.engineId}` : ''))).toEqual([
      '1:first:fake',
      '6:second:fake',
      '7:third:fake',
    ]);
    await until(engine.onAck, () => engine.acks.includes(7), 10_000, 'ack of 7');
    // Cumulative: 6 after the first good envelope (unless both came in one batch), then 7.
    expect(engine.acks.at(-1)).toBe(7);
    expect(engine.acks.every((seq) => seq === 6 || seq === 7)).toBe(true);
    const warnings = logger.messages('warn').join('\n');
    expect(warnings).toMatch(/malformed event envelope ignored: \(envelope\): /);
    expect(warnings).toMatch(/malformed event envelope ignored: events\.0\.seq/);
    expect(warnings).toMatch(/unknown message engine:surprise ignored/);
    expect(warnings).toMatch(/malformed node\.log 2 ignored: batch: /);
    expect(warnings).toMatch(/event 3 of unknown type "node\.teleport" ignored/);
    expect(warnings).toMatch(/node\.status 4 of \d+ bytes ignored: the limit is 1048576 bytes/);
    expect(warnings).toMatch(/malformed event 5 ignored/);
    expect(warnings).toMatch(/events of stream some-other-stream ignored/);
    expect(client.stats()).toEqual({ events: 3, duplicates: 1, rejected: 4, skipped: 0 });
    expect(client.state().status).toBe('connected');
  });

  it('refuses an Engine whose welcome speaks another protocol version', async () => {
    const http = createServer();
    server = new Server(http);
    server.on('connection', (socket) => socket.emit(ENGINE_SOCKET.welcome, { protocol: 99, engineId: 'future' }));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const client = engines.client(`http://127.0.0.1:${(http.address() as AddressInfo).port}`);
    await expect(client.connect()).rejects.toThrow(/incompatible Engine protocol: its welcome does not match protocol version 1/);
    expect(client.state()).toMatchObject({ status: 'down', refused: true });
  });
});
