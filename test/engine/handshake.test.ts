import { describe, expect, it } from 'vitest';
import { ENGINE_PROTOCOL_VERSION } from '../../src/shared/engine/protocol';
import { recordingLogger, until, useEngines } from '../helpers/engine';

const engines = useEngines();

describe('Engine handshake', () => {
  it('welcomes a console with the token and its protocol version, with the Engine id and catalog', async () => {
    const engine = await engines.engine({ id: 'alpha' });
    const client = engines.client(engine.url);
    await client.connect();
    const state = client.state();
    expect(state).toMatchObject({ status: 'connected', engineId: 'alpha', refused: false, lastError: null });
    expect(state.catalog.map((entry) => entry.agentLoad).sort()).toEqual(['blue-team', 'decision', 'http', 'http-health', 'manual', 'red-team', 'script', 'sim']);
    expect(state.capacity).toBe(64);
    const measured = await until((wake) => client.onState(wake), () => client.state().latencyMs ?? undefined, 10_000, 'a latency');
    expect(measured).toBeGreaterThanOrEqual(0);
  });

  it('refuses a wrong token with a clear message, and the client stops retrying', async () => {
    const engine = await engines.engine();
    const logger = recordingLogger();
    const client = engines.client(engine.url, { token: 'not-the-token', logger });
    await expect(client.connect()).rejects.toThrow(/refused the connection: unauthorized: the Engine refused the token/);
    expect(client.state()).toMatchObject({ status: 'down', refused: true, lastError: 'unauthorized: the Engine refused the token' });
    expect(logger.messages('error').join('\n')).toMatch(/refused the connection: unauthorized/);
    await expect(client.startNode({ taskId: '1', nodeId: 'a', batch: 1, agentLoad: 'sim', config: {}, parentId: null })).rejects.toMatchObject({ code: 'REFUSED' });
  });

  it('refuses an incompatible protocol version, naming both versions', async () => {
    const engine = await engines.engine();
    const client = engines.client(engine.url, { protocolVersion: ENGINE_PROTOCOL_VERSION + 1 });
    const refusal = `incompatible Engine protocol: this Engine speaks version ${ENGINE_PROTOCOL_VERSION}, the console sent version ${ENGINE_PROTOCOL_VERSION + 1}; update the older of the two`;
    await expect(client.connect()).rejects.toThrow(refusal);
    expect(client.state()).toMatchObject({ status: 'down', refused: true, lastError: refusal });
  });

  it('answers GET /health with its id and protocol', async () => {
    const engine = await engines.engine({ id: 'beta' });
    const response = await fetch(`${engine.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, engineId: 'beta', protocol: ENGINE_PROTOCOL_VERSION });
    expect((await fetch(`${engine.url}/nothing-here`)).status).toBe(404);
  });
});
