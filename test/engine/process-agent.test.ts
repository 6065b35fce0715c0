import { describe, expect, it, vi } from 'vitest';
import type { NodeLogEvent, NodeProgressEvent, ResourceSampleEvent, StartNodeCommand } from '../../src/shared/engine/protocol';
import { EventLog, ref, TEST_CATALOG, useEngines } from '../helpers/engine';

const engines = useEngines();

async function setup(options: { killGraceMs?: number; sampleIntervalMs?: number } = {}) {
  const engine = await engines.engine({ catalogDir: TEST_CATALOG, killGraceMs: options.killGraceMs ?? 300, sampleIntervalMs: options.sampleIntervalMs ?? 1000 });
  const client = engines.client(engine.url);
  const log = new EventLog(client);
  await client.connect();
  return { engine, client, log };
}

const start = (nodeId: string, agentLoad: string, config: Record<string, unknown> = {}, extra: Partial<StartNodeCommand> = {}): StartNodeCommand => ({
  ...ref(nodeId),
  agentLoad,
  config: config as StartNodeCommand['config'],
  parentId: null,
  ...extra,
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function pidsOf(log: EventLog, nodeId: string): Promise<{ child: number; grandchild: number }> {
  return log.waitFor(
    () => {
      const lines = log.events.filter((event): event is NodeLogEvent => event.type === 'node.log' && event.nodeId === nodeId).map((event) => event.message);
      const child = lines.map((line) => /^child (\d+)$/.exec(line)?.[1]).find(Boolean);
      const grandchild = lines.map((line) => /^grandchild (\d+)$/.exec(line)?.[1]).find(Boolean);
      return child && grandchild ? { child: Number(child), grandchild: Number(grandchild) } : undefined;
    },
    15_000,
    `the pids of ${nodeId}`,
  );
}

describe('process agent', () => {
  it('gets its config on stdin and speaks the line protocol: progress, levels, result, exit code 0', async () => {
    const { client, log } = await setup();
    await client.startNode(start('p1', 'lines', { label: 'hello', exitCode: 0 }));
    const end = await log.ended('p1');
    expect(end).toMatchObject({ status: 'completed', exitCode: 0 });
    expect(end.result).toMatchObject({
      config: { label: 'hello', exitCode: 0 },
      argv: ['hello'],
      env: { FROM_MANIFEST: 'manifest', NODE: 'p1', BATCH: '1' },
    });
    const progress = log.events.filter((event): event is NodeProgressEvent => event.type === 'node.progress');
    expect(progress.map((event) => [event.progress, event.message])).toEqual([
      [0.5, 'halfway there'],
      [0.75, undefined],
    ]);
    const lines = log.events.filter((event): event is NodeLogEvent => event.type === 'node.log').map((event) => [event.level, event.stream, event.message]);
    expect(lines).toEqual(
      expect.arrayContaining([
        ['info', 'stdout', 'a plain stdout line'],
        ['debug', 'stdout', 'a debug line'],
        ['warn', 'stdout', 'a warning line'],
        ['error', 'stdout', 'an error line'],
        ['critical', 'stdout', 'a critical line'],
        ['warn', 'stderr', 'a plain stderr line'],
      ]),
    );
    expect(lines.find(([, , message]) => String(message).includes('::progress needs a fraction'))?.[0]).toBe('warn');
    expect(lines.find(([, , message]) => String(message).startsWith('::result is not JSON'))?.[1]).toBe('system');
    const logLines = log.events.filter((event): event is NodeLogEvent => event.type === 'node.log');
    expect(logLines.find((event) => event.message === 'link to blue lost')).toMatchObject({ level: 'error', stream: 'stdout', category: 'network', extra: { peer: 'blue', retries: 3 } });
    const refusals = logLines.filter((event) => event.message.startsWith('::log ')).map((event) => [event.level, event.stream, event.message]);
    expect(refusals).toEqual([
      ['warn', 'system', expect.stringMatching(/^::log is not JSON \(.+\): \{"message": "half a line"$/)],
      ['warn', 'system', expect.stringMatching(/^::log needs \{"message": text.*\}: extra: must be a JSON object$/)],
    ]);
    expect(log.statuses('p1').map((event) => event.status)).toEqual(['running', 'completed']);
  });

  it('fails on a non-zero exit code, with the code and the last stderr line', async () => {
    const { client, log } = await setup();
    await client.startNode(start('p2', 'lines', { exitCode: 3 }));
    const end = await log.ended('p2');
    expect(end).toMatchObject({ status: 'failed', exitCode: 3, errorCode: 'EXIT_CODE' });
    expect(end.errorMessage).toMatch(/exited with code 3: the last words on stderr$/);
  });

  it('kills a hanging agent at its timeout, its grandchild included, even though both ignore SIGTERM', async () => {
    const { client, log } = await setup({ killGraceMs: 300 });
    await client.startNode(start('hang1', 'hang', {}, { timeoutMs: 1500 }));
    const pids = await pidsOf(log, 'hang1');
    expect(isAlive(pids.child) && isAlive(pids.grandchild)).toBe(true);
    const end = await log.ended('hang1');
    expect(end).toMatchObject({ status: 'timeout', errorCode: 'TIMEOUT', errorMessage: 'timed out after 1500 ms' });
    await vi.waitFor(() => expect([isAlive(pids.child), isAlive(pids.grandchild)]).toEqual([false, false]), { timeout: 5000, interval: 50 });
  });

  it('stops an agent on command, killing its whole process tree', async () => {
    const { client, log } = await setup({ killGraceMs: 200 });
    await client.startNode(start('hang2', 'hang'));
    const pids = await pidsOf(log, 'hang2');
    await client.stopNode({ ...ref('hang2'), reason: 'operator pressed stop' });
    expect(await log.ended('hang2')).toMatchObject({ status: 'stopped', errorCode: 'STOPPED', errorMessage: 'operator pressed stop' });
    await vi.waitFor(() => expect([isAlive(pids.child), isAlive(pids.grandchild)]).toEqual([false, false]), { timeout: 5000, interval: 50 });
  });

  it('samples CPU and memory of the agent process with pidusage', async () => {
    const { client, log } = await setup({ sampleIntervalMs: 100 });
    await client.startNode(start('hang3', 'hang'));
    // A running Node process holds megabytes; the very first sample, taken at spawn, may see less.
    const samples = await log.waitFor(
      () => {
        const found = log.events.filter((event): event is ResourceSampleEvent => event.type === 'resource.sample' && event.nodeId === 'hang3');
        return found.length >= 2 && found.some((sample) => sample.memoryBytes > 5 * 1024 * 1024) ? found : undefined;
      },
      15_000,
      'two resource samples, one of a grown process',
    );
    for (const sample of samples) {
      expect(sample).toMatchObject({ taskId: ref('hang3').taskId, batch: 1 });
      expect(sample.memoryBytes).toBeGreaterThan(0);
      expect(sample.cpuPercent).toBeGreaterThanOrEqual(0);
    }
    await client.stopNode(ref('hang3'));
    await log.ended('hang3');
  });

  it('reports a command that cannot be started as failed with SPAWN_FAILED, and refuses an agent it does not have', async () => {
    const { client, log } = await setup();
    await client.startNode(start('s1', 'no-binary'));
    const end = await log.ended('s1');
    expect(end).toMatchObject({ status: 'failed', errorCode: 'SPAWN_FAILED' });
    expect(end.errorMessage).toMatch(/cannot start .*there-is-no-such-program: spawn .* ENOENT/);
    await expect(client.startNode(start('s2', 'teleporter'))).rejects.toMatchObject({
      code: 'UNSUPPORTED_AGENT',
      message: expect.stringMatching(/has no agent "teleporter"; it offers .*hang/),
    });
  });

  it('fails a {node} agent with a clear message when no Node runtime can run it, instead of starting anything', async () => {
    const { client, log } = await setup();
    vi.stubEnv('DEDUCTION_NODE', '/nowhere/node');
    try {
      await client.startNode(start('n1', 'lines', { label: 'x', exitCode: 0 }));
      const end = await log.ended('n1');
      expect(end).toMatchObject({ status: 'failed', errorCode: 'SPAWN_FAILED', errorMessage: 'DEDUCTION_NODE names /nowhere/node, which does not exist' });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
