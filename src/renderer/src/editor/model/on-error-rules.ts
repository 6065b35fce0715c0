import type { OnErrorAction, OnErrorRule, WorkflowDefinition } from '../../../../shared/workflow/definition';

/**
 * Edits of an onError rule list as the inspector's table makes them: a rule keeps only the
 * settings its action uses, and an emptied list is absent (no rules: the retry policy decides).
 */

export const NEW_RULE: OnErrorRule = { code: '*', action: 'retry', maxRetries: 1 };

export function addRule(rules: readonly OnErrorRule[] | undefined): OnErrorRule[] {
  return [...(rules ?? []), { ...NEW_RULE }];
}

export function removeRule(rules: readonly OnErrorRule[], index: number): OnErrorRule[] | undefined {
  const rest = rules.filter((_, at) => at !== index);
  return rest.length === 0 ? undefined : rest;
}

export function setRuleCode(rules: readonly OnErrorRule[], index: number, code: string): OnErrorRule[] {
  return rules.map((rule, at) => (at === index ? { ...rule, code } : rule));
}

export function setRuleAction(rules: readonly OnErrorRule[], index: number, action: OnErrorAction, handlerNodeId?: string): OnErrorRule[] {
  return rules.map((rule, at) => {
    if (at !== index) return rule;
    if (action === 'retry') return { code: rule.code, action, maxRetries: rule.maxRetries ?? 1, ...(rule.backoff && { backoff: rule.backoff }) };
    if (action === 'handler') return { code: rule.code, action, ...((rule.handlerNodeId ?? handlerNodeId) !== undefined && { handlerNodeId: rule.handlerNodeId ?? handlerNodeId }) };
    return { code: rule.code, action };
  });
}

export function setRuleRetries(rules: readonly OnErrorRule[], index: number, maxRetries: number | undefined): OnErrorRule[] {
  return rules.map((rule, at) => {
    if (at !== index) return rule;
    const { maxRetries: _old, ...rest } = rule;
    return maxRetries === undefined ? rest : { ...rest, maxRetries };
  });
}

export function setRuleHandler(rules: readonly OnErrorRule[], index: number, handlerNodeId: string | undefined): OnErrorRule[] {
  return rules.map((rule, at) => {
    if (at !== index) return rule;
    const { handlerNodeId: _old, ...rest } = rule;
    return handlerNodeId === undefined ? rest : { ...rest, handlerNodeId };
  });
}

/**
 * The agents a node's rule may name as its handler (what the validator accepts): agents other
 * than the node, inside one of the containers around it. For the workflow's default list
 * (nodeId undefined), the root's agents.
 */
export function handlerCandidates(definition: WorkflowDefinition, nodeId: string | undefined): string[] {
  const parentOf = new Map<string, string | null>();
  for (const node of definition.nodes) if (node.parentId !== undefined) parentOf.set(node.nodeId, node.parentId);
  for (const node of definition.nodes) for (const child of node.children ?? []) if (!parentOf.get(child)) parentOf.set(child, node.nodeId);
  const around = new Set<string>();
  if (nodeId === undefined) {
    const root = definition.nodes.find((node) => node.isRoot === true || (node.nodeType === 'container' && !parentOf.get(node.nodeId)));
    if (root) around.add(root.nodeId);
  } else {
    for (let at = parentOf.get(nodeId); at && !around.has(at); at = parentOf.get(at)) around.add(at);
  }
  return definition.nodes.filter((node) => node.nodeType === 'agent' && node.nodeId !== nodeId && around.has(parentOf.get(node.nodeId) ?? '')).map((node) => node.nodeId);
}
