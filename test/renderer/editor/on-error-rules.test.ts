import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../../src/shared/workflow/definition';
import { addRule, handlerCandidates, removeRule, setRuleAction, setRuleCode, setRuleHandler, setRuleRetries } from '../../../src/renderer/src/editor/model/on-error-rules';

const definition: WorkflowDefinition = {
  name: 'w',
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true },
    { nodeId: 'box', nodeType: 'container', parentId: 'root' },
    { nodeId: 'work', nodeType: 'agent', parentId: 'box', agentLoad: 'sim' },
    { nodeId: 'fix', nodeType: 'agent', parentId: 'box', agentLoad: 'sim' },
    { nodeId: 'top', nodeType: 'agent', parentId: 'root', agentLoad: 'sim' },
    { nodeId: 'other', nodeType: 'container', parentId: 'root' },
    { nodeId: 'far', nodeType: 'agent', parentId: 'other', agentLoad: 'sim' },
  ],
};

describe('editing onError rules in the inspector', () => {
  it('adds, edits and removes rules, keeping only what each action uses', () => {
    let rules = addRule(undefined);
    expect(rules).toEqual([{ code: '*', action: 'retry', maxRetries: 1 }]);
    rules = setRuleCode(rules, 0, 'HTTP_*');
    rules = setRuleRetries(rules, 0, 3);
    expect(rules).toEqual([{ code: 'HTTP_*', action: 'retry', maxRetries: 3 }]);
    rules = setRuleAction(rules, 0, 'handler', 'fix');
    expect(rules).toEqual([{ code: 'HTTP_*', action: 'handler', handlerNodeId: 'fix' }]);
    rules = setRuleHandler(rules, 0, undefined);
    expect(rules).toEqual([{ code: 'HTTP_*', action: 'handler' }]);
    rules = setRuleAction(addRule(rules), 1, 'escalate');
    expect(rules[1]).toEqual({ code: '*', action: 'escalate' });
    expect(removeRule(rules, 0)).toEqual([{ code: '*', action: 'escalate' }]);
    expect(removeRule([{ code: '*', action: 'skip' }], 0)).toBeUndefined();
  });

  it('offers as handlers the agents of the containers around the node (the root’s for the workflow’s default list)', () => {
    expect(handlerCandidates(definition, 'work')).toEqual(['fix', 'top']);
    expect(handlerCandidates(definition, 'far')).toEqual(['top']);
    expect(handlerCandidates(definition, undefined)).toEqual(['top']);
  });
});
