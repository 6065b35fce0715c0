import type { JoinMode } from '../status';
import type { DependencyDefinition, WorkflowDefinition, WorkflowNodeDefinition } from './definition';

/**
 * A definition as the validator hands it on: both directions of the tree filled in, defaults
 * applied, settings that do not apply to the node's type dropped. It is still a
 * WorkflowDefinition, so it serializes and re-validates to itself.
 */
export type NormalizedWorkflowNode = Omit<WorkflowNodeDefinition, 'isRoot' | 'parentId' | 'children' | 'dependencies' | 'join' | 'priority'> & {
  isRoot: boolean;
  /** null for the root only. */
  parentId: string | null;
  /** Child ids in order; always empty for an agent. */
  children: string[];
  dependencies: DependencyDefinition[];
  join: JoinMode;
  priority: number;
};

export type NormalizedWorkflowDefinition = Omit<WorkflowDefinition, 'variables' | 'nodes'> & {
  variables: NonNullable<WorkflowDefinition['variables']>;
  nodes: NormalizedWorkflowNode[];
};

/** Defaults the validator fills in where a definition leaves a setting out. */
export const NODE_DEFAULTS = { join: 'all', priority: 0 } as const satisfies { join: JoinMode; priority: number };
