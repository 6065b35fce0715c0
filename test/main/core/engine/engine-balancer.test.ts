import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineBalancer } from '../../../../src/main/core/engine/engine-balancer';
import { connectEnvironment } from '../../../../src/main/core/engine/env-engines';
import type { Store } from '../../../../src/main/core/store/store';
import type { BalancingStrategy } from '../../../../src/shared/engine/endpoints';
import type { StartNodeCommand } from '../../../../src/shared/engine/protocol';
import { EventLog, ref, startSim, TASK, TOKEN, until, useEngines } from '../../../helpers/engine';
import { openTestStore } from '../../../helpers/store';

const engines = useEngines();
const balancers: EngineBalancer[] = [];
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(balancers.splice(0).map((balancer) => balancer.close()));
  for (const store of stores.splice(0)) store.close();
});

async function threeEngines(strategy: BalancingStrategy, options: { weights?: number[]; lostAfterMs?: number; proxied?: boolean; simOnlyThird?: boolean } = {}) {
  const started = await Promise.all(
    ['e1', 'e2', 'e3'].map((id, index) => engines.engine({ id, ...(options.simOnlyThird && index === 2 ? { catalogDir: null } : {}) })),
  );
  const proxies = options.proxied ? await Promise.all(started.map((engine) => engines.proxy(engine.port))) : [];
  const clients = started.map((engine, index) =>
    engines.client(proxies[index]?.url ?? engine.url, { name: `engine-${index + 1}`, lostAfterMs: options.lostAfterMs ?? 15_000 }),
  );
  await Promise.all(clients.map((client) => client.connect()));
  const balancer = new EngineBalancer(
    clients.map((client, index) => ({ client, weight: options.weights?.[index] ?? 1 })),
    strategy,
  );
  balancers.push(balancer);
  return { balancer, clients, engines: started, proxies, log: new EventLog(balancer) };
}

const manual = (nodeId: string): StartNodeCommand => ({ ...ref(nodeId), agentLoad: 'manual', config: {}, parentId: null });
const placed = (balancer: EngineBalancer, nodeIds: string[], batch = 1) => nodeIds.map((nodeId) => balancer.engineOf(ref(nodeId, batch)));

describe('EngineBalancer placement over three Engines', () => {
  it('round robin: in list order, and events name the Engine that ran each node', async () => {
    const { balancer, log } = await threeEngines('round_robin');
    const nodes = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (const nodeId of nodes) await balancer.startNode(startSim(nodeId));
    expect(placed(balancer, nodes)).toEqual(['e1', 'e2', 'e3', 'e1', 'e2', 'e3']);
    for (const nodeId of nodes) expect((await log.ended(nodeId)).engineId).toBe(balancer.engineOf(ref(nodeId)));
  });

  it('least connections: the Engine with the fewest running nodes, ties in turn', async () => {
    const { balancer, log } = await threeEngines('least_connections');
    for (const nodeId of ['m1', 'm2', 'm3']) await balancer.startNode(manual(nodeId));
    expect(placed(balancer, ['m1', 'm2', 'm3'])).toEqual(['e1', 'e2', 'e3']);
    await balancer.decideManual({ ...ref('m2'), approved: true, operator: 'op' });
    await log.ended('m2');
    await balancer.startNode(manual('m4'));
    await balancer.startNode(manual('m5'));
    await balancer.startNode(manual('m6'));
    expect(placed(balancer, ['m4', 'm5', 'm6'])).toEqual(['e2', 'e3', 'e1']);
    await balancer.decideManual({ ...ref('m1'), approved: true, operator: 'op' });
    await balancer.decideManual({ ...ref('m6'), approved: true, operator: 'op' });
    await log.ended('m1');
    await log.ended('m6');
    await balancer.startNode(manual('m7'));
    expect(balancer.engineOf(ref('m7'))).toBe('e1');
  });

  it('weighted (from an environment row): base weight × 1/(1 + active) picks 6, 4 and 2 of 12 long-running nodes for weights 3, 2, 1', async () => {
    const started = await Promise.all(['e1', 'e2', 'e3'].map((id) => engines.engine({ id })));
    const store = await openTestStore();
    stores.push(store);
    const endpoints = started.map((engine, index) => ({ name: `engine-${index + 1}`, url: engine.url.replace('http:', 'ws:'), token: TOKEN, weight: [3, 2, 1][index] }));
    store.run(
      store.kysely
        .insertInto('env_instance')
        .values({ id: '42', env_name: 'lab', engines: JSON.stringify(endpoints), strategy: 'weighted', created_at: 1, updated_at: 1 }),
    );
    const balancer = connectEnvironment(store, '42', { reconnectDelayMs: 20 });
    balancers.push(balancer);
    await Promise.all(balancer.clients().map((client) => client.whenConnected(10_000)));
    const nodes = Array.from({ length: 12 }, (_, index) => `w${index}`);
    for (const nodeId of nodes) await balancer.startNode(manual(nodeId));
    // Worked by hand: scores 3,2,1 → e1; 1.5,2,1 → e2; 1.5,1,1 → e1; 1,1,1 (tie, in turn after e1) → e2; 1,⅔,1 → e3; …
    expect(placed(balancer, nodes)).toEqual(['e1', 'e2', 'e1', 'e2', 'e3', 'e1', 'e1', 'e2', 'e1', 'e2', 'e3', 'e1']);
    const meta = store.first(store.kysely.selectFrom('agent_meta').select(['agent_kind', 'engine_ids']).where('agent_load', '=', 'red-team'));
    expect(meta?.agent_kind).toBe('sim');
    expect(JSON.parse(meta!.engine_ids as string).sort()).toEqual(['e1', 'e2', 'e3']);
  });

  it('places an agent only on Engines that offer its agent load, and says so when none does', async () => {
    const { balancer, log } = await threeEngines('round_robin', { simOnlyThird: true });
    const nodes = ['r1', 'r2', 'r3', 'r4'];
    for (const nodeId of nodes) await balancer.startNode({ ...startSim(nodeId), agentLoad: 'red-team', config: { durationMs: 0 } });
    expect(placed(balancer, nodes)).toEqual(['e1', 'e2', 'e1', 'e2']);
    await balancer.startNode(startSim('s1'));
    expect(balancer.engineOf(ref('s1'))).toBe('e3');
    await expect(balancer.startNode({ ...startSim('x'), agentLoad: 'teleporter' })).rejects.toMatchObject({
      code: 'NO_ENGINE',
      message: expect.stringMatching(/^no connected Engine offers agent "teleporter"/),
    });
    for (const nodeId of [...nodes, 's1']) expect((await log.ended(nodeId)).status).toBe('completed');
  });

  it('children follow their container; the root container spans Engines and is reported once', async () => {
    const { balancer, log, engines: started } = await threeEngines('round_robin');
    expect(balancer.taskEngineUrl(TASK)).toBeNull();
    const agents = ['a1', 'a2', 'a3', 'a4'];
    const direct = ['c1', 'c2', 'c3'];
    await balancer.submitTask({
      requestType: 1,
      taskId: TASK,
      body: [
        { id: 'root', isBox: true, father: null, isRoot: true, containerConfig: {} },
        { id: 'box', isBox: true, father: 'root', isRoot: false, containerConfig: {} },
        ...agents.map((id) => ({ id, isBox: false, father: 'box', isRoot: false, agentLoad: 'sim', agentConfig: {} })),
        ...direct.map((id) => ({ id, isBox: false, father: 'root', isRoot: false, agentLoad: 'sim', agentConfig: {} })),
      ],
    });
    // Submitted to every connected Engine; the task records the first one's URL.
    expect(balancer.taskEngineUrl(TASK)).toBe(started[0]!.url);
    await balancer.initContainer({ ...ref('root'), containerConfig: {} });
    await log.waitFor(() => log.statuses('root').some((event) => event.status === 'running'), 10_000, 'root running');
    await balancer.initContainer({ ...ref('box'), containerConfig: {} });
    await log.waitFor(() => log.statuses('box').some((event) => event.status === 'running'), 10_000, 'box running');
    for (const nodeId of agents) await balancer.startNode({ ...startSim(nodeId), parentId: 'box' });
    for (const nodeId of direct) await balancer.startNode({ ...startSim(nodeId), parentId: 'root' });
    for (const nodeId of [...agents, ...direct]) expect((await log.ended(nodeId)).status).toBe('completed');

    const box = balancer.engineOf(ref('box'));
    expect(placed(balancer, agents)).toEqual([box, box, box, box]);
    expect(new Set([...placed(balancer, direct), box, balancer.engineOf(ref('root'))])).toEqual(new Set(['e1', 'e2', 'e3']));
    expect(log.statuses('root').map((event) => `${event.engineId}:${event.status}`)).toEqual([
      `${balancer.engineOf(ref('root'))}:initializing`,
      `${balancer.engineOf(ref('root'))}:running`,
    ]);
  });
});

describe('EngineBalancer when an Engine is lost mid-run', () => {
  it('reports the lost Engine’s nodes failed with ENGINE_LOST, places their retries elsewhere, and stops the orphans when it returns', async () => {
    const { balancer, clients, engines: started, proxies, log } = await threeEngines('round_robin', { lostAfterMs: 400, proxied: true });
    for (const nodeId of ['n1', 'n2', 'n3']) await balancer.startNode(startSim(nodeId, { durationMs: 60_000 }));
    expect(placed(balancer, ['n1', 'n2', 'n3'])).toEqual(['e1', 'e2', 'e3']);
    await log.waitFor(() => log.statuses().filter((event) => event.status === 'running').length === 3, 10_000, 'three running');

    proxies[1]!.block();
    const lost = await log.ended('n2');
    expect(lost).toMatchObject({ status: 'failed', errorCode: 'ENGINE_LOST', engineId: 'e2' });
    expect(lost.errorMessage).toMatch(/^Engine engine-2 lost: unreachable for 400 ms/);
    expect(clients[1]!.state()).toMatchObject({ status: 'down', refused: false });
    expect(balancer.freeCapacity()).toBe(2 * 64 - 2);

    await balancer.startNode(startSim('n2', { durationMs: 0 }, 2));
    expect(['e1', 'e3']).toContain(balancer.engineOf(ref('n2', 2)));
    expect(await log.ended('n2', 2)).toMatchObject({ status: 'completed' });
    expect(log.statuses('n1').map((event) => event.status)).toEqual(['running']);
    expect(log.statuses('n3').map((event) => event.status)).toEqual(['running']);

    proxies[1]!.unblock();
    await until((wake) => clients[1]!.onState(wake), () => clients[1]!.status === 'connected', 20_000, 'e2 back');
    await vi.waitFor(() => expect(started[1]!.running()).toBe(0), { timeout: 10_000, interval: 50 });
    expect(log.statuses('n2').filter((event) => event.batch === 1).map((event) => event.status)).toEqual(['running', 'failed']);
  });

  it('keeps the spanning root container alive when its home Engine is lost while another still holds it', async () => {
    const { balancer, proxies, log } = await threeEngines('round_robin', { lostAfterMs: 400, proxied: true });
    await balancer.submitTask({
      requestType: 1,
      taskId: TASK,
      body: [
        { id: 'root', isBox: true, father: null, isRoot: true, containerConfig: {} },
        ...['x1', 'x2', 'x3'].map((id) => ({ id, isBox: false, father: 'root', isRoot: false, agentLoad: 'sim', agentConfig: {} })),
      ],
    });
    await balancer.initContainer({ ...ref('root'), containerConfig: {} });
    await log.waitFor(() => log.statuses('root').some((event) => event.status === 'running'), 10_000, 'root running');
    expect(balancer.engineOf(ref('root'))).toBe('e1');
    for (const nodeId of ['x1', 'x2', 'x3']) await balancer.startNode({ ...startSim(nodeId, { durationMs: 60_000 }), parentId: 'root' });
    expect(placed(balancer, ['x1', 'x2', 'x3'])).toEqual(['e2', 'e3', 'e1']);
    await log.waitFor(() => ['x1', 'x2', 'x3'].every((nodeId) => log.statuses(nodeId).length > 0), 10_000, 'children running');

    proxies[0]!.block();
    expect(await log.ended('x3')).toMatchObject({ status: 'failed', errorCode: 'ENGINE_LOST' });
    expect(log.statuses('root').map((event) => event.status)).toEqual(['initializing', 'running']);
    expect(balancer.engineOf(ref('root'))).toBe('e2');
    expect(log.statuses('x1').map((event) => event.status)).toEqual(['running']);
  });
});
