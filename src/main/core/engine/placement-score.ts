import type { BalancingStrategy } from '../../../shared/engine/endpoints';
import type { ScoreWeights } from '../../../shared/settings/settings';

/** One Engine able to take the node (connected, offering its agent load, with room). */
export interface ScoreCandidate {
  /** The Engine's position in the environment's list. */
  index: number;
  /** Base weight (the endpoint's `weight`). */
  weight: number;
  /** Agent nodes this console runs on it now. */
  active: number;
  /** Agent nodes it runs at once, at most, as it reports. */
  capacity: number;
  skills: readonly string[];
}

/** What the node asks of its Engine. */
export interface ScoreNode {
  requiredSkills: readonly string[];
  priority: number;
}

/** Node priorities at or beyond these bounds count as the lowest (0) and highest (1) priority score. */
export const PRIORITY_SCORE_RANGE = { low: -100, high: 100 } as const;

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

/** 1 − active/capacity: 1 for an idle Engine, 0 for a full one (or one reporting no capacity). */
export function workloadScore(active: number, capacity: number): number {
  return capacity <= 0 ? 0 : clamp01(1 - active / capacity);
}

/** The share of the node's required skills the Engine has; 1 when none are required. */
export function skillScore(required: readonly string[], skills: readonly string[]): number {
  const wanted = [...new Set(required)];
  if (wanted.length === 0) return 1;
  const have = new Set(skills);
  return wanted.filter((skill) => have.has(skill)).length / wanted.length;
}

/**
 * The node's priority as 0..1: linear from PRIORITY_SCORE_RANGE.low (0) to .high (1), so the
 * default priority 0 scores 0.5; priorities beyond the range are clamped.
 */
export function priorityScore(priority: number): number {
  const { low, high } = PRIORITY_SCORE_RANGE;
  return clamp01((priority - low) / (high - low));
}

/**
 * A candidate's score under the strategy; the highest wins. null for round_robin, which does
 * not score.
 * - score: workload·w.workload + skill·w.skill + priority·w.priority (the design's composite);
 * - least_connections: 1 − active/capacity, so the least loaded relative to its capacity wins;
 * - weighted: base weight × 1/(1 + active) × skill match (the design's _weighted_balance).
 */
export function candidateScore(strategy: BalancingStrategy, candidate: ScoreCandidate, node: ScoreNode, weights: ScoreWeights): number | null {
  switch (strategy) {
    case 'round_robin':
      return null;
    case 'least_connections':
      return workloadScore(candidate.active, candidate.capacity);
    case 'weighted':
      return candidate.weight * (1 / (1 + candidate.active)) * skillScore(node.requiredSkills, candidate.skills);
    case 'score':
      return (
        workloadScore(candidate.active, candidate.capacity) * weights.workload +
        skillScore(node.requiredSkills, candidate.skills) * weights.skill +
        priorityScore(node.priority) * weights.priority
      );
  }
}
