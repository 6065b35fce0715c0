import { describe, expect, it } from 'vitest';
import { WORKFLOW_PROBLEM as P } from '../../../src/shared/workflow/problem-codes';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { agent, codes, container, containerDeadlock, errors, EXAMPLE_FILES, exampleText, flat, warnings, workflow } from '../../helpers/workflow';

describe('validateWorkflow: valid definitions', () => {
  it.each(EXAMPLE_FILES)('accepts the example %s without errors or warnings', (file) => {
    const result = validateWorkflow(JSON.parse(exampleText(file)));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.definition!.nodes.length).toBeGreaterThan(8);
  });

  it('normalizes: parentId and children both filled, defaults applied, key order fixed', () => {
    const result = validateWorkflow({
      name: 'w',
      nodes: [
        { nodeId: 'root', nodeType: 'container' },
        { nodeId: 'box', nodeType: 'container', parentId: 'root', children: ['a'] },
        { nodeId: 'a', nodeType: 'agent', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'b' }] },
        { nodeId: 'b', nodeType: 'agent', agentLoad: 'sim', parentId: 'root' },
      ],
    });
    expect(result.problems).toEqual([]);
    const defaults = { dependencies: [], join: 'all', priority: 0 };
    expect(result.definition).toEqual({
      name: 'w',
      variables: {},
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true, parentId: null, children: ['box', 'b'], ...defaults },
        { nodeId: 'box', nodeType: 'container', isRoot: false, parentId: 'root', children: ['a'], ...defaults },
        { nodeId: 'a', nodeType: 'agent', isRoot: false, parentId: 'box', children: [], agentLoad: 'sim', ...defaults, dependencies: [{ sourceNodeId: 'b', type: 'finish' }] },
        { nodeId: 'b', nodeType: 'agent', isRoot: false, parentId: 'root', children: [], agentLoad: 'sim', ...defaults },
      ],
    });
    expect(Object.keys(result.definition!.nodes[2]!)).toEqual(['nodeId', 'nodeType', 'isRoot', 'parentId', 'children', 'agentLoad', 'dependencies', 'join', 'priority']);
  });

  it('applies backoff defaults and keeps every optional setting', () => {
    const result = validateWorkflow(
      flat([
        'a',
        {
          name: 'A',
          retry: { maxRetries: 2, backoff: {} },
          timeoutMs: 5000,
          pin: { at: '2026-05-01T08:00:00+08:00' },
          activation: { '==': [{ var: 'variables.go' }, true] },
          layout: { x: 1, y: 2 },
          priority: -3,
          join: 'all',
        },
      ]),
    );
    expect(result.problems).toEqual([]);
    const node = result.definition!.nodes[1]!;
    expect(node.retry).toEqual({ maxRetries: 2, backoff: { initialMs: 1000, factor: 2, maxMs: 60_000 } });
    expect(node).toMatchObject({ name: 'A', timeoutMs: 5000, pin: { at: '2026-05-01T08:00:00+08:00' }, layout: { x: 1, y: 2 }, priority: -3 });
  });

  it('takes the root from the one parentless node when no node says isRoot', () => {
    const result = validateWorkflow(workflow([agent('a', 'top'), container('top')]));
    expect(result.ok).toBe(true);
    expect(result.definition!.nodes.find((node) => node.isRoot)!.nodeId).toBe('top');
  });
});

describe('validateWorkflow: schema errors', () => {
  it('reports every schema problem of every node, each with its path', () => {
    const result = validateWorkflow({
      name: '',
      version: 1.5,
      nodes: [
        container('root'),
        { nodeId: 'a', nodeType: 'robot', parentId: 'root' },
        agent('b', 'root', { timeoutMs: -1, priority: 'high' }),
        agent('c', 'root', { dependencies: [{ sourceNodeId: 'b', type: 'whenever' }] }),
        agent('d', 'root', { pin: { at: 'tomorrow' } }),
      ],
    });
    expect(result.ok).toBe(false);
    const byPath = Object.fromEntries(errors(result).map((problem) => [problem.path.join('/'), problem.message]));
    expect(byPath).toMatchObject({
      name: 'must not be empty',
      version: expect.stringMatching(/text or a whole number/),
      'nodes/1/nodeType': 'must be one of "container", "agent", not "robot"',
      'nodes/2/timeoutMs': 'must be more than 0',
      'nodes/2/priority': 'must be a number, not "high"',
      'nodes/3/dependencies/0/type': expect.stringMatching(/one of "finish", "success", "failure", "any"/),
      'nodes/4/pin/at': expect.stringMatching(/ISO 8601/),
    });
    expect(result.problems.every((problem) => problem.message.length > 5)).toBe(true);
  });

  it('still checks the graph around a node whose other fields are wrong', () => {
    const result = validateWorkflow(flat(['a', { timeoutMs: 0 }], ['b', { dependencies: [{ sourceNodeId: 'a' }, { sourceNodeId: 'ghost' }] }]));
    expect(codes(errors(result))).toEqual([P.schema, P.unknownDependency]);
  });

  it('does not report references to a node that is itself broken as unknown', () => {
    const result = validateWorkflow(flat(['a', { nodeType: 'nonsense' }], ['b', { dependencies: [{ sourceNodeId: 'a' }] }]));
    expect(codes(errors(result))).toEqual([P.schema]);
  });

  it('refuses input that is not an object, and nodes that are not a list of objects', () => {
    expect(codes(validateWorkflow([]).problems)).toEqual([P.notAnObject]);
    expect(codes(validateWorkflow(null).problems)).toEqual([P.notAnObject]);
    expect(validateWorkflow('{"name":"x"}').problems[0]!.message).toBe('a workflow definition must be an object with "name" and "nodes", not "{\\"name\\":\\"x\\"}"');
    expect(validateWorkflow({ name: 'x' }).problems).toEqual([expect.objectContaining({ path: ['nodes'], message: expect.stringMatching(/is required/) })]);
    expect(validateWorkflow({ name: 'x', nodes: [] }).problems).toEqual([expect.objectContaining({ path: ['nodes'], message: expect.stringMatching(/must not be empty/) })]);
    expect(errors(validateWorkflow({ name: 'x', nodes: [container('r'), 7] }))).toEqual([
      expect.objectContaining({ path: ['nodes', 1], message: 'each node must be an object, not 7' }),
    ]);
  });

  it('warns about properties it does not know instead of dropping them silently', () => {
    const result = validateWorkflow(workflow([container('root'), agent('a', 'root', { dependancies: [], retry: { maxRetries: 1, tries: 3 } })], { author: 'me' }));
    expect(result.ok).toBe(true);
    expect(warnings(result).map((problem) => problem.path)).toEqual([['author'], ['nodes', 1, 'dependancies'], ['nodes', 1, 'retry', 'tries']]);
    expect(result.definition!.nodes[1]).not.toHaveProperty('dependancies');
  });
});

describe('validateWorkflow: the tree', () => {
  it('reports duplicate node ids, pointing at the first use', () => {
    const result = validateWorkflow(flat(['a'], ['a']));
    expect(errors(result)).toEqual([expect.objectContaining({ code: P.duplicateNodeId, path: ['nodes', 2, 'nodeId'], message: expect.stringMatching(/"a" is already used by nodes\[1\]/) })]);
  });

  it('reports no root', () => {
    const result = validateWorkflow(workflow([container('a', { parentId: 'b' }), container('b', { parentId: 'a' })]));
    expect(codes(errors(result))).toEqual([P.noRoot, P.parentCycle]);
  });

  it('reports several roots, naming all of them', () => {
    const result = validateWorkflow(workflow([container('r1', { isRoot: true }), container('r2', { isRoot: true }), agent('a', 'r1')]));
    expect(codes(errors(result))).toEqual([P.multipleRoots, P.multipleRoots]);
    expect(errors(result)[0]!.message).toMatch(/one of 2 roots \("r1", "r2"\)/);
  });

  it('requires the root to be a container', () => {
    const result = validateWorkflow(workflow([agent('only', undefined, { isRoot: true })]));
    expect(errors(result)).toEqual([expect.objectContaining({ code: P.rootNotContainer, path: ['nodes', 0, 'nodeType'] })]);
  });

  it('reports a node without a parent beside the root, and isRoot false without a parent', () => {
    const result = validateWorkflow(workflow([container('root', { isRoot: true }), agent('stray', undefined), agent('lost', undefined, { isRoot: false })]));
    expect(errors(result).map((problem) => [problem.code, problem.nodeId])).toEqual([
      [P.orphan, 'lost'],
      [P.orphan, 'stray'],
    ]);
  });

  it('reports a root with a parent', () => {
    const result = validateWorkflow(workflow([container('root'), container('inner', { parentId: 'root', isRoot: true }), agent('a', 'inner')]));
    expect(codes(errors(result))).toContain(P.rootWithParent);
  });

  it('reports a parent that is an agent, from either end', () => {
    const byParentId = validateWorkflow(flat(['a'], ['b', { parentId: 'a' }]));
    expect(errors(byParentId)).toEqual([expect.objectContaining({ code: P.parentNotContainer, path: ['nodes', 2, 'parentId'] })]);
    const byChildren = validateWorkflow(workflow([container('root', { children: ['a'] }), agent('a', undefined, { children: ['b'] }), agent('b', undefined)]));
    expect(errors(byChildren)).toEqual([expect.objectContaining({ code: P.parentNotContainer, path: ['nodes', 1, 'children'] })]);
  });

  it('reports parentId and children that disagree', () => {
    const result = validateWorkflow(
      workflow([container('root', { children: ['x', 'y'] }), container('x', { parentId: 'root', children: [] }), agent('y', 'x'), agent('z', 'root')]),
    );
    const mismatches = errors(result).filter((problem) => problem.code === P.parentMismatch);
    expect(mismatches.map((problem) => problem.nodeId)).toEqual(['y', 'z']);
    expect(mismatches[0]!.message).toMatch(/parentId is "x", but "root" lists this node among its children/);
    expect(mismatches[1]!.message).toMatch(/the children of "root" do not list this node/);
  });

  it('reports a node listed by two containers, twice by one, or parentId null against a children list', () => {
    const result = validateWorkflow(
      workflow([container('root', { children: ['p', 'q', 'a'] }), container('p', { children: ['a', 'a'] }), container('q', { children: ['a'] }), agent('a', undefined, { parentId: null })]),
    );
    expect(codes(errors(result))).toEqual([P.childOfTwo, P.childListedTwice, P.childOfTwo, P.parentMismatch]);
  });

  it('reports unknown parents and children', () => {
    const result = validateWorkflow(workflow([container('root', { children: ['ghost'] }), agent('a', 'phantom')]));
    expect(errors(result).map((problem) => [problem.code, problem.path])).toEqual([
      [P.unknownChild, ['nodes', 0, 'children', 0]],
      [P.unknownParent, ['nodes', 1, 'parentId']],
    ]);
  });

  it('reports parent cycles, naming the containers on them', () => {
    const result = validateWorkflow(
      workflow([container('root'), container('a', { parentId: 'c' }), container('b', { parentId: 'a' }), container('c', { parentId: 'b' }), agent('x', 'a'), container('self', { parentId: 'self' })]),
    );
    const cycles = errors(result).filter((problem) => problem.code === P.parentCycle);
    expect(cycles.map((problem) => problem.message)).toEqual([
      '"self" is its own parent',
      'containers nest in a cycle: "a" → "b" → "c" → "a" (each holds the next), so none of them hangs from the root',
    ]);
  });

  it('warns about an empty container', () => {
    const result = validateWorkflow(workflow([container('root'), container('empty', { parentId: 'root' }), agent('a', 'root')]));
    expect(result.ok).toBe(true);
    expect(warnings(result)).toEqual([expect.objectContaining({ code: P.emptyContainer, nodeId: 'empty' })]);
  });
});

describe('validateWorkflow: dependencies', () => {
  it('reports unknown sources and self-dependencies', () => {
    const result = validateWorkflow(flat(['a', { dependencies: [{ sourceNodeId: 'a' }, { sourceNodeId: 'nobody' }] }]));
    expect(errors(result).map((problem) => [problem.code, problem.path])).toEqual([
      [P.selfDependency, ['nodes', 1, 'dependencies', 0, 'sourceNodeId']],
      [P.unknownDependency, ['nodes', 1, 'dependencies', 1, 'sourceNodeId']],
    ]);
  });

  it('names the nodes on a dependency cycle', () => {
    const result = validateWorkflow(
      flat(['a', { dependencies: [{ sourceNodeId: 'c' }] }], ['b', { dependencies: [{ sourceNodeId: 'a' }] }], ['c', { dependencies: [{ sourceNodeId: 'b', type: 'finish' }] }], ['d', { dependencies: [{ sourceNodeId: 'c' }] }]),
    );
    expect(errors(result)).toEqual([
      expect.objectContaining({ code: P.dependencyCycle, message: 'dependency cycle: "a" → "b" → "c" → "a" (each waits for the one before it, so none can start)', path: ['nodes', 2, 'dependencies', 0] }),
    ]);
  });

  it('reports each separate cycle once', () => {
    const result = validateWorkflow(
      flat(['a', { dependencies: [{ sourceNodeId: 'b' }] }], ['b', { dependencies: [{ sourceNodeId: 'a' }] }], ['x', { dependencies: [{ sourceNodeId: 'y' }] }], ['y', { dependencies: [{ sourceNodeId: 'x' }] }]),
    );
    expect(codes(errors(result))).toEqual([P.dependencyCycle, P.dependencyCycle]);
  });

  it('reports a node depending on its own container, and a container on what it holds', () => {
    const result = validateWorkflow(
      workflow([container('root'), container('box', { parentId: 'root', dependencies: [{ sourceNodeId: 'deep' }] }), container('inner', { parentId: 'box' }), agent('deep', 'inner', { dependencies: [{ sourceNodeId: 'box', type: 'finish' }] })]),
    );
    expect(errors(result).map((problem) => [problem.code, problem.nodeId])).toEqual([
      [P.dependsOnDescendant, 'box'],
      [P.dependsOnAncestor, 'deep'],
    ]);
  });

  it('finds a deadlock that only closes through containers', () => {
    const result = validateWorkflow(containerDeadlock());
    expect(errors(result)).toEqual([
      expect.objectContaining({
        code: P.deadlock,
        path: ['nodes', 1, 'dependencies', 0],
        message: 'deadlock through containers: "B" → "A" → "a1" → "b1" → "B" (each can only go after the one before it, so none of them can go first)',
      }),
    ]);
  });

  it('lets an unconditional any edge through where a waiting edge would deadlock, with a warning', () => {
    const result = validateWorkflow(workflow([container('root'), container('box', { parentId: 'root' }), agent('a', 'box', { dependencies: [{ sourceNodeId: 'box', type: 'any' }] })]));
    expect(result.ok).toBe(true);
    expect(codes(warnings(result))).toEqual([P.redundantAnyEdge]);
    const cycle = validateWorkflow(flat(['a', { dependencies: [{ sourceNodeId: 'b', type: 'any' }] }], ['b', { dependencies: [{ sourceNodeId: 'a' }] }]));
    expect(cycle.ok).toBe(true);
    const conditional = validateWorkflow(flat(['a', { dependencies: [{ sourceNodeId: 'b', type: 'any', condition: { var: 'result.ok' } }] }], ['b', { dependencies: [{ sourceNodeId: 'a' }] }]));
    expect(codes(errors(conditional))).toEqual([P.dependencyCycle]);
  });

  it('warns about a redundant any edge beside others, a one-join with one edge, and repeated edges', () => {
    const result = validateWorkflow(
      flat(
        ['a'],
        ['b'],
        ['c', { dependencies: [{ sourceNodeId: 'a' }, { sourceNodeId: 'b', type: 'any' }] }],
        ['d', { join: 'one', dependencies: [{ sourceNodeId: 'a' }] }],
        ['e', { dependencies: [{ sourceNodeId: 'a', condition: { '==': [1, { var: 'result.x' }] } }, { sourceNodeId: 'a', condition: { '==': [1, { var: 'result.x' }] } }] }],
      ),
    );
    expect(result.ok).toBe(true);
    expect(warnings(result).map((problem) => [problem.code, problem.nodeId])).toEqual([
      [P.redundantAnyEdge, 'c'],
      [P.pointlessJoin, 'd'],
      [P.duplicateDependency, 'e'],
    ]);
    expect(result.definition!.nodes.find((node) => node.nodeId === 'e')!.dependencies).toHaveLength(1);
  });

  it('refuses a second edge between the same two nodes, whatever its type or condition, naming both nodes', () => {
    const branch = (route: string) => ({ sourceNodeId: 'a', condition: { '==': [{ var: 'result.route' }, route] } });
    const result = validateWorkflow(flat(['a'], ['b', { join: 'one', dependencies: [branch('north'), branch('south')] }]));
    expect(result.ok).toBe(false);
    expect(errors(result)).toEqual([
      expect.objectContaining({ code: P.duplicateEdge, path: ['nodes', 2, 'dependencies', 1], nodeId: 'b', params: { index: 0, node: '"b"', source: '"a"' } }),
    ]);
    expect(errors(result)[0]!.message).toMatch(/"b" already depends on "a" \(dependencies\[0\]\); a pair of nodes has one dependency/);
    const mixed = validateWorkflow(flat(['a'], ['b', { dependencies: [{ sourceNodeId: 'a', type: 'success' }, { sourceNodeId: 'a', type: 'failure' }] }]));
    expect(errors(mixed).map((problem) => problem.code)).toEqual([P.duplicateEdge]);
    // One edge whose condition says either branch is what the pair can carry.
    const merged = validateWorkflow(flat(['a'], ['b', { dependencies: [{ sourceNodeId: 'a', condition: { or: [branch('north').condition, branch('south').condition] } }] }]));
    expect(merged.problems).toEqual([]);
  });
});

describe('validateWorkflow: JSON Logic and node settings', () => {
  it('reports conditions and activations that are not JSON Logic, however deep', () => {
    const result = validateWorkflow(
      flat(['a'], ['b', { dependencies: [{ sourceNodeId: 'a', condition: { and: [{ '>': [{ var: 'result.x' }, 1] }, { or: [{ eval: 'rm -rf /' }] }] } }], activation: { '==': [1, 1], '!=': [1, 2] } }]),
    );
    expect(errors(result).map((problem) => [problem.code, problem.path])).toEqual([
      [P.invalidLogic, ['nodes', 2, 'dependencies', 0, 'condition', 'and', 1, 'or', 0, 'eval']],
      [P.invalidLogic, ['nodes', 2, 'activation']],
    ]);
  });

  it('requires agentLoad on agents and drops agent settings on containers with a warning', () => {
    const result = validateWorkflow(workflow([container('root', { agentLoad: 'sim', agentConfig: { a: 1 } }), { nodeId: 'a', nodeType: 'agent', parentId: 'root', containerConfig: { b: 2 } }]));
    expect(errors(result)).toEqual([expect.objectContaining({ code: P.agentWithoutLoad, path: ['nodes', 1, 'agentLoad'] })]);
    const fixed = validateWorkflow(workflow([container('root', { agentLoad: 'sim', agentConfig: { a: 1 } }), agent('a', 'root', { containerConfig: { b: 2 } })]));
    expect(fixed.ok).toBe(true);
    expect(warnings(fixed).map((problem) => problem.path)).toEqual([
      ['nodes', 0, 'agentLoad'],
      ['nodes', 0, 'agentConfig'],
      ['nodes', 1, 'containerConfig'],
    ]);
    expect(fixed.definition!.nodes[0]).not.toHaveProperty('agentLoad');
    expect(fixed.definition!.nodes[1]).not.toHaveProperty('containerConfig');
  });

  it('warns about retry settings that cannot take effect', () => {
    const result = validateWorkflow(flat(['a', { retry: { maxRetries: 0, backoff: { initialMs: 9000, maxMs: 10 } } }]));
    expect(result.ok).toBe(true);
    expect(warnings(result).map((problem) => problem.path.slice(2).join('.'))).toEqual(['retry.backoff', 'retry.backoff.initialMs']);
  });
});
