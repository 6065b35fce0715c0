/**
 * What "retry failed" did: the nodes it restarted, and for every other failed node why it was
 * not restarted by itself, so that the count the operator confirmed and the count restarted
 * can be told apart.
 */
export const RETRY_SKIP_REASONS = [
  /** A container that failed because of its children: it runs again with them. */
  'childFailed',
  /** Inside a stopped or skipped container, which would keep it from running. */
  'blockedByContainer',
  /** A container or child restarted in the same retry reopened it already. */
  'reopened',
] as const;
export type RetrySkipReason = (typeof RETRY_SKIP_REASONS)[number];

export interface RetrySkipped {
  nodeId: string;
  reason: RetrySkipReason;
  /** The container that blocks it (blockedByContainer). */
  containerId?: string;
}

export interface RetryFailedResult {
  /** In the task's node order. */
  restarted: string[];
  skipped: RetrySkipped[];
}

