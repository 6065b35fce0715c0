import { useMemo } from 'react';
import { workflowCommands, type NodeCommands } from '../../../../shared/workflow/commands';
import type { WorkflowDefinition } from '../../../../shared/workflow/definition';
import type { AgentCatalogItem } from '../model/agent-catalog';
import { confirmReview, pendingReview, type CommandReview } from './command-review';

export interface CommandReviewState {
  /** The nodes whose commands are owed a review, as the document is now. */
  pending: NodeCommands[];
  /** Records that the operator has read every command of the document as it is now. */
  confirm: () => void;
}

export function useCommandReview(definition: WorkflowDefinition, catalog: readonly AgentCatalogItem[], review: CommandReview, setReview: (review: CommandReview) => void): CommandReviewState {
  const commands = useMemo(() => workflowCommands(definition, catalog), [definition, catalog]);
  const pending = useMemo(() => pendingReview(review, commands), [review, commands]);
  return { pending, confirm: () => setReview(confirmReview(review, commands)) };
}
