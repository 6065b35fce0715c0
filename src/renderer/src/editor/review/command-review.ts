import { actionsFingerprint, type NodeCommands } from '../../../../shared/workflow/commands';

/**
 * Whether the open document's commands must be reviewed before it may start, and what the
 * operator has reviewed: each node's actions as they were when confirmed. A document from a
 * file needs review; one made in the editor or opened from this console's templates does not.
 */
export interface CommandReview {
  required: boolean;
  reviewed: ReadonlyMap<string, string>;
}

export const NO_REVIEW: CommandReview = { required: false, reviewed: new Map() };

export function reviewFromFile(): CommandReview {
  return { required: true, reviewed: new Map() };
}

/** The nodes whose actions the operator has not confirmed as they are now; empty when none is owed. */
export function pendingReview(review: CommandReview, commands: readonly NodeCommands[]): NodeCommands[] {
  if (!review.required) return [];
  return commands.filter((node) => review.reviewed.get(node.nodeId) !== actionsFingerprint(node));
}

/** The operator has read `commands` as they are now; a later change to any of them is owed again. */
export function confirmReview(review: CommandReview, commands: readonly NodeCommands[]): CommandReview {
  const reviewed = new Map(review.reviewed);
  for (const node of commands) reviewed.set(node.nodeId, actionsFingerprint(node));
  return { required: review.required, reviewed };
}
