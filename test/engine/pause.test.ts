import { describe, expect, it } from 'vitest';
import { LOCAL_USER_POLICY } from '../../src/engine/command-policy';
import type { StartNodeCommand } from '../../src/shared/engine/protocol';
import { EventLog, ref, startSim, useEngines } from '../helpers/engine';

/** pauseNode and resumeNode on the reference Engine: an operator's hold of a running agent. */
const engines = useEngines();

async function setup() {
  const engine = await engines.engine({ commandPolicy: LOCAL_USER_POLICY, killGraceMs: 200 });
  const client = engines.client(engine.url);
  const log = new EventLog(client);
  await client.connect();
  return { client, log };
}

const running = async (log: EventLog, nodeId: string): Promise<void> => {
  while (!log.statuses(nodeId).some((event) => event.status === 'running')) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('pausing a running agent on the reference Engine', () => {
  it('a paused sim agent does not end while paused; resumed, it completes', async () => {
    const { client, log } = await setup();
    await client.startNode(startSim('sim', { durationMs: 400, steps: 8 }));
    await running(log, 'sim');
    await client.pauseNode(ref('sim'));
    await client.pauseNode(ref('sim'));
    // Three times its whole duration: a sim agent that kept running would have completed.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await client.queryNode(ref('sim'))).toMatchObject({ status: 'running' });
    expect((await client.queryNode(ref('sim'))).progress).toBeLessThan(1);
    await client.resumeNode(ref('sim'));
    expect(await log.ended('sim')).toMatchObject({ status: 'completed' });
  });

  it('a paused process agent has its process tree stopped (refused on Windows, which has no SIGSTOP); resumed, it completes', async () => {
    const { client, log } = await setup();
    const start: StartNodeCommand = {
      ...ref('proc'),
      agentLoad: 'script',
      config: { command: 'node', args: ['-e', 'setTimeout(() => process.exit(0), 400)'] } as StartNodeCommand['config'],
      parentId: null,
    };
    await client.startNode(start);
    await running(log, 'proc');
    if (process.platform === 'win32') {
      await expect(client.pauseNode(ref('proc'))).rejects.toMatchObject({ code: 'CANNOT_PAUSE' });
      return;
    }
    await client.pauseNode(ref('proc'));
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await client.queryNode(ref('proc'))).toMatchObject({ status: 'running' });
    await client.resumeNode(ref('proc'));
    expect(await log.ended('proc')).toMatchObject({ status: 'completed' });
  });

  it('refuses to pause an agent that cannot, and an execution it does not know', async () => {
    const { client, log } = await setup();
    await client.startNode({ ...ref('gate'), agentLoad: 'manual', config: {}, parentId: null });
    await running(log, 'gate');
    await expect(client.pauseNode(ref('gate'))).rejects.toMatchObject({ code: 'CANNOT_PAUSE', message: expect.stringMatching(/runs the manual agent manual, which cannot pause/) });
    await expect(client.pauseNode(ref('nobody'))).rejects.toMatchObject({ code: 'UNKNOWN_NODE' });
    await client.stopNode(ref('gate'));
  });
});
