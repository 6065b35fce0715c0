import { afterEach, describe, expect, it } from 'vitest';
import { EngineClient } from '../../src/main/core/engine/engine-client';
import { randomSessionId } from '../../src/main/core/engine/console-session';
import { ENGINE_PROTOCOL_VERSION } from '../../src/shared/engine/protocol';
import { EventLog, recordingLogger, startSim } from '../helpers/engine';
import { exitOf, spawnCli, waitForOutput } from '../helpers/built-cli';

const children: ReturnType<typeof spawnCli>[] = [];
const clients: EngineClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('deduction engine', () => {
  it('starts an Engine that answers /health and runs a node for a console with its token, and stops on SIGTERM', async () => {
    const child = spawnCli(['engine', '--port', '0', '--token', 'cli-engine-token-0123', '--capacity', '8', '--id', 'cli-engine']);
    children.push(child);
    const [, url] = await waitForOutput(child, /Engine cli-engine listening on (http:\/\/127\.0\.0\.1:\d+) \(protocol 1, capacity 8\)/);
    const health = await fetch(`${url}/health`);
    expect(await health.json()).toMatchObject({ ok: true, engineId: 'cli-engine', protocol: ENGINE_PROTOCOL_VERSION, capacity: 8 });

    const client = new EngineClient({ url: url!, token: 'cli-engine-token-0123', consoleSession: randomSessionId(), logger: recordingLogger() });
    clients.push(client);
    const log = new EventLog(client);
    await client.connect();
    expect(client.state().catalog.map((entry) => entry.agentLoad)).toContain('red-team');
    await client.startNode(startSim('cli-node', { durationMs: 0 }));
    expect(await log.ended('cli-node')).toMatchObject({ status: 'completed', engineId: 'cli-engine' });

    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
  });

  it('prints a random token when none is given, and refuses a weak token beyond loopback', async () => {
    const child = spawnCli(['engine', '--port', '0', '--catalog', 'test/fixtures/engine/catalog']);
    children.push(child);
    const [, agents, token] = await waitForOutput(child, /agents: (.*)\n\s+token:\s+(\S+)/);
    expect(agents!.split(', ').sort()).toEqual(['hang', 'lines', 'no-binary', 'sim']);
    expect(token!.length).toBeGreaterThanOrEqual(20);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);

    const exposed = spawnCli(['engine', '--host', '0.0.0.0', '--port', '0', '--token', 'short']);
    children.push(exposed);
    let stderr = '';
    exposed.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(exposed)).toBe(2);
    expect(stderr).toMatch(/exposes the Engine to the network: give a --token of at least 16 characters/);
  });
});
