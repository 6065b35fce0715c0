/**
 * Codes the scheduler writes to a node's error_code to say why it failed or was skipped
 * without an Engine saying so. Engine-reported failures carry the Engine's own codes
 * (NODE_ERROR_CODES and ENGINE_ERROR_CODES of the Engine protocol).
 */
export const NODE_REASON = {
  /** A `{"$ref": …}` in the node's config names nothing (yet): no such variable, no result. */
  unresolvedReference: 'UNRESOLVED_REFERENCE',
  /** Its dependencies can never all (join all) or never any (join one) be satisfied. */
  dependencyUnsatisfied: 'DEPENDENCY_UNSATISFIED',
  /** Its activation condition was false when it could have started. */
  activationFalse: 'ACTIVATION_FALSE',
  /** A condition or activation could not be evaluated. */
  logicError: 'LOGIC_ERROR',
  /** Its container ended, or was skipped, without running it. */
  containerNotRun: 'CONTAINER_NOT_RUN',
  /** An operator skipped it. */
  skippedByOperator: 'SKIPPED_BY_OPERATOR',
  /** A container whose children include a failed one. */
  childFailed: 'CHILD_FAILED',
  /** An operator stopped it. */
  stoppedByOperator: 'STOPPED_BY_OPERATOR',
  /** An operator rejected a manual node. */
  rejected: 'REJECTED',
  /** No result within the node's timeoutMs. */
  timeout: 'TIMEOUT',
  /** An onError rule skipped it after a failed attempt (the execution keeps the attempt's own code). */
  skippedByRule: 'SKIPPED_BY_RULE',
  /** An onError rule's handler node completed after a failed attempt: the node counts as completed. */
  recovered: 'RECOVERED',
  /** An onError rule failed it at once and raised an escalated alert. */
  escalated: 'ESCALATED',
  /** A handler node no failure called for, skipped so that its container can end. */
  handlerNotInvoked: 'HANDLER_NOT_INVOKED',
} as const;
export type NodeReasonCode = (typeof NODE_REASON)[keyof typeof NODE_REASON];

/** Skips the scheduler decided by itself; a rerun or restart upstream may undo them. */
export const AUTOMATIC_SKIP_REASONS: readonly string[] = [
  NODE_REASON.dependencyUnsatisfied,
  NODE_REASON.activationFalse,
  NODE_REASON.logicError,
  NODE_REASON.containerNotRun,
  NODE_REASON.handlerNotInvoked,
];
