import type { NodeStatus } from '../../../../src/shared/status';
import type { ExecutionView, TaskDetail, TransitionView } from '../../../../src/shared/task/views';

import { TASK_ID } from '../node-views';

export { dependency, nodeView, TASK_ID, taskNodes } from '../node-views';

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
    engineNodeId: null,
    queueTimeMs: null,
    managedNodesTotal: null,
    managedNodesCompleted: null,
    cpuPeak: null,
    cpuMean: null,
    memoryPeakMb: null,
    memoryMeanMb: null,
    updatedAt: 0,
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
    description: null,
    engineTaskId: null,
    engineUrl: null,
    rootNodeId: 'root',
    variables: { threshold: 0.5 },
    workflow: { name: 'Sample', nodes: [{ nodeId: 'root', nodeType: 'container', isRoot: true }] },
    ...fields,
  };
}
