import { afterEach, describe, expect, it } from 'vitest';
import type { EngineBalancer } from '../../../../src/main/core/engine/engine-balancer';
import { connectEnvironment } from '../../../../src/main/core/engine/env-engines';
import type { Store } from '../../../../src/main/core/store/store';
import type { StartNodeCommand } from '../../../../src/shared/engine/protocol';
import { ref, TASK, TOKEN, useEngines } from '../../../helpers/engine';
import { insertNode, insertTask } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';

const engines = useEngines();
const balancers: EngineBalancer[] = [];
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(balancers.splice(0).map((balancer) => balancer.close()));
  for (const store of stores.splice(0)) store.close();
});

const NODES = ['g1', 'g2', 'plain', 'lent', 'cuda'];

/** Two Engines of capacity 4: e1 advertises linux (and is lent fpga by the environment), e2 gpu and linux. */
async function skilledEnvironment() {
  const started = [await engines.engine({ id: 'e1', capacity: 4, skills: ['linux'] }), await engines.engine({ id: 'e2', capacity: 4, skills: ['gpu', 'linux'] })];
  const store = await openTestStore();
  stores.push(store);
  insertTask(store, TASK);
  insertNode(store, TASK, 'root', { type: 'container' });
  for (const nodeId of NODES) insertNode(store, TASK, nodeId, { parent: 'root' });
  const endpoints = started.map((engine, index) => ({
    name: `engine-${index + 1}`,
    url: engine.url.replace('http:', 'ws:'),
    token: TOKEN,
    ...(index === 0 ? { skills: ['fpga'] } : {}),
  }));
  store.run(store.kysely.insertInto('env_instance').values({ id: '7', env_name: 'lab', engines: JSON.stringify(endpoints), strategy: 'score', created_at: 1, updated_at: 1 }));
  const balancer = connectEnvironment(store, '7', { reconnectDelayMs: 20 });
  balancers.push(balancer);
  await Promise.all(balancer.clients().map((client) => client.whenConnected(10_000)));
  return { store, balancer };
}

const manual = (nodeId: string, requiredSkills?: string[]): StartNodeCommand => ({
  ...ref(nodeId),
  agentLoad: 'manual',
  config: {},
  parentId: null,
  ...(requiredSkills ? { requiredSkills } : {}),
});

describe('EngineBalancer with skills, under the score strategy', () => {
  it('places a node requiring a skill only on the Engine having it, records each choice with its score, and refuses skills nobody has', async () => {
    const { store, balancer } = await skilledEnvironment();
    expect(balancer.states().map((state) => state.skills)).toEqual([['linux', 'fpga'], ['gpu', 'linux']]);

    await balancer.startNode(manual('g1', ['gpu']));
    await balancer.startNode(manual('g2', ['gpu']));
    expect([balancer.engineOf(ref('g1')), balancer.engineOf(ref('g2'))]).toEqual(['e2', 'e2']);
    // e1 idle: 1·0.3 + 1·0.4 + 0.5·0.3 = 0.85; e2 two of four busy: 0.5·0.3 + 0.4 + 0.15 = 0.7.
    await balancer.startNode(manual('plain'));
    expect(balancer.engineOf(ref('plain'))).toBe('e1');
    await balancer.startNode(manual('lent', ['fpga']));
    expect(balancer.engineOf(ref('lent'))).toBe('e1');

    await expect(balancer.startNode(manual('cuda', ['gpu', 'cuda']))).rejects.toMatchObject({
      code: 'NO_ENGINE',
      message: expect.stringContaining('no connected Engine has skill(s) cuda'),
    });
    expect(balancer.engineOf(ref('cuda'))).toBeUndefined();

    const rows = store.all(store.kysely.selectFrom('node_assignment').selectAll().orderBy('node_id'));
    const byNode = new Map(rows.map((row) => [row.node_id, row]));
    expect([...byNode.keys()].sort()).toEqual(['g1', 'g2', 'lent', 'plain']);
    // g1: e2 alone, idle: 0.3 + 0.4 + 0.15.
    expect(byNode.get('g1')).toMatchObject({ engine_id: 'e2', strategy: 'score', batch: 1 });
    expect(byNode.get('g1')!.score).toBeCloseTo(0.85, 10);
    expect(JSON.parse(byNode.get('g1')!.candidates)).toEqual([{ engine: 'e2', score: expect.closeTo(0.85, 10) }]);
    // g2: e2 with one of four busy: 0.75·0.3 + 0.4 + 0.15.
    expect(byNode.get('g2')!.score).toBeCloseTo(0.775, 10);
    expect(byNode.get('plain')).toMatchObject({ engine_id: 'e1' });
    expect(JSON.parse(byNode.get('plain')!.candidates)).toEqual([
      { engine: 'e1', score: expect.closeTo(0.85, 10) },
      { engine: 'e2', score: expect.closeTo(0.7, 10) },
    ]);
    expect(byNode.get('lent')!.score).toBeCloseTo(0.775, 10);
  });

  it('an Engine asked to run a node whose skills it lacks refuses it with MISSING_SKILL', async () => {
    const engine = await engines.engine({ id: 'plain', skills: ['linux'] });
    const client = engines.client(engine.url);
    await client.connect();
    await expect(client.startNode(manual('g1', ['gpu']))).rejects.toMatchObject({ code: 'MISSING_SKILL', message: expect.stringContaining('lacks skill(s) gpu') });
    await client.close();
  });
});
