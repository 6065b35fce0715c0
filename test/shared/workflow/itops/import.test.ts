import { describe, expect, it } from 'vitest';
import { readItopsTemplate } from '../../../../src/shared/workflow/itops/read';
import { jsonWorkflowShape } from '../../../../src/shared/workflow/itops/detect';
import type { NormalizedWorkflowDefinition } from '../../../../src/shared/workflow/normalized';
import type { Problem } from '../../../../src/shared/workflow/problems';
import { formatPath } from '../../../../src/shared/workflow/problems';
import { loadCatalog, shippedCatalogDir } from '../../../../src/engine/catalog';

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const SHIPPED_CATALOG = loadCatalog(shippedCatalogDir(), quiet).entries();

type Node = Record<string, unknown> & { id: string; type: string };
type Edge = Record<string, unknown> & { source: string; target: string };

function template(nodes: Node[], edges: Edge[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'T', nodes, edges, ...extra };
}

const script = (id: string, extra: Record<string, unknown> = {}): Node => ({ id, type: 'script', config: { script: 'true' }, ...extra });

function read(input: unknown): { definition?: NormalizedWorkflowDefinition; problems: Problem[] } {
  return readItopsTemplate(input, { agents: SHIPPED_CATALOG });
}

function valid(input: unknown): NormalizedWorkflowDefinition {
  const result = read(input);
  expect(result.problems.filter((found) => found.severity === 'error')).toEqual([]);
  return result.definition!;
}

const lines = (problems: readonly Problem[]) => problems.map((found) => `${found.severity} ${formatPath(found.path)}: ${found.code}`);
const node = (definition: NormalizedWorkflowDefinition, id: string) => definition.nodes.find((each) => each.nodeId === id)!;

describe('reading an IT-ops template', () => {
  it('makes each node an agent of its kind, or a container for a parallel node, under an implied root named after the template', () => {
    const definition = valid(
      template(
        [script('s', { name: 'Script', timeout: 1.5, retry_count: 2 }), { id: 'm', type: 'manual' }, { id: 'h', type: 'api_call', config: { url: 'http://127.0.0.1:1/x' } }, { id: 'd', type: 'decision' }],
        [
          { source: 's', target: 'd' },
          { source: 'd', target: 'm', condition: 'variables.go == true' },
        ],
      ),
    );
    expect(node(definition, 'workflow')).toMatchObject({ isRoot: true, nodeType: 'container', containerName: 'T', children: ['s', 'm', 'h', 'd'] });
    expect(node(definition, 's')).toMatchObject({ nodeType: 'agent', kind: 'script', agentLoad: 'script', name: 'Script', agentConfig: { script: 'true' }, timeoutMs: 1500, retry: { maxRetries: 2 } });
    expect(node(definition, 'm')).toMatchObject({ kind: 'manual', agentLoad: 'manual' });
    expect(node(definition, 'h')).toMatchObject({ kind: 'api_call', agentLoad: 'http', agentConfig: { url: 'http://127.0.0.1:1/x' } });
    expect(node(definition, 'd')).toMatchObject({ kind: 'decision', agentLoad: 'decision', dependencies: [{ sourceNodeId: 's', type: 'success' }] });
    expect(node(definition, 'm').dependencies).toEqual([{ sourceNodeId: 'd', type: 'success', condition: { '==': [{ var: 'variables.go' }, true] } }]);
  });

  it('reads conditions as expressions (rooted paths, ${…}, bare names) or as JSON Logic', () => {
    const conditions: [unknown, unknown][] = [
      ['variables.needPatch == true', { '==': [{ var: 'variables.needPatch' }, true] }],
      ['${ok}', { '!!': [{ var: 'variables.ok' }] }],
      ["result.status >= 200 && variables.env != 'prod'", { and: [{ '>=': [{ var: 'result.status' }, 200] }, { '!=': [{ var: 'variables.env' }, 'prod'] }] }],
      ['!done || count > 3', { or: [{ '!': [{ '!!': [{ var: 'variables.done' }] }] }, { '>': [{ var: 'variables.count' }, 3] }] }],
      [{ in: [{ var: 'variables.region' }, ['eu', 'us']] }, { in: [{ var: 'variables.region' }, ['eu', 'us']] }],
    ];
    for (const [condition, logic] of conditions) {
      const definition = valid(template([{ id: 'd', type: 'decision' }, script('a'), script('b')], [{ source: 'd', target: 'a', condition }, { source: 'd', target: 'b' }]));
      expect(node(definition, 'a').dependencies[0]!.condition).toEqual(logic);
    }
  });

  it('places every problem on the template: schema, duplicates, unknown ids, unreadable conditions, unknown keys', () => {
    const result = read({
      name: '',
      colour: 'red',
      nodes: [script('a'), { id: 'b', type: 'robot' }, script('a'), { id: 'p', type: 'parallel', children: ['ghost'] }, { id: 7, type: 'script' }],
      edges: [{ source: 'a', target: 'nowhere' }, { source: 'x', target: 'a' }, { source: 'a', target: 'p', condition: 'a ==' }, { source: 'a', target: 'p' }, { target: 'a' }, { source: 'p', target: 'a', weight: 1 }],
      variables: [{ name: 'v', type: 'number' }, { name: 'v', type: 'text' }],
    });
    expect(result.definition).toBeUndefined();
    expect(lines(result.problems)).toEqual([
      'warning colour: ITOPS_UNKNOWN_PROPERTY',
      'error name: SCHEMA',
      'error nodes[1].type: SCHEMA',
      'error nodes[4].id: SCHEMA',
      'error edges[4].source: SCHEMA',
      'warning edges[5].weight: ITOPS_UNKNOWN_PROPERTY',
      'error variables[1].type: SCHEMA',
      'error nodes[2].id: DUPLICATE_NODE_ID',
      'error edges[0].target: ITOPS_UNKNOWN_NODE',
      'error edges[1].source: ITOPS_UNKNOWN_NODE',
      'error edges[2].condition: ITOPS_CONDITION',
      'error edges[3]: ITOPS_DUPLICATE_EDGE',
      'error nodes[3].children[0]: UNKNOWN_CHILD',
    ]);
  });

  it("puts the validator's findings back on the template: a cycle on its edge, a missing config field on the node's config", () => {
    const result = read(template([script('a'), script('b'), { id: 'h', type: 'api_call' }], [{ source: 'a', target: 'b' }, { source: 'b', target: 'a' }]));
    expect(lines(result.problems)).toEqual(['error edges[0]: DEPENDENCY_CYCLE', 'error nodes[2].config.url: MISSING_CONFIG_FIELD']);
    expect(read(template([script('a', { deduction: { priority: 2.5 } })], [])).problems.map((found) => formatPath(found.path))).toEqual(['nodes[0].deduction.priority']);
    expect(read(template([script('a')], [], { variables: [{ name: 'n', type: 'int', default: 1.5 }] })).problems.map((found) => formatPath(found.path))).toEqual(['variables[0].default']);
  });

  it('takes a parallel node\'s "children" as given; edges from it to them only start them', () => {
    const definition = valid(
      template([{ id: 'p', type: 'parallel', children: ['b', 'a'], config: { workDir: true } }, script('a'), script('b'), script('after')], [{ source: 'p', target: 'a' }, { source: 'p', target: 'after' }]),
    );
    expect(node(definition, 'p')).toMatchObject({ nodeType: 'container', kind: 'parallel', children: ['b', 'a'], containerConfig: { workDir: true } });
    expect(node(definition, 'a')).toMatchObject({ parentId: 'p', dependencies: [] });
    expect(node(definition, 'after')).toMatchObject({ parentId: 'workflow', dependencies: [{ sourceNodeId: 'p', type: 'success' }] });
  });

  it('finds the children of a parallel node without "children": the nodes between it and where its branches meet', () => {
    const definition = valid(
      template(
        [script('before'), { id: 'p', type: 'parallel' }, script('a1'), script('a2'), script('b'), script('meet'), script('after')],
        [
          { source: 'before', target: 'p' },
          { source: 'p', target: 'a1' },
          { source: 'a1', target: 'a2' },
          { source: 'p', target: 'b' },
          { source: 'a2', target: 'meet' },
          { source: 'b', target: 'meet' },
          { source: 'meet', target: 'after' },
        ],
      ),
    );
    expect(node(definition, 'p').children).toEqual(['a1', 'a2', 'b']);
    expect(node(definition, 'a2')).toMatchObject({ parentId: 'p', dependencies: [{ sourceNodeId: 'a1', type: 'success' }] });
    expect(node(definition, 'meet')).toMatchObject({ parentId: 'workflow', join: 'all' });
    expect(node(definition, 'a1').dependencies).toEqual([]);
  });

  it('nests parallel nodes found from the edges, and takes everything after branches that never meet', () => {
    const definition = valid(
      template(
        [{ id: 'outer', type: 'parallel' }, { id: 'inner', type: 'parallel' }, script('x'), script('y'), script('z'), script('end1'), script('end2')],
        [
          { source: 'outer', target: 'inner' },
          { source: 'outer', target: 'z' },
          { source: 'inner', target: 'x' },
          { source: 'inner', target: 'y' },
          { source: 'x', target: 'end1' },
          { source: 'y', target: 'end1' },
          { source: 'z', target: 'end2' },
        ],
      ),
    );
    expect(node(definition, 'outer').children).toEqual(['inner', 'z', 'end1', 'end2']);
    expect(node(definition, 'inner').children).toEqual(['x', 'y']);
  });

  it('reports what the rule cannot decide, and asks for "children"', () => {
    const severalMeets = read(
      template(
        [{ id: 'p', type: 'parallel' }, script('a'), script('b'), script('m1'), script('m2')],
        [
          { source: 'p', target: 'a' },
          { source: 'p', target: 'b' },
          { source: 'a', target: 'm1' },
          { source: 'b', target: 'm1' },
          { source: 'a', target: 'm2' },
          { source: 'b', target: 'm2' },
        ],
      ),
    );
    expect(severalMeets.problems.map((found) => found.message)).toContain('the branches of the parallel node "p" meet at several nodes ("m1", "m2"), so where the parallel step ends cannot be told; list its children with "children"');
    const entered = read(template([script('side'), { id: 'p', type: 'parallel' }, script('a'), script('b'), script('m')], [{ source: 'p', target: 'a' }, { source: 'p', target: 'b' }, { source: 'side', target: 'b' }, { source: 'a', target: 'm' }, { source: 'b', target: 'm' }]));
    expect(lines(entered.problems)).toEqual(['error edges[2]: ITOPS_PARALLEL_UNDECIDED']);
    const oneBranch = read(template([{ id: 'p', type: 'parallel' }, script('a'), script('b')], [{ source: 'p', target: 'a' }, { source: 'a', target: 'b' }]));
    expect(lines(oneBranch.problems)).toEqual(['warning nodes[0]: ITOPS_PARALLEL_UNDECIDED']);
    expect(node(oneBranch.definition!, 'p').children).toEqual(['a']);
    const crossing = read(template([{ id: 'p', type: 'parallel', children: ['a', 'b'] }, { id: 'q', type: 'parallel', children: ['b', 'c'] }, script('a'), script('b'), script('c')], []));
    expect(lines(crossing.problems)).toEqual(['error nodes[3]: ITOPS_PARALLEL_UNDECIDED']);
    const conditionalStart = read(template([{ id: 'p', type: 'parallel', children: ['a'] }, script('a')], [{ source: 'p', target: 'a', condition: '${go}' }]));
    expect(lines(conditionalStart.problems)).toEqual(['error edges[0].condition: ITOPS_PARALLEL_START_CONDITION']);
  });

  it('joins with "one" where branches of a decision meet again, and warns of a decision branch without condition', () => {
    const result = read(
      template(
        [{ id: 'd', type: 'decision' }, script('yes'), script('no'), script('merge'), script('both')],
        [
          { source: 'd', target: 'yes', condition: 'variables.x == 1' },
          { source: 'd', target: 'no' },
          { source: 'yes', target: 'merge' },
          { source: 'no', target: 'merge' },
          { source: 'yes', target: 'both' },
          { source: 'd', target: 'both', condition: 'variables.x == 2', deduction: { type: 'finish' } },
        ],
      ),
    );
    expect(lines(result.problems)).toEqual(['warning edges[1]: ITOPS_DECISION_BRANCH']);
    expect(node(result.definition!, 'merge').join).toBe('one');
    expect(node(result.definition!, 'both')).toMatchObject({ join: 'one', dependencies: [{ sourceNodeId: 'yes', type: 'success' }, { sourceNodeId: 'd', type: 'finish', condition: { '==': [{ var: 'variables.x' }, 2] } }] });
  });

  it('declares the variables as inputs (Python type names read as theirs) and passes triggers through', () => {
    const definition = valid(
      template([script('a')], [], {
        variables: [{ name: 'n', type: 'int', default: 3, required: false, description: 'count' }, { name: 'host', type: 'str', required: true }],
        triggers: [{ type: 'schedule', cron: '0 3 * * *', timezone: 'Asia/Shanghai' }],
      }),
    );
    expect(definition.inputs).toEqual([{ name: 'n', type: 'integer', default: 3, required: false, description: 'count' }, { name: 'host', type: 'string', required: true }]);
    expect(definition.triggers).toEqual([{ type: 'schedule', cron: '0 3 * * *', timezone: 'Asia/Shanghai', catchUp: 'skip' }]);
  });
});

describe('telling the JSON formats apart', () => {
  it('knows a template by its edges or its nodes with id and type, a definition by nodeId, and refuses a mix', () => {
    expect(jsonWorkflowShape({ name: 'x', nodes: [{ id: 'a', type: 'script' }], edges: [] })).toEqual({ format: 'itops' });
    expect(jsonWorkflowShape({ name: 'x', nodes: [{ id: 'a', type: 'script' }] })).toEqual({ format: 'itops' });
    expect(jsonWorkflowShape({ name: 'x', nodes: [{ nodeId: 'a', nodeType: 'container' }] })).toEqual({ format: 'json' });
    expect(jsonWorkflowShape('text')).toEqual({ format: 'json' });
    expect(jsonWorkflowShape({ name: 'x', nodes: [{ nodeId: 'a', nodeType: 'container' }], edges: [] })).toEqual({ format: 'ambiguous', definitionMarks: ['nodes with "nodeId"', 'nodes with "nodeType"'], templateMarks: ['"edges"'] });
  });
});
