import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEPENDENCY_TYPES, NODE_KIND_DEFAULTS, type NodeKind } from '../../../../src/shared/status';
import type { WorkflowDefinitionInput } from '../../../../src/shared/workflow/definition';
import type { JsonLogic } from '../../../../src/shared/workflow/expression/logic';
import { definitionToItops } from '../../../../src/shared/workflow/itops/export';
import { readItopsTemplate } from '../../../../src/shared/workflow/itops/read';
import type { NormalizedWorkflowDefinition } from '../../../../src/shared/workflow/normalized';
import { validateWorkflow } from '../../../../src/shared/workflow/validate';
import { EXAMPLE_FILES, exampleText } from '../../../helpers/workflow';

/** Definition → IT-ops template → definition. */

function valid(input: unknown): NormalizedWorkflowDefinition {
  const result = validateWorkflow(input);
  expect(result.problems.filter((found) => found.severity === 'error')).toEqual([]);
  return result.definition!;
}

function roundTrip(definition: NormalizedWorkflowDefinition) {
  const { template, problems } = definitionToItops(definition);
  // Through text, as a file would carry it.
  const back = readItopsTemplate(JSON.parse(JSON.stringify(template)));
  return { template, exportProblems: problems, back };
}

const CONDITIONS: JsonLogic[] = [{ '==': [{ var: 'variables.x' }, 1] }, { '!!': [{ var: 'result.ok' }] }, { in: [{ var: 'variables.region' }, ['eu', 'us']] }, { '!': [{ '<': [{ var: 'variables.n' }, 2.5] }] }];
const AGENT_KINDS = ['manual', 'script', 'api_call', 'decision'] as const;

/** Workflows the template can carry: every agent and container with a kind, the root named after the workflow. */
const carriedWorkflow = fc
  .record({
    agents: fc.array(
      fc.record({
        kind: fc.constantFrom(...AGENT_KINDS),
        parent: fc.nat(3),
        name: fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }),
        timeoutMs: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: undefined }),
        retry: fc.option(fc.record({ maxRetries: fc.nat(5), backoff: fc.option(fc.record({ initialMs: fc.nat(5000), factor: fc.constantFrom(1, 2, 3), maxMs: fc.integer({ min: 5000, max: 60_000 }) }), { nil: undefined }) }), { nil: undefined }),
        priority: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
        join: fc.option(fc.constantFrom('all' as const, 'one' as const), { nil: undefined }),
        config: fc.option(fc.dictionary(fc.constantFrom('url', 'script', 'prompt'), fc.string({ maxLength: 5 })), { nil: undefined }),
        dependencies: fc.array(fc.record({ on: fc.nat(20), type: fc.constantFrom(...DEPENDENCY_TYPES), condition: fc.option(fc.constantFrom(...CONDITIONS), { nil: undefined }) }), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    containers: fc.nat(3),
    variables: fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.integer()), { nil: undefined }),
    inputs: fc.option(fc.array(fc.record({ name: fc.constantFrom('a', 'b', 'c'), type: fc.constantFrom('string' as const, 'integer' as const), required: fc.option(fc.boolean(), { nil: undefined }) }), { maxLength: 1 }), { nil: undefined }),
  })
  .map(({ agents, containers, variables, inputs }): WorkflowDefinitionInput => {
    const containerIds = Array.from({ length: containers }, (_, index) => `p${index}`);
    const parentOf = (choice: number) => (choice < containers ? containerIds[choice]! : 'root');
    const nodes: WorkflowDefinitionInput['nodes'] = [
      { nodeId: 'root', nodeType: 'container', isRoot: true, containerName: 'W' },
      ...containerIds.map((nodeId, index) => ({ nodeId, nodeType: 'container' as const, kind: 'parallel' as const, parentId: index === 0 ? 'root' : 'p0' })),
    ];
    agents.forEach((agent, index) => {
      const seen = new Set<number>();
      const dependencies = agent.dependencies
        .map((dependency) => ({ ...dependency, on: index === 0 ? -1 : dependency.on % index }))
        .filter(({ on }) => on >= 0 && !seen.has(on) && seen.add(on) !== undefined);
      nodes.push({
        nodeId: `a${index}`,
        nodeType: 'agent',
        kind: agent.kind,
        agentLoad: { manual: 'manual', script: 'script', api_call: 'http', decision: 'decision' }[agent.kind],
        parentId: parentOf(agent.parent),
        ...(agent.name !== undefined && { name: agent.name }),
        ...(agent.timeoutMs !== undefined && { timeoutMs: agent.timeoutMs }),
        ...(agent.retry !== undefined && { retry: { maxRetries: agent.retry.maxRetries, ...(agent.retry.backoff && { backoff: agent.retry.backoff }) } }),
        ...(agent.priority !== undefined && { priority: agent.priority }),
        ...(agent.join !== undefined && { join: agent.join }),
        ...(agent.config !== undefined && { agentConfig: agent.config }),
        dependencies: dependencies.map(({ on, type, condition }) => ({ sourceNodeId: `a${on}`, type, ...(condition !== undefined && { condition }) })),
      });
    });
    return { name: 'W', version: 2, ...(variables !== undefined && { variables }), ...(inputs !== undefined && { inputs }), nodes };
  });

describe('definition → IT-ops template → definition', () => {
  it('gives back the same normalized definition for every workflow the template can carry', () => {
    fc.assert(
      fc.property(carriedWorkflow, (input) => {
        const checked = validateWorkflow(input);
        fc.pre(checked.definition !== undefined);
        const { exportProblems, back } = roundTrip(checked.definition!);
        expect(exportProblems).toEqual([]);
        expect(back.problems.filter((found) => found.severity === 'error')).toEqual([]);
        expect(back.definition).toEqual(checked.definition);
      }),
      { numRuns: 200 },
    );
  });

  it.each(EXAMPLE_FILES)('carries the example %s, warning of each node it has to give a kind, whose defaults are all that change', (file) => {
    const original = valid(JSON.parse(exampleText(file)));
    const { template, exportProblems, back } = roundTrip(original);
    const withoutKind = original.nodes.filter((node) => !node.isRoot && node.kind === undefined).map((node) => node.nodeId);
    expect(exportProblems.map((found) => found.nodeId)).toEqual(withoutKind);
    expect(exportProblems.every((found) => found.severity === 'warning' && found.code === 'ITOPS_EXPORT_APPROXIMATED')).toBe(true);
    expect(back.problems.filter((found) => found.severity === 'error')).toEqual([]);
    const kinds = new Map(template.nodes.map((node) => [node.id, node.type as NodeKind]));
    const withKind = (node: (typeof original.nodes)[number]) => {
      const kind = kinds.get(node.nodeId)!;
      const defaults = NODE_KIND_DEFAULTS[kind];
      return { ...node, kind, timeoutMs: node.timeoutMs ?? defaults.timeoutMs, retry: node.retry ?? { maxRetries: defaults.maxRetries } };
    };
    const expected = { ...original, nodes: original.nodes.map((node) => (node.isRoot || node.kind !== undefined ? node : withKind(node))) };
    // The kind the warning names comes back, with its default timeout and retries where the node set none; nothing else differs.
    expect(back.definition).toEqual(expected);
  });

  it('writes conditions as expressions where they read back the same, else as JSON Logic, and the edge type other than success under deduction', () => {
    const definition = valid({
      name: 'C',
      nodes: [
        { nodeId: 'r', nodeType: 'container', isRoot: true },
        { nodeId: 'd', nodeType: 'agent', kind: 'decision', agentLoad: 'decision', parentId: 'r' },
        { nodeId: 'a', nodeType: 'agent', kind: 'script', agentLoad: 'script', parentId: 'r', dependencies: [{ sourceNodeId: 'd', type: 'success', condition: { '==': [{ var: 'variables.needPatch' }, true] } }] },
        { nodeId: 'b', nodeType: 'agent', kind: 'script', agentLoad: 'script', parentId: 'r', dependencies: [{ sourceNodeId: 'd', type: 'failure', condition: { in: [{ var: 'variables.x' }, [1, 2]] } }] },
      ],
    });
    const { template } = definitionToItops(definition);
    expect(template.edges).toEqual([
      { source: 'd', target: 'a', condition: 'variables.needPatch == true' },
      { source: 'd', target: 'b', condition: { in: [{ var: 'variables.x' }, [1, 2]] }, deduction: { type: 'failure' } },
    ]);
    expect(template.deduction).toEqual({ rootId: 'r' });
  });
});
