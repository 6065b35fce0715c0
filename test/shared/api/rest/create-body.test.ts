import { describe, expect, it } from 'vitest';
import { readCreateBody } from '../../../../src/shared/api/rest/create-body';
import { validateWorkflow } from '../../../../src/shared/workflow/validate';
import { designCreateBody } from '../../../helpers/design-body';

function nodesOf(body: Record<string, unknown>): Record<string, unknown>[] {
  return (body.workflow as { nodes: Record<string, unknown>[] }).nodes;
}

function problemsOf(body: unknown) {
  const read = readCreateBody(body);
  if (read.ok) throw new Error('expected the body to be refused');
  return read.problems;
}

describe('the design create body read into a definition and options', () => {
  it('reads the design example: the nodes as they are, the name and description onto the definition, the ids as decimal strings', () => {
    const read = readCreateBody(designCreateBody());
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const { definition, options } = read.request;
    expect(options).toEqual({ name: 'task_20251113_001', description: '工作流任务', schemeId: '1234567890', envInstanceId: '9876543210' });
    expect(definition.name).toBe('task_20251113_001');
    expect(definition.description).toBe('工作流任务');
    expect(definition.nodes).toEqual(nodesOf(designCreateBody()));
    const validation = validateWorkflow(definition);
    expect(validation.ok).toBe(true);
    expect(validation.problems).toEqual([]);
    expect(validation.definition!.nodes.find((node) => node.nodeId === 'agent_002')!.dependencies).toEqual([{ sourceNodeId: 'agent_001', type: 'success' }]);
  });

  it('maps the design column names pinConfig, pinTime and activationConfig to pin and activation', () => {
    const body = designCreateBody();
    const [, first, second] = nodesOf(body);
    first!.pinTime = '2030-01-01T00:00:00Z';
    first!.activationConfig = { '==': [1, 1] };
    second!.pinConfig = { delayMs: 5000 };
    const read = readCreateBody(body);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const [, agent1, agent2] = read.request.definition.nodes;
    expect(agent1).toMatchObject({ pin: { at: '2030-01-01T00:00:00Z' }, activation: { '==': [1, 1] } });
    expect(agent1).not.toHaveProperty('pinTime');
    expect(agent2).toMatchObject({ pin: { delayMs: 5000 } });
    expect(agent2).not.toHaveProperty('pinConfig');
  });

  it('refuses a field given twice under two names', () => {
    const body = designCreateBody();
    Object.assign(nodesOf(body)[1]!, { pin: { delayMs: 1 }, pinConfig: { delayMs: 2 } });
    expect(problemsOf(body)).toEqual([{ path: 'workflow.nodes[1].pinConfig', message: 'gives pin a second time (also as pin); give one of them' }]);
  });

  it('refuses unknown fields at every level, naming each and where it is', () => {
    const body: Record<string, unknown> = { ...designCreateBody(), priority: 1 };
    (body.workflow as Record<string, unknown>).owner = 'x';
    const nodes = nodesOf(body);
    nodes[1]!.agentConfg = {};
    (nodes[2]!.dependencies as Record<string, unknown>[])[0]!.kind = 'hard';
    nodes[2]!.retry = { maxRetries: 1, tries: 2 };
    const problems = problemsOf(body);
    expect(problems.map((problem) => problem.path)).toEqual([
      'priority',
      'workflow.owner',
      'workflow.nodes[1].agentConfg',
      'workflow.nodes[2].dependencies[0].kind',
      'workflow.nodes[2].retry.tries',
    ]);
    expect(problems[0]!.message).toBe('unknown field "priority" (the body takes name, description, scheme_id, env_instance_id, workflow, deadline)');
    expect(problems[2]!.message).toMatch(/^unknown field "agentConfg" \(a node takes nodeId, nodeType, .*agentConfig.*pinConfig, pinTime, activationConfig\)$/);
    expect(problems[3]!.message).toBe('unknown field "kind"');
  });

  it('takes ids as decimal strings or exact JSON numbers, and refuses numbers beyond 2^53 and non-ids', () => {
    const read = readCreateBody({ ...designCreateBody(), scheme_id: '9223372036854775807', env_instance_id: null });
    expect(read.ok && read.request.options).toMatchObject({ schemeId: '9223372036854775807' });
    expect(read.ok && 'envInstanceId' in read.request.options).toBe(false);
    expect(problemsOf({ ...designCreateBody(), scheme_id: 2 ** 60 })).toEqual([
      { path: 'scheme_id', message: 'is a number beyond 2^53 − 1, which a JSON number cannot carry exactly; send the id as a decimal string ("scheme_id": "…")' },
    ]);
    expect(problemsOf({ ...designCreateBody(), env_instance_id: 'abc' })).toEqual([{ path: 'env_instance_id', message: 'must be an id: a decimal string or a whole number, not "abc"' }]);
    expect(problemsOf({ ...designCreateBody(), scheme_id: 1.5 })).toEqual([{ path: 'scheme_id', message: 'must be a positive integer id, not 1.5' }]);
    const withMeta = designCreateBody();
    nodesOf(withMeta)[1]!.agentMetaId = 2 ** 60;
    expect(problemsOf(withMeta)).toContainEqual({
      path: 'workflow.nodes[1].agentMetaId',
      message: 'is a number beyond 2^53 − 1, which a JSON number cannot carry exactly; send the id as a decimal string ("agentMetaId": "…")',
    });
  });

  it('names a missing or wrong name and workflow, and a body that is not an object', () => {
    const { name: _name, ...nameless } = designCreateBody();
    expect(problemsOf(nameless)).toEqual([{ path: 'name', message: 'Invalid input: expected string, received undefined' }]);
    expect(problemsOf({ ...designCreateBody(), workflow: [] })[0]!.path).toBe('workflow');
    expect(problemsOf([1, 2])).toEqual([{ path: '(body)', message: 'must be a JSON object with name, description, scheme_id, env_instance_id, workflow, deadline' }]);
  });

  it('leaves what the workflow itself gets wrong to the validator createTask runs', () => {
    const body = designCreateBody();
    delete nodesOf(body)[1]!.agentLoad;
    const read = readCreateBody(body);
    expect(read.ok).toBe(true);
    expect(validateWorkflow(read.ok ? read.request.definition : null).ok).toBe(false);
  });

  it('does not let a "__proto__" key change what a node is', () => {
    const body = JSON.parse(JSON.stringify(designCreateBody()).replace('"nodeId":"agent_001"', '"__proto__":{"nodeType":"container"},"nodeId":"agent_001"')) as Record<string, unknown>;
    const read = readCreateBody(body);
    const node = read.ok ? (read.request.definition.nodes[1] as Record<string, unknown>) : {};
    expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
    expect(node.nodeType).toBe('agent');
  });
});
