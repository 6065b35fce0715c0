import type { DependencyView, NodeView } from '../../../src/shared/task/nodes';
import type { TaskNodes } from '../../../src/renderer/src/task-panels/task-panel';

export const TASK_ID = '1001';

/** A node as queryNodes returns it: an agent, pending, with no history unless told otherwise. */
export function nodeView(nodeId: string, fields: Partial<NodeView> = {}): NodeView {
  return {
    taskId: TASK_ID,
    nodeId,
    nodeType: 'agent',
    kind: null,
    name: null,
    parentId: null,
    isRoot: false,
    level: 0,
    status: 'pending',
    batch: 0,
    agentLoad: null,
    agentMetaId: null,
    agentUrl: null,
    containerType: null,
    envConfig: null,
    bizValue: null,
    join: 'all',
    priority: 0,
    progress: 0,
    result: null,
    errorCode: null,
    errorMessage: null,
    engineId: null,
    notBefore: null,
    readyTime: null,
    startTime: null,
    endTime: null,
    dependencies: [],
    ...fields,
  };
}

export function dependency(sourceNodeId: string, type: DependencyView['type'], state: DependencyView['state'] = 'pending', condition: DependencyView['condition'] = null): DependencyView {
  return { sourceNodeId, type, condition, state, satisfied: state === 'satisfied' };
}

/** Views in depth-first order: each container before its children. */
export function taskNodes(views: readonly NodeView[], version = 1): TaskNodes {
  return { byId: new Map(views.map((view) => [view.nodeId, view])), order: views.map((view) => view.nodeId), version };
}
