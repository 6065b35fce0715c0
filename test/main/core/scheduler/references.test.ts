import { afterEach, describe, expect, it } from 'vitest';
import type { NodeStatus } from '../../../../src/shared/status';
import { containsReference, isReference, resolveConfig, type ReferenceScope } from '../../../../src/main/core/scheduler/references';
import { harness, waitForTask, workflow, type Harness } from '../../../helpers/scheduler';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

function scope(nodes: Record<string, { status: NodeStatus; result?: unknown }>, variables: Record<string, unknown> = {}): ReferenceScope {
  return { variables: variables as ReferenceScope['variables'], node: (id) => (id in nodes ? { status: nodes[id]!.status, result: nodes[id]!.result } : undefined) };
}

describe('references in configs', () => {
  it('recognise exactly an object whose only key is "$ref"', () => {
    expect(isReference({ $ref: 'variables.side' })).toBe(true);
    expect(isReference({ $ref: ['nodes', 'a.b', 'result'] })).toBe(true);
    expect(isReference({ $ref: 'variables.side', note: 'x' })).toBe(false);
    expect(isReference({ var: 'variables.side' })).toBe(false);
    expect(isReference({ $ref: '' })).toBe(false);
    expect(containsReference({ a: [1, { b: { $ref: 'variables.x' } }] })).toBe(true);
    expect(containsReference({ a: [1, { b: { var: 'variables.x' } }] })).toBe(false);
  });

  it('resolve variables, results of ended nodes (deeply, array elements too) and statuses', () => {
    const resolved = resolveConfig(
      {
        side: { $ref: 'variables.side' },
        route: { $ref: 'nodes.recon.result.route' },
        first: { $ref: 'nodes.recon.result.waypoints.0' },
        whole: { $ref: 'nodes.recon.result' },
        status: { $ref: 'nodes.recon.status' },
        nested: [{ grid: { $ref: 'variables.grid.size' } }],
        dotted: { $ref: 'nodes.unit.7.result' },
        spelled: { $ref: ['nodes', 'unit.7', 'result'] },
        literal: { keep: 'as is' },
        nothing: { $ref: 'nodes.quiet.result' },
      },
      scope(
        {
          recon: { status: 'completed', result: { route: 'north', waypoints: ['w1', 'w2'] } },
          'unit.7': { status: 'failed', result: 'partial' },
          quiet: { status: 'completed', result: null },
        },
        { side: 'red', grid: { size: 9 } },
      ),
    );
    expect(resolved).toEqual({
      ok: true,
      config: {
        side: 'red',
        route: 'north',
        first: 'w1',
        whole: { route: 'north', waypoints: ['w1', 'w2'] },
        status: 'completed',
        nested: [{ grid: 9 }],
        dotted: 'partial',
        spelled: 'partial',
        literal: { keep: 'as is' },
        nothing: null,
      },
    });
  });

  it.each([
    [{ x: { $ref: 'variables.missing' } }, 'config x refers to "variables.missing", which does not exist: variables has no key "missing"'],
    [{ x: { $ref: 'nodes.ghost.result' } }, 'config x refers to "nodes.ghost.result", which names no node of this task'],
    [{ x: [{ $ref: 'nodes.recon.result.route' }] }, 'config x[0] refers to "nodes.recon.result.route", which is not available yet: node recon has not ended (it is running)'],
    [{ x: { $ref: 'nodes.done.result.route' } }, 'config x refers to "nodes.done.result.route", which does not exist: node done ended completed without a result'],
    [{ x: { $ref: 'nodes.list.result.5' } }, 'config x refers to "nodes.list.result.5", which does not exist: nodes.list.result has no element 5 (it has 2)'],
    [{ x: { $ref: 'nodes.list' } }, 'config x refers to "nodes.list", which names node list but not what of it: add .result or .status'],
    [{ x: { $ref: 'nodes.list.config' } }, 'config x refers to "nodes.list.config", which reads "config" of node list; only its result and status can be read'],
    [{ x: { $ref: 'env.HOME' } }, 'config x refers to "env.HOME", which is neither under "variables" nor under "nodes"'],
  ])('refuse a reference that names nothing: %j', (config, message) => {
    const outcome = resolveConfig(config as never, scope({ recon: { status: 'running' }, done: { status: 'completed' }, list: { status: 'completed', result: [1, 2] } }));
    expect(outcome).toEqual({ ok: false, message });
  });
});

describe('data between nodes', () => {
  it('hands an agent its config with references resolved when it starts, and keeps that config on its execution', async () => {
    h = await harness({ script: { recon: { result: { route: 'north', strength: 12 } } } });
    const { task_id } = h.scheduler.createTask(
      workflow(
        [
          { nodeId: 'recon' },
          {
            nodeId: 'strike',
            agentConfig: { route: { $ref: 'nodes.recon.result.route' }, side: { $ref: 'variables.side' }, units: 3 },
            dependencies: [{ sourceNodeId: 'recon', type: 'success' }],
          },
        ],
        { variables: { side: 'blue' } },
      ),
    );
    const commands: unknown[] = [];
    const original = h.engine.startNode.bind(h.engine);
    h.engine.startNode = (command) => {
      commands.push(command);
      return original(command);
    };
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(commands).toContainEqual(expect.objectContaining({ nodeId: 'strike', batch: 1, config: { route: 'north', side: 'blue', units: 3 }, parentId: 'root' }));
    const stored = h.store.first(h.store.kysely.selectFrom('node_execution').select('resolved_config').where('task_id', '=', task_id).where('node_id', '=', 'strike'))!;
    expect(JSON.parse(stored.resolved_config!)).toEqual({ route: 'north', side: 'blue', units: 3 });
  });

  it('fails a node whose reference cannot be resolved with UNRESOLVED_REFERENCE, never starting it', async () => {
    h = await harness({ script: { recon: { result: { route: 'north' } } } });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'recon' },
        { nodeId: 'strike', agentConfig: { target: { $ref: 'nodes.recon.result.target' } }, dependencies: [{ sourceNodeId: 'recon', type: 'success' }] },
        { nodeId: 'after', dependencies: [{ sourceNodeId: 'strike', type: 'success' }] },
      ]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    const strike = h.scheduler.queryNodes(task_id).find((node) => node.nodeId === 'strike')!;
    expect(strike).toMatchObject({
      status: 'failed',
      batch: 1,
      errorCode: 'UNRESOLVED_REFERENCE',
      errorMessage: 'config target refers to "nodes.recon.result.target", which does not exist: nodes.recon.result has no key "target"',
    });
    expect(h.engine.log.some((entry) => entry.startsWith('start strike'))).toBe(false);
    const execution = h.store.first(h.store.kysely.selectFrom('node_execution').selectAll().where('task_id', '=', task_id).where('node_id', '=', 'strike'))!;
    expect(execution).toMatchObject({ batch: 1, status: 'failed', error_code: 'UNRESOLVED_REFERENCE', resolved_config: null });
    expect(h.scheduler.queryNodes(task_id).find((node) => node.nodeId === 'after')!.status).toBe('skipped');
  });
});
