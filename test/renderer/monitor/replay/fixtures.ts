import type { NodeStatus } from '../../../../src/shared/status';
import type { DependencyView, NodeView } from '../../../../src/shared/task/nodes';
import type { ExecutionView, TaskDetail, TransitionView } from '../../../../src/shared/task/views';
import type { TaskNodes } from '../../../../src/renderer/src/monitor/task-panel';

export const TASK_ID = '1001';

export function nodeView(nodeId: string, fields: Partial<NodeView> = {}): NodeView {
  return {
    taskId: TASK_ID,
    nodeId,
    nodeType: 'agent',
    name: null,
    parentId: null,
    isRoot: false,
    level: 0,
    status: 'pending',
    batch: 0,
    agentLoad: null,
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

let nextId = 1;

export function transition(nodeId: string, from: NodeStatus | null, to: NodeStatus, time: number, batch = 0, reason: string | null = null): TransitionView {
  return { transitionId: String(nextId++), nodeId, batch, from, to, reason, trigger: 'system', operator: null, time };
}

export function execution(nodeId: string, batch: number, fields: Partial<ExecutionView> = {}): ExecutionView {
  return {
    executionId: String(nextId++),
    nodeId,
    batch,
    engineId: 'engine-1',
    status: 'completed',
    progress: 1,
    resolvedConfig: null,
    result: null,
    exitCode: null,
    errorCode: null,
    errorMessage: null,
    startTime: null,
    endTime: null,
    durationMs: null,
    ...fields,
  };
}

export function taskDetail(fields: Partial<TaskDetail> = {}): TaskDetail {
  return {
    taskId: TASK_ID,
    name: 'Sample',
    status: 'completed',
    createdBy: null,
    createdAt: 0,
    startTime: 10,
    endTime: 40,
    errorMessage: null,
    engineIds: ['engine-1'],
    totalNodes: 0,
    totalContainers: 0,
    totalAgents: 0,
    completedNodes: 0,
    failedNodes: 0,
    runningNodes: 0,
    skippedNodes: 0,
    rootNodeId: 'root',
    variables: { threshold: 0.5 },
    workflow: { name: 'Sample', nodes: [{ nodeId: 'root', nodeType: 'container', isRoot: true }] },
    ...fields,
  };
}
