import { describe, expect, it } from 'vitest';
import { fieldDraftProblems } from '../../../src/renderer/src/editor/model/field-draft-problems';
import type { FieldDraft } from '../../../src/renderer/src/editor/inspector/field-drafts';
import type { WorkflowDefinition } from '../../../src/shared/workflow/definition';
import { WORKFLOW_PROBLEM } from '../../../src/shared/workflow/problem-codes';

const definition: WorkflowDefinition = {
  name: 'w',
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true, parentId: null, children: ['a', 'b'] },
    { nodeId: 'a', nodeType: 'agent', parentId: 'root', agentLoad: 'sim' },
    { nodeId: 'b', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'a', type: 'finish' }] },
  ],
} as WorkflowDefinition;

function draft(nodeId: string, path: (string | number)[]): FieldDraft {
  return { text: '{"nope": 1}', nodeId, path, field: 'Condition', reason: 'Unknown JSON Logic operator: nope' };
}

describe('fieldDraftProblems', () => {
  it('lists each unapplied field as an error on its node and path', () => {
    const drafts = new Map([
      ['b.activation', draft('b', ['activation'])],
      ['b.dependencies.0.condition', draft('b', ['dependencies', 0, 'condition'])],
    ]);
    const problems = fieldDraftProblems(definition, drafts);
    expect(problems.map((found) => [found.severity, found.code, found.path, found.nodeId])).toEqual([
      ['error', WORKFLOW_PROBLEM.invalidLogic, ['nodes', 2, 'activation'], 'b'],
      ['error', WORKFLOW_PROBLEM.invalidLogic, ['nodes', 2, 'dependencies', 0, 'condition'], 'b'],
    ]);
    expect(problems[0]!.message).toBe('the text typed in Condition is not applied until it is fixed: Unknown JSON Logic operator: nope');
  });

  it('drops drafts whose node or dependency is gone', () => {
    const drafts = new Map([
      ['gone.activation', draft('gone', ['activation'])],
      ['a.dependencies.0.condition', draft('a', ['dependencies', 0, 'condition'])],
    ]);
    expect(fieldDraftProblems(definition, drafts)).toEqual([]);
  });
});
