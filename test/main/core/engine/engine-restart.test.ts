import { describe, expect, it } from 'vitest';
import { EngineBalancer } from '../../../../src/main/core/engine/engine-balancer';
import type { EngineCommandError } from '../../../../src/main/core/engine/engine-errors';
import { EventLog, recordingLogger, ref, startSim, TASK, until, useEngines } from '../../../helpers/engine';

const engines = useEngines();

const TREE = {
  requestType: 1 as const,
  taskId: TASK,
  body: [
    { id: 'root', isBox: true, father: null, isRoot: true, containerConfig: {} },
    { id: 'box', isBox: true, father: 'root', isRoot: false, containerConfig: {} },
    ...['before', 'cut', 'after'].map((id) => ({ id, isBox: false, father: 'box', isRoot: false, agentLoad: 'sim', agentConfig: {} })),
  ],
};

describe('an Engine that restarts on the same address', () => {
  it('gets the task submitted and its containers initialized again before a node is started on it', async () => {
    const first = await engines.engine({ id: 'e1' });
    const client = engines.client(first.url, { lostAfterMs: 60_000 });
    await client.connect();
    const logger = recordingLogger();
    const balancer = new EngineBalancer([{ client, weight: 1 }], 'round_robin', { logger });
    const log = new EventLog(balancer);
    await balancer.submitTask(TREE);
    await balancer.initContainer({ ...ref('root'), containerConfig: {} });
    await balancer.initContainer({ ...ref('box'), containerConfig: {} });
    await balancer.startNode({ ...startSim('before'), parentId: 'box' });
    expect((await log.ended('before')).status).toBe('completed');

    await balancer.startNode({ ...startSim('cut', { durationMs: 60_000 }), parentId: 'box' });
    await log.waitFor(() => log.statuses('cut').length > 0, 10_000, 'cut running');
    const oldSession = client.session;
    await first.close();
    await engines.engine({ id: 'e1', port: first.port });
    await until((wake) => client.onState(wake), () => client.status === 'connected' && client.session !== oldSession, 20_000, 'the restarted Engine');
    // Whether the shutdown's own report (stopped, as lost) arrived first or the console found the new process: lost, not stopped by anyone.
    expect((await log.ended('cut')).errorCode).toBe('ENGINE_LOST');

    await balancer.startNode({ ...startSim('after'), parentId: 'box' });
    expect(await log.ended('after')).toMatchObject({ status: 'completed', engineId: 'e1' });
    expect(logger.messages('warn')).toEqual([expect.stringMatching(/^container box of task 1001 initialized again on Engine/)]);
  });

  it('refuses a command cut off by the restart with ENGINE_LOST instead of sending it to the new process', async () => {
    const first = await engines.engine({ id: 'e1' });
    const proxy = await engines.proxy(first.port);
    const client = engines.client(proxy.url, { lostAfterMs: 60_000 });
    await client.connect();
    await client.submitTask(TREE);
    proxy.block();
    await until((wake) => client.onState(wake), () => client.status === 'reconnecting', 10_000, 'the link down');
    const cutOff = client.startNode(startSim('late')).then(
      () => undefined,
      (error: unknown) => error as EngineCommandError,
    );
    await first.close();
    await engines.engine({ id: 'e1', port: first.port });
    proxy.unblock();
    expect(await cutOff).toMatchObject({ code: 'ENGINE_LOST', message: expect.stringMatching(/restarted before acknowledging it/) });
  });

  it('is taken for gone when it falls silent (no heartbeat) though its connection stays open, and its nodes are lost within the loss delay', async () => {
    const engine = await engines.engine({ id: 'e1' });
    const proxy = await engines.proxy(engine.port);
    const client = engines.client(proxy.url, { lostAfterMs: 1500, silenceMs: 600 });
    const log = new EventLog(client);
    await client.connect();
    await client.startNode(startSim('long', { durationMs: 60_000 }));
    await log.waitFor(() => log.statuses('long').length > 0, 10_000, 'long running');
    proxy.stall();
    const lost = await log.ended('long', 1, 10_000);
    expect(lost).toMatchObject({ status: 'failed', errorCode: 'ENGINE_LOST' });
    expect(lost.errorMessage).toMatch(/unreachable for 1500 ms/);
  });
});
