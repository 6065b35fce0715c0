import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EventLog, startSim, useEngines } from '../../../helpers/engine';

const engines = useEngines();
const cert = readFileSync(fileURLToPath(new URL('../../../fixtures/engine/tls/engine-cert.pem', import.meta.url)), 'utf8');
const key = readFileSync(fileURLToPath(new URL('../../../fixtures/engine/tls/engine-key.pem', import.meta.url)), 'utf8');

describe('EngineClient over TLS', () => {
  it('connects to an https Engine through a wss URL when it trusts the certificate, and runs a node', async () => {
    const engine = await engines.engine({ tls: { cert, key }, catalogDir: null });
    expect(engine.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const client = engines.client(engine.url.replace('https:', 'wss:'), { ca: cert });
    const log = new EventLog(client);
    await client.connect();
    await client.startNode(startSim('secure'));
    expect(await log.ended('secure')).toMatchObject({ status: 'completed' });
  });

  it('does not connect when the certificate is not trusted', async () => {
    const engine = await engines.engine({ tls: { cert, key }, catalogDir: null });
    const client = engines.client(engine.url, { lostAfterMs: 60_000 });
    await expect(client.connect(1500)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(client.state()).toMatchObject({ status: 'connecting', lastError: expect.stringMatching(/websocket error/) });
  });
});
