import type { BalancingStrategy } from '../engine/endpoints';

/** One Engine the balancer weighed for an execution, and its score (null under round_robin). */
export interface AssignmentCandidate {
  engine: string;
  score: number | null;
}

/** Where the balancer placed an agent execution, and how (node_assignment). */
export interface AssignmentRecord {
  taskId: string;
  nodeId: string;
  batch: number;
  /** The chosen Engine's id (its endpoint's name before its first handshake). */
  engine: string;
  strategy: BalancingStrategy;
  score: number | null;
  candidates: AssignmentCandidate[];
}

export type PlacementView = Omit<AssignmentRecord, 'taskId' | 'nodeId'> & { time: number };

/**
 * How a manual step got its assignee: named by the definition (`assignee`), or chosen among the
 * operators having the skills it requires, the one with the fewest open manual steps.
 */
export const ASSIGNEE_SOURCES = ['definition', 'skills'] as const;
export type AssigneeSource = (typeof ASSIGNEE_SOURCES)[number];

export interface AssigneeView {
  batch: number;
  /** null: no operator has the skills the step requires; only a supervisor may decide it. */
  assignee: string | null;
  source: AssigneeSource;
  requiredSkills: string[];
  time: number;
}
