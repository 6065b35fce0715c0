import { describe, expect, it } from 'vitest';
import { engineTaskRequestSchema } from '../../../src/shared/engine/protocol';
import { fromEngineRequest, toEngineRequest } from '../../../src/shared/workflow/engine-format';
import { WORKFLOW_PROBLEM as P } from '../../../src/shared/workflow/problem-codes';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { agent, codes, container, exampleText, workflow } from '../../helpers/workflow';

function valid(input: unknown) {
  const result = validateWorkflow(input);
  if (!result.definition) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

describe('toEngineRequest', () => {
  it('writes requestType 1 with the tree in pre-order, boxes with containerConfig, agents with load and config', () => {
    const definition = valid(
      workflow([
        agent('a', 'box', { agentLoad: 'red-team', agentConfig: { steps: 3 }, dependencies: [{ sourceNodeId: 'b' }], timeoutMs: 10 }),
        container('root', { containerConfig: { side: 'all' } }),
        container('box', { parentId: 'root' }),
        agent('b', 'root', { agentLoad: 'script' }),
      ]),
    );
    const request = toEngineRequest('123456789012345678', definition);
    expect(request).toEqual({
      requestType: 1,
      taskId: '123456789012345678',
      body: [
        { id: 'root', isBox: true, father: null, isRoot: true, containerConfig: { side: 'all' } },
        { id: 'box', isBox: true, father: 'root', isRoot: false },
        { id: 'a', isBox: false, father: 'box', isRoot: false, agentLoad: 'red-team', agentConfig: { steps: 3 } },
        { id: 'b', isBox: false, father: 'root', isRoot: false, agentLoad: 'script' },
      ],
    });
    expect(engineTaskRequestSchema.parse(request)).toEqual(request);
  });

  it('refuses a task id the wire format cannot carry', () => {
    expect(() => toEngineRequest('task-1', valid(JSON.parse(exampleText('red-vs-blue.json'))))).toThrow(/cannot build the Engine request for task task-1: taskId must be a decimal id/);
  });
});

describe('fromEngineRequest', () => {
  it('converts an example back: the tree, loads and configs survive; what the wire does not carry is gone', () => {
    const definition = valid(JSON.parse(exampleText('red-vs-blue.json')));
    const back = fromEngineRequest(toEngineRequest('7', definition));
    expect(back.ok).toBe(true);
    expect(back.definition!.name).toBe('task 7');
    const original = new Map(definition.nodes.map((node) => [node.nodeId, node]));
    for (const node of back.definition!.nodes) {
      const before = original.get(node.nodeId)!;
      expect([node.parentId, node.children, node.nodeType, node.agentLoad, node.agentConfig, node.containerConfig]).toEqual([before.parentId, before.children, before.nodeType, before.agentLoad, before.agentConfig, before.containerConfig]);
      expect(node.dependencies).toEqual([]);
    }
  });

  it('validates what it reads: a wire body with two roots or an agent as father is refused', () => {
    const twoRoots = { requestType: 1, taskId: '1', body: [{ id: 'r', isBox: true, father: null, isRoot: true }, { id: 's', isBox: true, father: null, isRoot: true }] };
    expect(codes(fromEngineRequest(twoRoots).problems)).toContain(P.multipleRoots);
    const agentFather = { requestType: 1, taskId: '1', body: [{ id: 'r', isBox: true, father: null, isRoot: true }, { id: 'a', isBox: false, father: 'r', isRoot: false, agentLoad: 'sim' }, { id: 'b', isBox: false, father: 'a', isRoot: false, agentLoad: 'sim' }] };
    expect(codes(fromEngineRequest(agentFather).problems)).toContain(P.parentNotContainer);
  });

  it('refuses what is not a wire request, with paths, and never throws on deep input', () => {
    const result = fromEngineRequest({ requestType: 2, taskId: 'x', body: [{ id: '', isBox: 'yes' }] });
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.path.join('.'))).toEqual(expect.arrayContaining(['requestType', 'taskId', 'body.0.id', 'body.0.isBox']));
    let deep: unknown = 1;
    for (let level = 0; level < 10_000; level++) deep = [deep];
    expect(codes(fromEngineRequest({ requestType: 1, taskId: '1', body: deep }).problems)).toEqual([P.tooDeep]);
  });
});
