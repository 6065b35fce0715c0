import { describe, expect, it } from 'vitest';
import { WORKFLOW_PROBLEM as P } from '../../../src/shared/workflow/problem-codes';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { agent, container, errors, warnings, workflow } from '../../helpers/workflow';

const base = [container('root'), container('box', { parentId: 'root' }), agent('a', 'box')];
const withInjects = (injects: unknown[]) => validateWorkflow(workflow(base, { injects }));
const summary = (problems: { code: string; path: (string | number)[]; message: string; severity: string }[]) =>
  problems.map((problem) => ({ code: problem.code, path: problem.path.join('.'), message: problem.message }));

describe('inject checks', () => {
  it('accepts each trigger and action, keeping the injects in the definition', () => {
    const injects = [
      { id: 't', name: 'H+5', when: { type: 'taskTime', afterMs: 300_000 }, actions: [{ type: 'setVariables', variables: { weather: 'storm' } }] },
      { id: 'w', when: { type: 'wallClock', at: '2026-12-08T10:00:00+08:00' }, actions: [{ type: 'message', nodeId: 'a', message: { order: 'withdraw' } }] },
      { id: 's', when: { type: 'nodeStatus', nodeId: 'a', status: 'failed' }, actions: [{ type: 'addNodes', nodes: [{ nodeId: 'medic', nodeType: 'agent', agentLoad: 'sim', parentId: 'box' }] }] },
      { id: 'm', when: { type: 'manual' }, actions: [{ type: 'message', nodeId: 'medic', message: 'go' }] },
    ];
    const result = withInjects(injects);
    expect(result.problems).toEqual([]);
    expect(result.definition?.injects).toEqual(injects);
  });

  it('reports bad injects at their paths: a duplicate id, unknown nodes, a message to a container, added nodes that are invalid, clash or have no container', () => {
    const result = withInjects([
      { id: 'x', when: { type: 'nodeStatus', nodeId: 'ghost', status: 'running' }, actions: [{ type: 'message', nodeId: 'box', message: 1 }] },
      { id: 'x', when: { type: 'manual' }, actions: [{ type: 'message', nodeId: 'nobody', message: 1 }] },
      {
        id: 'add',
        when: { type: 'manual' },
        actions: [
          {
            type: 'addNodes',
            nodes: [
              { nodeId: 'n1', nodeType: 'agent', agentLoad: 'sim', parentId: 'a' },
              { nodeId: 'n1', nodeType: 'agent', agentLoad: 'sim', parentId: 'box' },
              { nodeId: 'a', nodeType: 'agent', agentLoad: 'sim', parentId: 'box' },
              { nodeId: 'n2', nodeType: 'robot' },
            ],
          },
        ],
      },
      { id: 'bad', when: { type: 'taskTime', afterMs: -1 }, actions: [] },
    ]);
    expect(result.ok).toBe(false);
    expect(summary(errors(result))).toEqual(
      expect.arrayContaining([
        { code: P.schema, path: 'injects.3.when.afterMs', message: expect.any(String) },
        { code: P.schema, path: 'injects.3.actions', message: expect.any(String) },
      ]),
    );
    const good = withInjects([
      { id: 'x', when: { type: 'nodeStatus', nodeId: 'ghost', status: 'running' }, actions: [{ type: 'message', nodeId: 'box', message: 1 }] },
      { id: 'x', when: { type: 'manual' }, actions: [{ type: 'message', nodeId: 'nobody', message: 1 }] },
      {
        id: 'add',
        when: { type: 'manual' },
        actions: [
          {
            type: 'addNodes',
            nodes: [
              { nodeId: 'n1', nodeType: 'agent', agentLoad: 'sim', parentId: 'a' },
              { nodeId: 'n1', nodeType: 'agent', agentLoad: 'sim', parentId: 'box' },
              { nodeId: 'a', nodeType: 'agent', agentLoad: 'sim', parentId: 'box' },
              { nodeId: 'n2', nodeType: 'robot' },
            ],
          },
        ],
      },
    ]);
    expect(summary(errors(good))).toEqual([
      { code: P.invalidInject, path: 'injects.2.actions.0.nodes.1.nodeId', message: 'the inject "add" adds the node "n1", which another inject adds too; node ids must be unique' },
      { code: P.schema, path: 'injects.2.actions.0.nodes.3.nodeType', message: expect.stringMatching(/must be one of "container", "agent"/) },
      { code: P.invalidInject, path: 'injects.2.actions.0.nodes.0.parentId', message: 'the inject "add" adds the node "n1" without a parentId naming a container of the workflow or one it adds' },
      { code: P.invalidInject, path: 'injects.0.when.nodeId', message: 'the inject "x" names the node "ghost", which is neither in the workflow nor added by an inject' },
      { code: P.invalidInject, path: 'injects.0.actions.0.nodeId', message: 'the inject "x" sends a message to "box", a container; only running agents receive messages' },
      { code: P.invalidInject, path: 'injects.1.id', message: 'the inject id "x" is already used by injects[0]; inject ids must be unique' },
      { code: P.invalidInject, path: 'injects.1.actions.0.nodeId', message: 'the inject "x" names the node "nobody", which is neither in the workflow nor added by an inject' },
    ]);
    expect(summary(warnings(good))).toEqual([
      { code: P.invalidInject, path: 'injects.2.actions.0.nodes.2.nodeId', message: 'the inject "add" adds the node "a", which the workflow already has; the addition is refused when it fires (unless it has fired already)' },
    ]);
  });
});
