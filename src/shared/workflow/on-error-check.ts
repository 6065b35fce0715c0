import type { OnErrorRule } from './definition';
import { isCatchAll } from './on-error';
import { nodeRef } from './problem-text';
import { problem, type Problem } from './problems';
import type { ProblemArgs } from './problem-wordings';
import { WORKFLOW_PROBLEM } from './problem-codes';
import type { TreeShape } from './structure-check';

type Path = (string | number)[];

/**
 * The recovery rules of every agent and of the workflow: each rule can match, a retry has a
 * budget, and a handler names an agent that can run where the failing node runs (inside a
 * container around it, never the node itself or a container it is in) and that nothing else
 * starts (no dependencies of its own).
 */
export function checkOnErrorRules(shape: TreeShape, workflowRules: readonly OnErrorRule[] | undefined): Problem[] {
  const problems: Problem[] = [];
  const handlers = new Set<string>();
  for (const { node, index, complete } of shape.unique) {
    if (!complete || node.onError === undefined) continue;
    const id = node.nodeId;
    if (node.nodeType === 'container') {
      problems.push(problem('warning', WORKFLOW_PROBLEM.ignoredSetting, ['nodes', index, 'onError'], { context: 'onError', node: nodeRef(id) }, id));
      continue;
    }
    checkRules(node.onError, ['nodes', index, 'onError'], id, (rule, path) => {
      const handler = rule.handlerNodeId!;
      handlers.add(handler);
      if (handler === id) return problems.push(ruleProblem(path, { context: 'handlerSelf', node: nodeRef(id) }, id));
      const target = shape.byId.get(handler);
      if (!target) return problems.push(ruleProblem(path, { context: 'handlerUnknown', handler: nodeRef(handler) }, id));
      const containers = ancestorsOf(shape, id);
      if (containers.includes(handler)) return problems.push(ruleProblem(path, { context: 'handlerAncestor', handler: nodeRef(handler), node: nodeRef(id) }, id));
      if (target.node.nodeType !== 'agent') return problems.push(ruleProblem(path, { context: 'handlerNotAgent', handler: nodeRef(handler) }, id));
      const parent = shape.parent.get(handler);
      if (parent === null || parent === undefined || !containers.includes(parent)) {
        problems.push(ruleProblem(path, { context: 'handlerOutside', handler: nodeRef(handler), node: nodeRef(id) }, id));
      }
      return 0;
    }, problems);
  }
  if (workflowRules !== undefined) {
    checkRules(workflowRules, ['onError'], undefined, (rule, path) => {
      const handler = rule.handlerNodeId!;
      handlers.add(handler);
      const target = shape.byId.get(handler);
      if (!target) return problems.push(ruleProblem(path, { context: 'handlerUnknown', handler: nodeRef(handler) }));
      if (target.node.nodeType !== 'agent') return problems.push(ruleProblem(path, { context: 'handlerNotAgent', handler: nodeRef(handler) }));
      if (shape.rootId !== undefined && shape.parent.get(handler) !== shape.rootId) {
        problems.push(ruleProblem(path, { context: 'defaultHandlerOutside', handler: nodeRef(handler), root: nodeRef(shape.rootId) }));
      }
      return 0;
    }, problems);
  }
  for (const handler of handlers) {
    const target = shape.byId.get(handler);
    if (target?.complete && (target.node.dependencies ?? []).length > 0) {
      problems.push(problem('error', WORKFLOW_PROBLEM.onErrorRule, ['nodes', target.index, 'dependencies'], { context: 'handlerWithDependencies', handler: nodeRef(handler) }, handler));
    }
  }
  return problems;
}

function checkRules(rules: readonly OnErrorRule[], base: Path, nodeId: string | undefined, checkHandler: (rule: OnErrorRule, path: Path) => unknown, problems: Problem[]): void {
  let catchAll: number | undefined;
  rules.forEach((rule, index) => {
    const path = [...base, index];
    if (catchAll !== undefined) problems.push(problem('warning', WORKFLOW_PROBLEM.onErrorRule, path, { context: 'unreachable', rule: catchAll + 1 }, nodeId));
    if (rule.code.trim() === '') problems.push(ruleProblem([...path, 'code'], { context: 'emptyCode' }, nodeId));
    else if (catchAll === undefined && isCatchAll(rule.code)) catchAll = index;
    if (rule.action === 'retry' && (rule.maxRetries === undefined || rule.maxRetries === 0)) problems.push(ruleProblem([...path, 'maxRetries'], { context: 'retryWithoutBudget' }, nodeId));
    if (rule.action !== 'retry' && (rule.maxRetries !== undefined || rule.backoff !== undefined)) {
      problems.push(problem('warning', WORKFLOW_PROBLEM.onErrorRule, path, { context: 'retryFieldsIgnored', action: rule.action }, nodeId));
    }
    if (rule.action === 'handler') {
      if (rule.handlerNodeId === undefined) problems.push(ruleProblem([...path, 'handlerNodeId'], { context: 'handlerMissing' }, nodeId));
      else checkHandler(rule, [...path, 'handlerNodeId']);
    } else if (rule.handlerNodeId !== undefined) {
      problems.push(problem('warning', WORKFLOW_PROBLEM.onErrorRule, [...path, 'handlerNodeId'], { context: 'handlerIgnored', action: rule.action }, nodeId));
    }
  });
}

function ruleProblem(path: Path, args: ProblemArgs<typeof WORKFLOW_PROBLEM.onErrorRule>, nodeId?: string): Problem {
  return problem('error', WORKFLOW_PROBLEM.onErrorRule, path, args, nodeId);
}

function ancestorsOf(shape: TreeShape, id: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (let at = shape.parent.get(id); at !== null && at !== undefined && !seen.has(at); at = shape.parent.get(at)) {
    seen.add(at);
    found.push(at);
  }
  return found;
}
