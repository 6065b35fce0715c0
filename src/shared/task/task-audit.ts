import type { NodeStatus } from '../status';
import { reasonText } from './reason-wordings';

/**
 * A task's pause and resume change no node's status, so the scheduler records each as the
 * operator's transition of the root onto itself, told apart by these reasons. Readers of
 * the history (replay, the run report) ask `taskAuditOf` instead of matching the words.
 */
export const TASK_PAUSED_REASON = reasonText('taskPaused');
export const TASK_RESUMED_REASON = reasonText('taskResumed');

export type TaskAudit = 'paused' | 'resumed';

export function taskAuditOf(transition: { from: NodeStatus | null; to: NodeStatus; reason: string | null }): TaskAudit | null {
  if (transition.from !== transition.to || transition.reason === null) return null;
  if (transition.reason === TASK_PAUSED_REASON) return 'paused';
  if (transition.reason === TASK_RESUMED_REASON) return 'resumed';
  return null;
}
