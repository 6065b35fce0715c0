import { append } from './append';
import { checkJsonLogic } from './json-logic-check';
import { nodeRef } from './problem-text';
import type { Problem, ProblemParams } from './problems';
import { WORKFLOW_PROBLEM } from './problem-codes';
import type { TreeShape } from './structure-check';

/** Settings of each node that make no sense for its type, or that cannot take effect. */
export function checkNodeSettings(shape: TreeShape): Problem[] {
  const problems: Problem[] = [];
  for (const { node, index, complete } of shape.unique) {
    if (!complete) continue;
    const id = node.nodeId;
    const path = (...rest: (string | number)[]) => ['nodes', index, ...rest];
    const add = (severity: Problem['severity'], code: string, at: (string | number)[], message: string, params?: ProblemParams) =>
      problems.push({ severity, code, path: at, message, nodeId: id, ...(params ? { params } : {}) });
    const ignored = (field: string, why: string) =>
      add('warning', WORKFLOW_PROBLEM.ignoredSetting, path(field), `${field} on ${node.nodeType === 'agent' ? 'an agent' : 'a container'} is ignored and dropped: ${why}`, { context: field, node: nodeRef(id) });

    if (node.nodeType === 'agent') {
      if (node.agentLoad === undefined) {
        add('error', WORKFLOW_PROBLEM.agentWithoutLoad, path('agentLoad'), `the agent ${nodeRef(id)} has no agentLoad, which names what runs it (e.g. "script", "http", "manual")`, { node: nodeRef(id) });
      }
      if (node.containerConfig !== undefined) ignored('containerConfig', 'only containers are initialized with one');
      if (node.containerType !== undefined) ignored('containerType', 'only containers have a container type');
    } else {
      if (node.agentLoad !== undefined) ignored('agentLoad', 'containers run no load themselves; their agents do');
      if (node.agentConfig !== undefined) ignored('agentConfig', 'containers run no load themselves; their agents do');
      if (node.agentMetaId !== undefined) ignored('agentMetaId', 'containers run no agent themselves; their agents do');
      if (node.agentUrl !== undefined) ignored('agentUrl', 'containers run no agent themselves; their agents do');
      if (node.priority !== undefined && node.priority !== 0) {
        add('warning', WORKFLOW_PROBLEM.pointlessSetting, path('priority'), 'priority has no effect on a container: containers take no Engine capacity, so they never wait in the queue that priority orders', {
          context: 'containerPriority',
          node: nodeRef(id),
        });
      }
      if ((shape.children.get(id) ?? []).length === 0) {
        add('warning', WORKFLOW_PROBLEM.emptyContainer, path(), `the container ${nodeRef(id)} holds no nodes, so it does nothing and completes at once`, { node: nodeRef(id) });
      }
    }
    if (node.activation !== undefined) {
      append(problems, checkJsonLogic(node.activation, path('activation'), { what: 'activation', nodeId: id }));
    }
    const backoff = node.retry?.backoff;
    if (node.retry && node.retry.maxRetries === 0 && backoff) {
      add('warning', WORKFLOW_PROBLEM.pointlessSetting, path('retry', 'backoff'), 'backoff has no effect with maxRetries 0', { context: 'noRetries' });
    }
    if (backoff && backoff.initialMs > backoff.maxMs) {
      add('warning', WORKFLOW_PROBLEM.pointlessSetting, path('retry', 'backoff', 'initialMs'), `initialMs (${backoff.initialMs}) is above maxMs (${backoff.maxMs}), so every retry waits maxMs`, {
        context: 'initialAboveMax',
        initialMs: backoff.initialMs,
        maxMs: backoff.maxMs,
      });
    }
  }
  return problems;
}
