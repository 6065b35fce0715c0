import { describe, expect, it } from 'vitest';
import { exportBpmn } from '../../../../../src/main/core/workflow/bpmn/export';
import { exportLayout } from '../../../../../src/main/core/workflow/bpmn/export-layout';
import { workflowTree } from '../../../../../src/main/core/workflow/bpmn/export-structure';
import { importBpmn } from '../../../../../src/main/core/workflow/bpmn/import';
import type { NormalizedWorkflowDefinition } from '../../../../../src/shared/workflow/normalized';
import { WORKFLOW_LIMITS } from '../../../../../src/shared/workflow/limits';
import { buildTree } from '../../../../../src/shared/workflow/tree';
import { validateWorkflow } from '../../../../../src/shared/workflow/validate';
import { deepChain, wideWorkflow } from '../../../../helpers/workflow';

/**
 * The shapes a valid workflow may take that a recursive walk would overflow on: a long
 * dependency chain, and containers nested as deep as the limit allows. Each walk of the BPMN
 * export (tree, layout, elements, diagram) and import must take them whole.
 */
const CHAIN = 20_000;

function valid(input: unknown): NormalizedWorkflowDefinition {
  const result = validateWorkflow(input);
  expect(result.problems.filter((found) => found.severity === 'error')).toEqual([]);
  return result.definition!;
}

describe('BPMN export and import of deep structures', () => {
  it(`lays out, exports and imports back a ${CHAIN.toLocaleString('en')}-node dependency chain`, async () => {
    const definition = valid(wideWorkflow(CHAIN));
    const tree = workflowTree(definition);
    const edges = definition.nodes.flatMap((node) => (node.dependencies ?? []).map((dependency, index) => ({ key: `${node.nodeId}#${index}`, source: dependency.sourceNodeId, target: node.nodeId })));
    const layout = await exportLayout(tree, edges);
    expect(layout.shapes.size).toBe(CHAIN + 1);
    // Each node of the chain is drawn to the right of the one it waits for.
    expect(layout.shapes.get('n19999')!.x).toBeGreaterThan(layout.shapes.get('n19998')!.x);

    const xml = await exportBpmn(definition);
    const back = await importBpmn(xml);
    expect(back.problems.filter((found) => found.severity === 'error')).toEqual([]);
    const imported = valid(back.definition);
    expect(imported.nodes).toHaveLength(CHAIN + 1);
    expect(imported.nodes.find((node) => node.nodeId === 'n19999')!.dependencies).toEqual([{ sourceNodeId: 'n19998', type: 'success' }]);
    expect(imported.nodes.find((node) => node.nodeId === 'n0')!.dependencies ?? []).toEqual([]);
  }, 300_000);

  it('exports and imports back containers nested as deep as the limit allows', async () => {
    const depth = WORKFLOW_LIMITS.nestingDepth;
    const definition = valid(deepChain(depth));
    expect(buildTree(definition).depth.get('leaf')).toBe(depth);
    const layout = await exportLayout(workflowTree(definition), []);
    // Every container is drawn inside the one holding it.
    for (let level = 1; level < depth; level++) {
      const outer = layout.shapes.get(`c${level - 1}`)!;
      const inner = layout.shapes.get(`c${level}`)!;
      expect(inner.x, `c${level}`).toBeGreaterThan(outer.x);
      expect(inner.x + inner.width, `c${level}`).toBeLessThan(outer.x + outer.width);
    }
    const back = await importBpmn(await exportBpmn(definition));
    const imported = valid(back.definition);
    expect(buildTree(imported).depth.get('leaf')).toBe(depth);
    expect(buildTree(imported).ancestors('leaf')).toEqual(Array.from({ length: depth }, (_, index) => `c${depth - 1 - index}`));
  }, 60_000);
});
