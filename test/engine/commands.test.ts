import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { ENGINE_PROTOCOL_VERSION, ENGINE_SOCKET } from '../../src/shared/engine/protocol';
import { EventLog, recordingLogger, ref, startSim, TOKEN, useEngines } from '../helpers/engine';

const engines = useEngines();

describe('Engine commands', () => {
  it('are idempotent by (task, node, batch): a repeated start runs the node once', async () => {
    const engine = await engines.engine();
    const client = engines.client(engine.url);
    const log = new EventLog(client);
    await client.connect();
    await Promise.all([client.startNode(startSim('once')), client.startNode(startSim('once')), client.startNode(startSim('once'))]);
    await log.ended('once');
    await client.startNode(startSim('once'));
    await client.startNode(startSim('once', {}, 2));
    await log.ended('once', 2);
    expect(log.statuses('once').map((event) => `${event.batch}:${event.status}`)).toEqual(['1:running', '1:completed', '2:running', '2:completed']);
    expect(await client.queryNode(ref('once'))).toMatchObject({ status: 'completed', progress: 1 });
    expect(await client.queryNode(ref('never'))).toEqual({ status: 'unknown' });
    expect(client.engineOf(ref('once', 2))).toBe(engine.engineId);
    expect(client.engineOf(ref('never'))).toBeUndefined();
  });

  it('refuses beyond capacity with AT_CAPACITY, and frees room as nodes end', async () => {
    const engine = await engines.engine({ capacity: 2, catalogDir: null });
    const client = engines.client(engine.url);
    const log = new EventLog(client);
    await client.connect();
    expect(client.freeCapacity()).toBe(2);
    await client.startNode(startSim('a', { durationMs: 60_000 }));
    await client.startNode(startSim('b', { durationMs: 60_000 }));
    expect(client.freeCapacity()).toBe(0);
    await expect(client.startNode(startSim('c'))).rejects.toMatchObject({ code: 'AT_CAPACITY', retryable: true });
    await client.stopNode(ref('a'));
    await log.ended('a');
    expect(client.freeCapacity()).toBe(1);
    await client.startNode(startSim('c'));
    expect(await log.ended('c')).toMatchObject({ status: 'completed' });
  });

  it('answers a malformed or unknown command with INVALID_COMMAND and keeps serving', async () => {
    const logger = recordingLogger();
    const engine = await engines.engine({ logger });
    const socket = io(engine.url, { auth: { protocol: ENGINE_PROTOCOL_VERSION, token: TOKEN, consoleSession: 'raw-console-1' }, transports: ['websocket'], reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => socket.once(ENGINE_SOCKET.welcome, () => resolve()).once('connect_error', reject));
      const ask = (command: unknown) => socket.timeout(5000).emitWithAck(ENGINE_SOCKET.command, command) as Promise<unknown>;
      expect(await ask({ name: 'selfDestruct', payload: {} })).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND' } });
      expect(await ask({ name: 'startNode', payload: { taskId: 'not-a-number', nodeId: 'x', batch: 1 } })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_COMMAND', message: expect.stringMatching(/^invalid command startNode: payload\.taskId/) },
      });
      expect(await ask('garbage')).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND' } });
      socket.emit('engine:nonsense', { a: 1 });
      socket.emit(ENGINE_SOCKET.ack, { stream: 'someone-else', seq: 5 });
      expect(await ask({ name: 'ping', payload: {} })).toMatchObject({ ok: true, time: expect.any(Number) });
      expect(logger.messages('warn').join('\n')).toMatch(/unknown message engine:nonsense ignored/);
      expect(logger.messages('warn').join('\n')).toMatch(/malformed or stale event ack ignored/);
    } finally {
      socket.close();
    }
  });
});
