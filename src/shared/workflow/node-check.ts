import { append } from './append';
import { checkJsonLogic } from './json-logic-check';
import { nodeRef } from './problem-text';
import { problem, type Problem } from './problems';
import { WORKFLOW_PROBLEM } from './problem-codes';
import type { TreeShape } from './structure-check';
import { NODE_KIND_DEFAULTS, NODE_KINDS } from '../status';

/** Settings of each node that make no sense for its type, or that cannot take effect. */
export function checkNodeSettings(shape: TreeShape): Problem[] {
  const problems: Problem[] = [];
  for (const { node, index, complete } of shape.unique) {
    if (!complete) continue;
    const id = node.nodeId;
    const path = (...rest: (string | number)[]) => ['nodes', index, ...rest];
    const ignored = (field: 'containerConfig' | 'containerType' | 'agentLoad' | 'agentConfig' | 'agentMetaId' | 'agentUrl' | 'requiredSkills' | 'assignee') => problems.push(problem('warning', WORKFLOW_PROBLEM.ignoredSetting, path(field), { context: field, node: nodeRef(id) }, id));

    const kind = node.kind === undefined ? undefined : NODE_KIND_DEFAULTS[node.kind];
    if (kind && kind.nodeType !== node.nodeType) {
      const kinds = NODE_KINDS.filter((other) => NODE_KIND_DEFAULTS[other].nodeType === node.nodeType).map((other) => JSON.stringify(other));
      problems.push(problem('error', WORKFLOW_PROBLEM.kindTypeMismatch, path('kind'), { context: node.nodeType, kind: JSON.stringify(node.kind), node: nodeRef(id), kinds: kinds.join(', ') }, id));
    }
    if (node.nodeType === 'agent') {
      // A kind names the load of an agent that names none (kindDefaults in normalize.ts).
      if (node.agentLoad === undefined && !kind?.agentLoad) {
        problems.push(problem('error', WORKFLOW_PROBLEM.agentWithoutLoad, path('agentLoad'), { node: nodeRef(id) }, id));
      }
      if (node.containerConfig !== undefined) ignored('containerConfig');
      if (node.containerType !== undefined) ignored('containerType');
    } else {
      if (node.agentLoad !== undefined) ignored('agentLoad');
      if (node.agentConfig !== undefined) ignored('agentConfig');
      if (node.agentMetaId !== undefined) ignored('agentMetaId');
      if (node.agentUrl !== undefined) ignored('agentUrl');
      if (node.requiredSkills !== undefined) ignored('requiredSkills');
      if (node.assignee !== undefined) ignored('assignee');
      if (node.priority !== undefined && node.priority !== 0) {
        problems.push(problem('warning', WORKFLOW_PROBLEM.pointlessSetting, path('priority'), { context: 'containerPriority', node: nodeRef(id) }, id));
      }
      if ((shape.children.get(id) ?? []).length === 0) {
        problems.push(problem('warning', WORKFLOW_PROBLEM.emptyContainer, path(), { node: nodeRef(id) }, id));
      }
    }
    if (node.activation !== undefined) {
      append(problems, checkJsonLogic(node.activation, path('activation'), { what: 'activation', nodeId: id }));
    }
    const backoff = node.retry?.backoff;
    if (node.retry && node.retry.maxRetries === 0 && backoff) {
      problems.push(problem('warning', WORKFLOW_PROBLEM.pointlessSetting, path('retry', 'backoff'), { context: 'noRetries' }, id));
    }
    if (backoff && backoff.initialMs > backoff.maxMs) {
      const params = { context: 'initialAboveMax', initialMs: backoff.initialMs, maxMs: backoff.maxMs } as const;
      problems.push(problem('warning', WORKFLOW_PROBLEM.pointlessSetting, path('retry', 'backoff', 'initialMs'), params, id));
    }
  }
  return problems;
}
