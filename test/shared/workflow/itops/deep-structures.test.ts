import { describe, expect, it } from 'vitest';
import { decisionMerges } from '../../../../src/shared/workflow/itops/decision-joins';
import { definitionToItops } from '../../../../src/shared/workflow/itops/export';
import { itopsToDefinition } from '../../../../src/shared/workflow/itops/import';
import { WORKFLOW_LIMITS } from '../../../../src/shared/workflow/limits';
import { buildTree } from '../../../../src/shared/workflow/tree';
import { validateWorkflow } from '../../../../src/shared/workflow/validate';
import { deepChain, wideWorkflow } from '../../../helpers/workflow';

/** The IT-ops template conversion both ways on a long chain, deep nesting and a wide decision. */
const CHAIN = 20_000;

function normalized(input: unknown) {
  const result = validateWorkflow(input);
  expect(result.problems.filter((found) => found.severity === 'error')).toEqual([]);
  return result.definition!;
}

describe('IT-ops template conversion of deep structures', () => {
  it(`writes a ${CHAIN.toLocaleString('en')}-node dependency chain as a template and reads it back`, () => {
    const definition = normalized(wideWorkflow(CHAIN));
    const { template } = definitionToItops(definition);
    const back = itopsToDefinition(template);
    expect(back.problems.filter((found) => found.severity === 'error')).toEqual([]);
    const read = normalized(back.definition);
    expect(read.nodes).toHaveLength(CHAIN + 1);
    expect(read.nodes.find((node) => node.nodeId === 'n19999')!.dependencies).toEqual([{ sourceNodeId: 'n19998', type: 'success' }]);
  });

  it('writes containers nested as deep as the limit allows and reads them back', () => {
    const depth = WORKFLOW_LIMITS.nestingDepth;
    const { template } = definitionToItops(normalized(deepChain(depth)));
    const read = normalized(itopsToDefinition(template).definition);
    expect(buildTree(read).depth.get('leaf')).toBe(depth);
  });

  it('finds where the branches of a decision with 20,000 branches meet again', () => {
    const branches = Array.from({ length: CHAIN }, (_, index) => `b${index}`);
    const nodes = [{ id: 'decide', decision: true }, ...branches.map((id) => ({ id, decision: false })), { id: 'meet', decision: false }, { id: 'after', decision: false }];
    const edges = [...branches.flatMap((id) => [{ source: 'decide', target: id }, { source: id, target: 'meet' }]), { source: 'meet', target: 'after' }];
    expect([...decisionMerges(nodes, edges)]).toEqual(['meet']);
  });
});
