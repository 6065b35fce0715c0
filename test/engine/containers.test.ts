import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StartNodeCommand } from '../../src/shared/engine/protocol';
import { EventLog, ref, TASK, TEST_CATALOG, useEngines } from '../helpers/engine';

const engines = useEngines();

async function setup() {
  const engine = await engines.engine({ catalogDir: TEST_CATALOG, killGraceMs: 200 });
  const client = engines.client(engine.url);
  const log = new EventLog(client);
  await client.connect();
  return { client, log };
}

const child = (nodeId: string, parentId: string, agentLoad = 'lines'): StartNodeCommand => ({
  ...ref(nodeId),
  agentLoad,
  config: { label: nodeId },
  parentId,
});

describe('containers on the Engine', () => {
  it('initializes per containerConfig; children get its environment and folder; stop tears it down', async () => {
    const { client, log } = await setup();
    await client.submitTask({
      requestType: 1,
      taskId: TASK,
      body: [
        { id: 'root', isBox: true, father: null, isRoot: true, containerConfig: { env: { FROM_CONTAINER: 'root' } } },
        { id: 'box', isBox: true, father: 'root', isRoot: false, containerConfig: { workDir: true, env: { FROM_CONTAINER: 'box' } } },
        { id: 'a', isBox: false, father: 'box', isRoot: false, agentLoad: 'lines', agentConfig: {} },
      ],
    });
    await client.initContainer({ ...ref('root'), containerConfig: { env: { FROM_CONTAINER: 'root' } } });
    await client.initContainer({ ...ref('box'), containerConfig: { workDir: true, initDelayMs: 50, env: { FROM_CONTAINER: 'box' } } });
    await client.initContainer({ ...ref('box'), containerConfig: { workDir: true } });
    await log.waitFor(() => log.statuses('box').some((event) => event.status === 'running'), 10_000, 'box running');
    expect(log.statuses('box').map((event) => event.status)).toEqual(['initializing', 'running']);

    await client.startNode(child('a', 'box'));
    const result = (await log.ended('a')).result as { cwd: string; env: Record<string, string> };
    expect(result.env['FROM_CONTAINER']).toBe('box');
    expect(result.cwd).toMatch(/deduction-container-/);
    expect(existsSync(result.cwd)).toBe(true);

    await client.startNode({ ...ref('h'), agentLoad: 'hang', config: {}, parentId: 'box' });
    await log.waitFor(() => log.statuses('h').some((event) => event.status === 'running'), 10_000, 'h running');
    await client.stopNode({ ...ref('box'), reason: 'phase over' });
    await log.waitFor(() => log.statuses('box').find((event) => event.status === 'stopped'), 10_000, 'box stopped');
    expect(await log.ended('h')).toMatchObject({ status: 'stopped' });
    expect(existsSync(result.cwd)).toBe(false);
    expect(log.statuses('root').map((event) => event.status)).toEqual(['initializing', 'running']);
    expect(await client.queryNode(ref('box'))).toMatchObject({ status: 'stopped' });
  });

  it('refuses a child whose container is not on this Engine, and fails children of a container that failed to start', async () => {
    const { client, log } = await setup();
    await expect(client.startNode(child('orphan', 'nowhere'))).rejects.toMatchObject({ code: 'UNKNOWN_NODE', message: expect.stringMatching(/container nowhere .* is not initialized on this Engine/) });
    await client.initContainer({ ...ref('broken'), containerConfig: { simulateFailure: 'no network here', initDelayMs: 100 } });
    await client.startNode(child('inside', 'broken'));
    expect(await log.waitFor(() => log.statuses('broken').find((event) => event.status === 'failed'))).toMatchObject({
      errorCode: 'CONTAINER_FAILED',
      errorMessage: 'no network here',
    });
    expect(await log.ended('inside')).toMatchObject({ status: 'failed', errorCode: 'CONTAINER_FAILED', errorMessage: 'container broken is failed: no network here' });
  });

  it('stopTask stops every node of the task and tears its containers down', async () => {
    const { client, log } = await setup();
    await client.initContainer({ ...ref('c'), containerConfig: {} });
    await client.startNode({ ...ref('x'), agentLoad: 'hang', config: {}, parentId: 'c' });
    await client.startNode({ ...ref('y'), agentLoad: 'hang', config: {}, parentId: null });
    await log.waitFor(() => log.statuses().filter((event) => event.status === 'running').length === 3, 10_000, 'three running');
    await client.stopTask({ taskId: TASK, reason: 'exercise over' });
    expect(await log.ended('x')).toMatchObject({ status: 'stopped', errorMessage: 'exercise over' });
    expect(await log.ended('y')).toMatchObject({ status: 'stopped' });
    await log.waitFor(() => log.statuses('c').find((event) => event.status === 'stopped'), 10_000, 'c stopped');
  });
});
