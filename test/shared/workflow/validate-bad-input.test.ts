import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, scanJsonValue } from '../../../src/shared/workflow/json-scan';
import { WORKFLOW_PROBLEM as P } from '../../../src/shared/workflow/problem-codes';
import { WORKFLOW_LIMITS } from '../../../src/shared/workflow/limits';
import { buildTree } from '../../../src/shared/workflow/tree';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { agent, codes, container, deepChain, errors, flat, wideWorkflow, workflow } from '../../helpers/workflow';

function nested(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
}

describe('validateWorkflow on hostile and extreme input', () => {
  it('rejects NaN and Infinity from JavaScript callers, with the path of each', () => {
    const result = validateWorkflow(
      workflow([container('root'), agent('a', 'root', { timeoutMs: Number.NaN, agentConfig: { rate: Infinity, list: [1, -Infinity] } }), agent('b', 'root', { layout: { x: Number.NaN, y: 0 } })]),
    );
    expect(result.ok).toBe(false);
    expect(errors(result).map((problem) => [problem.code, problem.path.join('.')])).toEqual([
      [P.notFinite, 'nodes.1.timeoutMs'],
      [P.notFinite, 'nodes.1.agentConfig.rate'],
      [P.notFinite, 'nodes.1.agentConfig.list.1'],
      [P.notFinite, 'nodes.2.layout.x'],
    ]);
    expect(errors(result)[0]!.message).toBe('NaN is not a number JSON can hold; use a finite number');
  });

  it('refuses __proto__ keys and leaves Object.prototype untouched', () => {
    const text = '{"name":"w","nodes":[{"nodeId":"r","nodeType":"container","__proto__":{"polluted":1}},{"nodeId":"a","nodeType":"agent","parentId":"r","agentLoad":"sim","agentConfig":{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":2}}}}]}';
    const result = validateWorkflow(JSON.parse(text));
    expect(errors(result).map((problem) => [problem.code, problem.path.join('.')])).toEqual([
      [P.forbiddenKey, 'nodes.0.__proto__'],
      [P.forbiddenKey, 'nodes.1.agentConfig.__proto__'],
    ]);
    expect(errors(result)[0]!.message).toMatch(/"__proto__" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('handles constructor and prototype as plain data and as node ids', () => {
    const result = validateWorkflow(
      workflow([
        container('constructor', { containerConfig: { constructor: 1, prototype: { toString: 'x' } } }),
        agent('__proto__', 'constructor'),
        agent('hasOwnProperty', 'constructor', { dependencies: [{ sourceNodeId: '__proto__' }] }),
        agent('toString', 'constructor', { dependencies: [{ sourceNodeId: 'hasOwnProperty', condition: { '==': [{ var: 'result.constructor' }, 1] } }] }),
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.definition!.nodes[0]!.children).toEqual(['__proto__', 'hasOwnProperty', 'toString']);
    expect(result.definition!.nodes[0]!.containerConfig).toEqual({ constructor: 1, prototype: { toString: 'x' } });
    expect(Object.getPrototypeOf(result.definition!.nodes[0]!.containerConfig)).toBe(Object.prototype);
  });

  it('accepts CJK and emoji ids and names, and quotes them in messages', () => {
    const result = validateWorkflow(
      workflow([container('推演', { containerName: '红蓝对抗 🟥🟦' }), agent('红方-侦察', '推演', { name: '侦察 🛰️' }), agent('蓝方🛡️', '推演', { dependencies: [{ sourceNodeId: '红方-侦察' }] })]),
    );
    expect(result.problems).toEqual([]);
    expect(result.definition!.nodes.map((node) => node.nodeId)).toEqual(['推演', '红方-侦察', '蓝方🛡️']);
    const broken = validateWorkflow(flat(['蓝方🛡️', { dependencies: [{ sourceNodeId: '不存在' }] }]));
    expect(errors(broken)[0]!.message).toBe('depends on "不存在", but no node has that id');
  });

  it('refuses control characters in ids', () => {
    const result = validateWorkflow(flat(['bad\u0000id']));
    expect(errors(result)).toEqual([expect.objectContaining({ path: ['nodes', 1, 'nodeId'], message: 'must not contain control characters' })]);
  });

  it('refuses 10,000 levels of nested JSON with one clear error, without a stack overflow', () => {
    const text = `{"name":"w","nodes":[{"nodeId":"r","nodeType":"container"},{"nodeId":"a","nodeType":"agent","parentId":"r","agentLoad":"sim","agentConfig":{"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}}]}`;
    const result = validateWorkflow(JSON.parse(text));
    expect(codes(errors(result))).toEqual([P.tooDeep]);
    expect(errors(result)[0]!.message).toBe(`nested deeper than ${MAX_JSON_DEPTH} levels; flatten it`);
    expect(errors(result)[0]!.path.slice(0, 5)).toEqual(['nodes', 1, 'agentConfig', 'x', 0]);
    expect(codes(errors(validateWorkflow(nested(10_000))))).toEqual([P.tooDeep, P.schema, P.schema]);
  });

  it('accepts a container chain as deep as the nesting limit, with the depth of every node', () => {
    const limit = WORKFLOW_LIMITS.nestingDepth;
    const result = validateWorkflow(deepChain(limit));
    expect(result.problems).toEqual([]);
    const tree = buildTree(result.definition!);
    expect(tree.depth.get('leaf')).toBe(limit);
    expect(tree.levels).toHaveLength(limit + 1);
    expect(tree.ancestors('leaf')).toHaveLength(limit);
    expect(tree.isAncestor('c0', 'leaf')).toBe(true);
  });

  it('refuses nesting one level past the limit, and a 10,000-deep chain, with one error naming the node and the limit', () => {
    const limit = WORKFLOW_LIMITS.nestingDepth;
    const over = validateWorkflow(deepChain(limit + 1));
    expect(errors(over)).toEqual([
      expect.objectContaining({
        code: P.tooDeeplyNested,
        nodeId: 'leaf',
        path: ['nodes', limit + 1, 'parentId'],
        message: `"leaf" is nested ${limit + 1} levels below the root; the nesting depth limit is ${limit} levels. Flatten the workflow`,
      }),
    ]);
    const deep = validateWorkflow(deepChain(10_000));
    expect(codes(errors(deep))).toEqual([P.tooDeeplyNested]);
    expect(errors(deep)[0]).toMatchObject({ nodeId: `c${limit + 1}` });
  });

  it('finds a dependency on the root from the bottom of the deepest chain allowed', () => {
    const definition = deepChain(WORKFLOW_LIMITS.nestingDepth);
    definition.nodes[definition.nodes.length - 1]!.dependencies = [{ sourceNodeId: 'c0', type: 'finish' }];
    expect(codes(errors(validateWorkflow(definition)))).toEqual([P.dependsOnAncestor]);
  });

  it('validates as many nodes as the limit allows in linear time', () => {
    const started = performance.now();
    const result = validateWorkflow(wideWorkflow(WORKFLOW_LIMITS.nodes - 1));
    const elapsed = performance.now() - started;
    expect(result.ok).toBe(true);
    expect(result.definition!.nodes).toHaveLength(WORKFLOW_LIMITS.nodes);
    expect(elapsed).toBeLessThan(15_000);
  });

  it('refuses one node more than the limit before looking at any of them', () => {
    const result = validateWorkflow(wideWorkflow(WORKFLOW_LIMITS.nodes));
    expect(result.problems).toEqual([
      expect.objectContaining({ code: P.tooManyNodes, path: ['nodes'], message: 'the workflow has 100,001 nodes; the limit is 100,000 nodes per workflow. Split it into several workflows' }),
    ]);
  });

  it('names a 20,000-node dependency cycle briefly', () => {
    const definition = wideWorkflow(20_000);
    definition.nodes[1]!.dependencies = [{ sourceNodeId: 'n19999', type: 'success' }];
    const result = validateWorkflow(definition);
    expect(codes(errors(result))).toEqual([P.dependencyCycle]);
    expect(errors(result)[0]!.message).toMatch(/^dependency cycle: "n0" → "n1" → .* … 19989 more … → "n19998" → "n19999" → "n0"/);
    expect(errors(result)[0]!.message.length).toBeLessThan(300);
  });

  it('refuses circular references, values JSON cannot hold and objects that are not plain data', () => {
    const config: Record<string, unknown> = { when: new Date(0), tags: new Set(['a']), big: 10n, run: () => 1, sym: Symbol('s'), inst: new (class Widget {})() };
    config.self = config;
    const holes = [1, , 3]; // eslint-disable-line no-sparse-arrays -- a hole is what is being tested
    const result = validateWorkflow(flat(['a', { agentConfig: config }], ['b', { agentConfig: { holes, gap: [undefined] } }]));
    const found = Object.fromEntries(errors(result).map((problem) => [problem.path.slice(3).join('.'), [problem.code, problem.message]]));
    expect(found).toEqual({
      when: [P.notJson, 'is a Date (write it as an ISO 8601 string), not plain data'],
      tags: [P.notJson, 'is a Set (use an array), not plain data'],
      big: [P.notJson, 'is a bigint; JSON holds numbers (or write large ids as decimal strings)'],
      run: [P.notJson, 'is a function; a definition holds data only'],
      sym: [P.notJson, 'is a symbol; a definition holds data only'],
      inst: [P.notJson, 'is an instance of Widget, not plain data'],
      self: [P.circular, expect.stringMatching(/circular reference/)],
      'holes.1': [P.notJson, 'is a hole in a sparse array; JSON arrays have no holes'],
      'gap.0': [P.notJson, 'is undefined; JSON arrays cannot hold undefined (use null)'],
    });
  });

  it('never calls getters and survives proxies that throw', () => {
    let called = 0;
    const getter = { enumerable: true, get: () => (called++, 'sim') };
    const sneaky = Object.defineProperty({ nodeId: 'a', nodeType: 'agent', parentId: 'root' }, 'agentLoad', getter);
    const sneakyTop = Object.defineProperty({ nodes: [container('r')] }, 'name', getter);
    const sneakyNodes = Object.defineProperty({ name: 'w' }, 'nodes', getter);
    const sneakyId = Object.defineProperty({ nodeType: 'agent', parentId: 'root', agentLoad: 'sim' }, 'nodeId', getter);
    const sneakyElement = Object.defineProperty([container('root')], 1, getter);
    const trap = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap sprung');
        },
      },
    );
    const result = validateWorkflow(workflow([container('root'), sneaky as never, agent('b', 'root', { agentConfig: trap })]));
    expect(errors(validateWorkflow(sneakyTop))).toEqual([expect.objectContaining({ path: ['name'], message: 'is a getter or setter; a definition holds plain data only' })]);
    expect(errors(validateWorkflow(workflow([container('root'), sneakyId as never]))).map((problem) => problem.path)).toEqual([['nodes', 1, 'nodeId']]);
    expect(errors(validateWorkflow({ name: 'w', nodes: sneakyElement })).map((problem) => problem.path)).toEqual([['nodes', 1]]);
    expect(errors(validateWorkflow(sneakyNodes)).map((problem) => problem.path)).toEqual([['nodes']]);
    expect(called).toBe(0);
    expect(result.ok).toBe(false);
    expect(errors(result)[0]).toMatchObject({ path: ['nodes', 1, 'agentLoad'], message: 'is a getter or setter; a definition holds plain data only' });
    expect(codes(errors(result))).toContain(P.unreadable);
    expect(errors(result).find((problem) => problem.code === P.unreadable)!.message).toBe('could not be read: trap sprung');
    const whole = validateWorkflow(trap);
    expect(codes(whole.problems)).toEqual([P.unreadable]);
  });

  it('refuses a huge sparse array at once, and stops listing bad values after 10,000', () => {
    const started = performance.now();
    const sparse = validateWorkflow({ name: 'w', nodes: new Array(50_000_000) });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(sparse.problems).toEqual([expect.objectContaining({ code: P.tooManyNodes, message: expect.stringMatching(/has 50,000,000 nodes; the limit is 100,000/) })]);
    const values = validateWorkflow({ name: 'w', nodes: [container('root')], variables: { many: new Array(50_000_000) } });
    expect(values.problems).toEqual([expect.objectContaining({ code: P.tooLarge, message: expect.stringMatching(/more than 10,000,000 values/) })]);
    const nans = validateWorkflow(flat(['a', { agentConfig: { samples: new Array(20_000).fill(Number.NaN) } }]));
    expect(nans.problems).toHaveLength(10_001);
    expect(nans.problems[10_000]).toMatchObject({ code: P.tooLarge, message: 'the data holds more than 10,000 problems; the check stopped there' });
  });

  it('returns 250,000 problems without overflowing the stack', () => {
    const result = validateWorkflow(flat(['a', { activation: { or: new Array(250_000).fill({ nope: 1 }) } }]));
    expect(result.problems).toHaveLength(250_000);
    expect(new Set(codes(result.problems))).toEqual(new Set([P.invalidLogic]));
  });

  it('asks JavaScript callers to leave a property out rather than set it to undefined in free JSON', () => {
    const result = validateWorkflow(flat(['a', { agentConfig: { retries: undefined }, timeoutMs: undefined }]));
    expect(errors(result)).toEqual([expect.objectContaining({ path: ['nodes', 1, 'agentConfig', 'retries'], message: 'must not be undefined; leave the property out instead' })]);
  });

  it('stops on a value shared so often it would expand without end', () => {
    let shared: unknown = 1;
    for (let level = 0; level < 60; level++) shared = [shared, shared];
    const scan = scanJsonValue({ shared }, { maxValues: 50_000 });
    expect(scan.aborted).toBe(true);
    expect(scan.problems).toEqual([expect.objectContaining({ code: P.tooLarge, message: expect.stringMatching(/more than 50,000 values/) })]);
  });
});
