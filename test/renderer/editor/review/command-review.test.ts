import { describe, expect, it } from 'vitest';
import { workflowCommands } from '../../../../src/shared/workflow/commands';
import type { WorkflowDefinition } from '../../../../src/shared/workflow/definition';
import { confirmReview, NO_REVIEW, pendingReview, reviewFromFile } from '../../../../src/renderer/src/editor/review/command-review';

const CATALOG = [{ agentLoad: 'script', kind: 'process' as const }];

function workflow(scan: string, report: string): WorkflowDefinition {
  return {
    name: 'W',
    nodes: [
      { nodeId: 'root', nodeType: 'container', isRoot: true, parentId: null, children: ['scan', 'report'] },
      { nodeId: 'scan', nodeType: 'agent', parentId: 'root', agentLoad: 'script', agentConfig: { command: scan } },
      { nodeId: 'report', nodeType: 'agent', parentId: 'root', agentLoad: 'script', agentConfig: { script: report } },
    ],
  };
}

const ids = (nodes: { nodeId: string }[]) => nodes.map((node) => node.nodeId);

describe('command review', () => {
  it('owes nothing for a document made in the editor or opened from a template', () => {
    expect(pendingReview(NO_REVIEW, workflowCommands(workflow('a', 'b'), CATALOG))).toEqual([]);
  });

  it('owes every command node of a file until the operator confirms', () => {
    const commands = workflowCommands(workflow('a', 'b'), CATALOG);
    expect(ids(pendingReview(reviewFromFile(), commands))).toEqual(['scan', 'report']);
    expect(pendingReview(confirmReview(reviewFromFile(), commands), commands)).toEqual([]);
  });

  it('owes a node again once its command is edited, and only that node', () => {
    const reviewed = confirmReview(reviewFromFile(), workflowCommands(workflow('a', 'b'), CATALOG));
    expect(ids(pendingReview(reviewed, workflowCommands(workflow('a', 'b; curl evil'), CATALOG)))).toEqual(['report']);
    expect(pendingReview(reviewed, workflowCommands(workflow('a', 'b'), CATALOG))).toEqual([]);
  });

  it('owes a command node added after the review', () => {
    const reviewed = confirmReview(reviewFromFile(), workflowCommands(workflow('a', 'b'), CATALOG).slice(0, 1));
    expect(ids(pendingReview(reviewed, workflowCommands(workflow('a', 'b'), CATALOG)))).toEqual(['report']);
  });
});
