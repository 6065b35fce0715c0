import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { NodeLogEvent, NodeProgressEvent, ResourceSampleEvent, StartNodeCommand } from '../../src/shared/engine/protocol';
import { EventLog, ref, startSim, useEngines } from '../helpers/engine';

const engines = useEngines();
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function setup(options: { sampleIntervalMs?: number } = {}) {
  const engine = await engines.engine({ sampleIntervalMs: options.sampleIntervalMs ?? 1000 });
  const client = engines.client(engine.url);
  const log = new EventLog(client);
  await client.connect();
  return { client, log };
}

const start = (nodeId: string, agentLoad: string, config: Record<string, unknown> = {}, batch = 1): StartNodeCommand => ({
  ...ref(nodeId, batch),
  agentLoad,
  config: config as StartNodeCommand['config'],
  parentId: null,
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('sim agent', () => {
  it('emits exactly what its config says: steps, log lines, samples, then its result', async () => {
    const { client, log } = await setup({ sampleIntervalMs: 100 });
    await client.startNode(startSim('s1', { durationMs: 400, steps: 4, logLinesPerSecond: 20, cpuPercent: 12.5, memoryMb: 3, result: { score: 7 } }));
    expect(await log.ended('s1')).toMatchObject({ status: 'completed', result: { score: 7 } });
    const progress = log.events.filter((event): event is NodeProgressEvent => event.type === 'node.progress').map((event) => event.progress);
    expect(progress).toEqual([0.25, 0.5, 0.75, 1]);
    const lines = log.events.filter((event): event is NodeLogEvent => event.type === 'node.log').map((event) => event.message);
    expect(lines).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Simulation: log line ${n} of 8`));
    const samples = log.events.filter((event): event is ResourceSampleEvent => event.type === 'resource.sample');
    expect(samples).toHaveLength(5);
    expect(samples.every((sample) => sample.cpuPercent === 12.5 && sample.memoryBytes === 3 * 1024 * 1024)).toBe(true);
  });

  it('fails its first failTimes attempts (batches), then succeeds; outcome failed always fails', async () => {
    const { client, log } = await setup();
    for (const batch of [1, 2, 3]) await client.startNode(startSim('retry', { failTimes: 2 }, batch));
    expect(await log.ended('retry', 1)).toMatchObject({ status: 'failed', errorCode: 'SIMULATED_FAILURE' });
    expect(await log.ended('retry', 2)).toMatchObject({ status: 'failed', errorCode: 'SIMULATED_FAILURE' });
    expect(await log.ended('retry', 3)).toMatchObject({ status: 'completed', result: { agent: 'sim', attempt: 3, steps: 4 } });
    await client.startNode(startSim('doomed', { outcome: 'failed' }));
    expect(await log.ended('doomed')).toMatchObject({ status: 'failed', errorMessage: 'simulated failure: the configured outcome is failed' });
  });

  it('runs the catalog defaults of red-team and blue-team and rejects an invalid config', async () => {
    const { client, log } = await setup();
    await client.startNode(start('red', 'red-team', { durationMs: 0 }));
    await client.startNode(start('blue', 'blue-team', { durationMs: 0 }));
    await client.startNode(start('bad', 'sim', { steps: 'many' }));
    expect(await log.ended('red')).toMatchObject({ status: 'completed', result: { side: 'red', objectiveTaken: true } });
    expect(await log.ended('blue')).toMatchObject({ status: 'completed', result: { side: 'blue', lineHeld: true } });
    expect(await log.ended('bad')).toMatchObject({ status: 'failed', errorCode: 'INVALID_CONFIG', errorMessage: expect.stringMatching(/^sim config steps: /) });
  });
});

describe('http agent', () => {
  it('makes one call; the response is the result', async () => {
    const url = await serve((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ method: request.method, header: request.headers['x-probe'], got: JSON.parse(body || 'null') }));
      });
    });
    const { client, log } = await setup();
    await client.startNode(start('h1', 'http', { method: 'POST', url: `${url}/x`, headers: { 'x-probe': 'yes' }, body: { a: 1 }, expectStatus: [200, 201] }));
    const end = await log.ended('h1');
    expect(end).toMatchObject({ status: 'completed', result: { status: 201, truncated: false, body: { method: 'POST', header: 'yes', got: { a: 1 } } } });
  });

  it('fails on an unexpected status, caps the body, and times out', async () => {
    const url = await serve((request, response) => {
      if (request.url === '/slow') return;
      if (request.url === '/big') {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('x'.repeat(10_000));
        return;
      }
      response.writeHead(503).end('busy');
    });
    const { client, log } = await setup();
    await client.startNode(start('h2', 'http-health', { url: `${url}/health` }));
    await client.startNode(start('h3', 'http', { url: `${url}/big`, maxBodyBytes: 100 }));
    await client.startNode(start('h4', 'http', { url: `${url}/slow`, timeoutMs: 300 }));
    expect(await log.ended('h2')).toMatchObject({ status: 'failed', errorCode: 'HTTP_STATUS', result: { status: 503, body: 'busy' } });
    expect((await log.ended('h2')).errorMessage).toMatch(/answered 503; expected 200$/);
    const big = await log.ended('h3');
    expect(big).toMatchObject({ status: 'completed', result: { truncated: true, body: 'x'.repeat(100) } });
    expect(await log.ended('h4')).toMatchObject({ status: 'failed', errorCode: 'HTTP_TIMEOUT' });
  });
});

describe('manual agent', () => {
  it('waits for the operator: approve completes, reject fails, the deadline decides when nobody does', async () => {
    const { client, log } = await setup();
    await client.startNode(start('m1', 'manual', { prompt: 'Proceed to phase 2?' }));
    await client.startNode(start('m2', 'manual'));
    await client.startNode(start('m3', 'manual', { deadlineMs: 200 }));
    await log.waitFor(() => log.statuses('m1').some((event) => event.status === 'running'), 10_000, 'm1 running');
    expect(log.events.some((event) => event.type === 'node.log' && event.message === "waiting for an operator's decision: Proceed to phase 2?")).toBe(true);
    await client.decideManual({ ...ref('m1'), approved: true, operator: 'cmdr', comment: 'go' });
    await client.decideManual({ ...ref('m1'), approved: true, operator: 'cmdr' });
    await expect(client.decideManual({ ...ref('m1'), approved: false, operator: 'other' })).rejects.toMatchObject({ code: 'ALREADY_DECIDED' });
    await client.decideManual({ ...ref('m2'), approved: false, operator: 'cmdr', comment: 'not yet' });
    expect(await log.ended('m1')).toMatchObject({ status: 'completed', result: { approved: true, operator: 'cmdr', comment: 'go' } });
    expect(await log.ended('m2')).toMatchObject({ status: 'failed', errorCode: 'REJECTED', errorMessage: 'rejected by cmdr: not yet' });
    expect(await log.ended('m3')).toMatchObject({ status: 'failed', errorCode: 'MANUAL_DEADLINE' });
    await client.startNode(startSim('notmanual', { durationMs: 0 }));
    await log.ended('notmanual');
    await expect(client.decideManual({ ...ref('notmanual'), approved: true, operator: 'x' })).rejects.toMatchObject({ code: 'NOT_MANUAL' });
    await expect(client.decideManual({ ...ref('ghost'), approved: true, operator: 'x' })).rejects.toMatchObject({ code: 'UNKNOWN_NODE' });
  });
});
