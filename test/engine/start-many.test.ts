import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { ENGINE_PROTOCOL_VERSION, ENGINE_SOCKET, type EngineWelcome } from '../../src/shared/engine/protocol';
import { startSim, TOKEN, useEngines } from '../helpers/engine';

const engines = useEngines();

describe('the startMany command', () => {
  it('is named in the welcome, and answers each of its starts as startNode would: started, duplicate or refused', async () => {
    const engine = await engines.engine({ catalogDir: null });
    const socket = io(engine.url, { auth: { protocol: ENGINE_PROTOCOL_VERSION, token: TOKEN, consoleSession: 'raw-console-many' }, transports: ['websocket'], reconnection: false });
    try {
      const welcome = await new Promise<EngineWelcome>((resolve, reject) => socket.once(ENGINE_SOCKET.welcome, resolve).once('connect_error', reject));
      expect(welcome.features).toContain('startMany');
      const ask = (command: unknown) => socket.timeout(5000).emitWithAck(ENGINE_SOCKET.command, command) as Promise<unknown>;
      const unknownLoad = { ...startSim('c'), agentLoad: 'no-such-agent' };
      expect(await ask({ name: 'startMany', payload: { nodes: [startSim('a'), startSim('b'), unknownLoad] } })).toEqual({
        ok: true,
        results: [{ ok: true }, { ok: true }, { ok: false, error: { code: 'UNSUPPORTED_AGENT', message: expect.stringContaining('no-such-agent') } }],
      });
      expect(await ask({ name: 'startMany', payload: { nodes: [startSim('a'), startSim('d')] } })).toEqual({ ok: true, results: [{ ok: true, duplicate: true }, { ok: true }] });
      expect(await ask({ name: 'startMany', payload: { nodes: [] } })).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND' } });
    } finally {
      socket.disconnect();
    }
  });
});
