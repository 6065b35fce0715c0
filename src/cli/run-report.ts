import type { NodeView } from '../shared/task/nodes';
import { countersOf, type ExecutionView, type TaskDetail } from '../shared/task/views';

/** The `--json` report of `deduction run`: the task's end state and each node's. */
export interface RunReport {
  task: {
    id: string;
    status: TaskDetail['status'];
    counters: Pick<TaskDetail, 'totalNodes' | 'totalContainers' | 'totalAgents' | 'completedNodes' | 'failedNodes' | 'runningNodes' | 'skippedNodes'>;
  };
  nodes: Array<{
    nodeId: string;
    nodeType: NodeView['nodeType'];
    kind: NodeView['kind'];
    parentId: string | null;
    status: NodeView['status'];
    batches: number;
    startTime: number | null;
    endTime: number | null;
  }>;
}

export function runReport(task: TaskDetail, nodes: NodeView[], executions: ExecutionView[]): RunReport {
  const batches = new Map<string, number>();
  for (const execution of executions) batches.set(execution.nodeId, Math.max(batches.get(execution.nodeId) ?? 0, execution.batch));
  return {
    task: {
      id: task.taskId,
      status: task.status,
      counters: countersOf(task),
    },
    nodes: nodes.map((node) => ({
      nodeId: node.nodeId,
      nodeType: node.nodeType,
      kind: node.kind,
      parentId: node.parentId,
      status: node.status,
      batches: batches.get(node.nodeId) ?? node.batch,
      startTime: node.startTime,
      endTime: node.endTime,
    })),
  };
}
