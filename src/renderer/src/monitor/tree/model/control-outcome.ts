import { ApiError } from '../../../../../shared/api/errors';
import type { TaskChange } from '../../../../../shared/task/changes';

/** An API failure as the UI shows it: the code the core gave (when it gave one) and its plain message. */
export function describeFailure(error: unknown): { code: string | null; message: string } {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: null, message: error.message };
  return { code: null, message: String(error) };
}

/** Whether a batch of change events moved this node of this task. */
export function changesTouchNode(changes: readonly TaskChange[], taskId: string, nodeId: string): boolean {
  return changes.some((change) => change.taskId === taskId && change.nodes.some((node) => node.nodeId === nodeId));
}
