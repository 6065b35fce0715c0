import { describe, expect, it } from 'vitest';
import { diffWorkflows } from '../../../src/shared/workflow/diff';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { exampleText } from '../../helpers/workflow';

function itOps() {
  const result = validateWorkflow(JSON.parse(exampleText('it-ops-maintenance.json')));
  if (!result.definition) throw new Error('example does not validate');
  return result.definition;
}

describe('diffWorkflows', () => {
  it('finds nothing between a definition and its copy, even with keys in another order', () => {
    const before = itOps();
    const after = JSON.parse(JSON.stringify(before, (_key, value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value)));
    const diff = diffWorkflows(before, after);
    expect(diff.identical).toBe(true);
    expect(diff).toMatchObject({ workflow: [], nodes: { added: [], removed: [], changed: [] }, edges: { added: [], removed: [], changed: [] } });
  });

  it('reports nodes and edges added, removed and changed, and workflow fields', () => {
    const before = itOps();
    const after = structuredClone(before);
    after.description = 'patched';
    after.variables = { ...after.variables, patch: '2026.06.1' };
    after.nodes = after.nodes.filter((node) => node.nodeId !== 'disk-space');
    after.nodes.find((node) => node.nodeId === 'preflight')!.children = ['health-before'];
    const verify = after.nodes.find((node) => node.nodeId === 'verify')!;
    verify.timeoutMs = 60_000;
    verify.agentConfig = { ...verify.agentConfig, url: 'http://127.0.0.1:9090/health' };
    verify.dependencies = [{ sourceNodeId: 'maintenance', type: 'finish' }];
    after.nodes.push({ nodeId: 'notify', nodeType: 'agent', isRoot: false, parentId: 'maintenance-run', children: [], agentLoad: 'script', dependencies: [{ sourceNodeId: 'report', type: 'success' }], join: 'all', priority: 0 });
    const report = after.nodes.find((node) => node.nodeId === 'report')!;
    report.dependencies = report.dependencies.filter((dependency) => dependency.sourceNodeId !== 'rollback');

    const diff = diffWorkflows(before, after);
    expect(diff.identical).toBe(false);
    expect(diff.workflow.map((change) => change.field)).toEqual(['description', 'variables']);
    expect(diff.nodes.added.map((node) => node.nodeId)).toEqual(['notify']);
    expect(diff.nodes.removed.map((node) => node.nodeId)).toEqual(['disk-space']);
    expect(diff.nodes.changed).toEqual([
      { nodeId: 'preflight', changes: [{ field: 'children', before: ['health-before', 'disk-space'], after: ['health-before'] }] },
      {
        nodeId: 'verify',
        changes: [
          { field: 'agentConfig', before: expect.objectContaining({ url: { $ref: 'variables.healthUrl' } }), after: expect.objectContaining({ url: 'http://127.0.0.1:9090/health' }) },
          { field: 'timeoutMs', before: 30_000, after: 60_000 },
        ],
      },
    ]);
    expect(diff.edges.changed).toEqual([
      { sourceNodeId: 'maintenance', targetNodeId: 'verify', before: { sourceNodeId: 'maintenance', targetNodeId: 'verify', type: 'success' }, after: { sourceNodeId: 'maintenance', targetNodeId: 'verify', type: 'finish' } },
    ]);
    expect(diff.edges.added).toEqual([{ sourceNodeId: 'report', targetNodeId: 'notify', type: 'success' }]);
    expect(diff.edges.removed).toEqual([{ sourceNodeId: 'rollback', targetNodeId: 'report', type: 'finish' }]);
  });

  it('matches repeated edges between the same nodes by content before pairing the rest', () => {
    const before = itOps();
    const after = structuredClone(before);
    const branch = (route: string) => ({ sourceNodeId: 'approval', type: 'success' as const, condition: { '==': [{ var: 'result.route' }, route] } });
    before.nodes.find((node) => node.nodeId === 'maintenance')!.dependencies = [branch('a'), branch('b')];
    after.nodes.find((node) => node.nodeId === 'maintenance')!.dependencies = [branch('b'), branch('c'), branch('d')];
    const diff = diffWorkflows(before, after);
    expect(diff.edges.changed.map((change) => [change.before.condition, change.after.condition])).toEqual([[branch('a').condition, branch('c').condition]]);
    expect(diff.edges.added.map((edge) => edge.condition)).toEqual([branch('d').condition]);
    expect(diff.edges.removed).toEqual([]);
  });
});
