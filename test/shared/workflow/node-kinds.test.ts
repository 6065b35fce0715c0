import { describe, expect, it } from 'vitest';
import { NODE_KIND_DEFAULTS, NODE_KINDS, type NodeKind } from '../../../src/shared/status';
import { WORKFLOW_PROBLEM as P } from '../../../src/shared/workflow/problem-codes';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { agent, container, errors, workflow } from '../../helpers/workflow';

/** A root holding one node of the kind, with no load, timeout or retries of its own. */
function withKind(kind: NodeKind, extra: Record<string, unknown> = {}) {
  const { nodeType } = NODE_KIND_DEFAULTS[kind];
  const node = { nodeId: 'k', nodeType, parentId: 'root', kind, ...extra } as const;
  return workflow([container('root'), node, ...(nodeType === 'container' ? [agent('inside', 'k')] : [])]);
}

describe('node kinds', () => {
  it.each(NODE_KINDS.map((kind) => [kind, NODE_KIND_DEFAULTS[kind]] as const))('fills in the defaults of %s where the node leaves them out', (kind, defaults) => {
    const result = validateWorkflow(withKind(kind));
    expect(errors(result)).toEqual([]);
    const node = result.definition!.nodes.find((found) => found.nodeId === 'k')!;
    expect(node).toMatchObject({ kind, nodeType: defaults.nodeType, timeoutMs: defaults.timeoutMs, retry: { maxRetries: defaults.maxRetries } });
    if (defaults.agentLoad === null) expect(node.agentLoad).toBeUndefined();
    else expect(node.agentLoad).toBe(defaults.agentLoad);
    // The normalized definition shows the effective values and validates to itself.
    expect(validateWorkflow(result.definition).definition).toEqual(result.definition);
  });

  it('lets the node’s own load, timeout and retries win over its kind’s', () => {
    const retry = { maxRetries: 7, backoff: { initialMs: 5, factor: 2, maxMs: 50 } };
    const result = validateWorkflow(withKind('api_call', { agentLoad: 'http-health', timeoutMs: 1234, retry }));
    expect(errors(result)).toEqual([]);
    expect(result.definition!.nodes[1]).toMatchObject({ kind: 'api_call', agentLoad: 'http-health', timeoutMs: 1234, retry });
    const noRetries = validateWorkflow(withKind('script', { retry: { maxRetries: 0 } }));
    expect(noRetries.definition!.nodes[1]).toMatchObject({ agentLoad: 'script', timeoutMs: 1_800_000, retry: { maxRetries: 0 } });
  });

  it('leaves a node without a kind as it is: no timeout, no retries', () => {
    const result = validateWorkflow(workflow([container('root'), { nodeId: 'a', nodeType: 'agent', parentId: 'root', agentLoad: 'script' }]));
    expect(result.definition!.nodes[1]!.timeoutMs).toBeUndefined();
    expect(result.definition!.nodes[1]!.retry).toBeUndefined();
  });

  it('reports a kind that does not fit the node type, with its path', () => {
    const result = validateWorkflow(
      workflow([
        container('root'),
        { nodeId: 'a', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', kind: 'parallel' },
        { nodeId: 'box', nodeType: 'container', parentId: 'root', kind: 'script', children: ['b'] },
        { nodeId: 'b', nodeType: 'agent', agentLoad: 'sim' },
      ]),
    );
    expect(result.ok).toBe(false);
    expect(errors(result)).toEqual([
      expect.objectContaining({ code: P.kindTypeMismatch, path: ['nodes', 1, 'kind'], nodeId: 'a', message: expect.stringContaining('the kind "parallel" is for containers, but "a" is an agent') }),
      expect.objectContaining({ code: P.kindTypeMismatch, path: ['nodes', 2, 'kind'], nodeId: 'box', message: expect.stringContaining('the kind "script" is for agents, but "box" is a container') }),
    ]);
  });

  it('refuses a kind that is not one of the five, naming them', () => {
    const unknown = validateWorkflow(workflow([container('root'), { nodeId: 'a', nodeType: 'agent', parentId: 'root', kind: 'teleport' } as never]));
    expect(errors(unknown)).toEqual([expect.objectContaining({ code: P.schema, path: ['nodes', 1, 'kind'], message: expect.stringContaining('"api_call"') })]);
  });
});
