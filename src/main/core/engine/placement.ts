import type { BalancingStrategy } from '../../../shared/engine/endpoints';
import { DEFAULT_SCORE_WEIGHTS, type ScoreWeights } from '../../../shared/settings/settings';
import { candidateScore, type ScoreCandidate, type ScoreNode } from './placement-score';

export type PlacementCandidate = ScoreCandidate;

/** A pick and how it was made: each candidate's score (null under round_robin, which does not score). */
export interface PlacementChoice {
  index: number;
  score: number | null;
  scores: { index: number; score: number | null }[];
}

const ANY_NODE: ScoreNode = { requiredSkills: [], priority: 0 };

/**
 * Picks an Engine among the candidates (those connected, offering the agent load, having the
 * skills the node requires, with room).
 * - round_robin: the next candidate after the last pick, in list order;
 * - least_connections, weighted, score: the highest candidateScore (placement-score.ts).
 * Ties go to the candidate coming first in round-robin order (the one after the last pick), so
 * the choice is deterministic and equal Engines take turns.
 */
export class Placement {
  private cursor = 0;

  constructor(
    readonly strategy: BalancingStrategy,
    private readonly weights: ScoreWeights = DEFAULT_SCORE_WEIGHTS,
  ) {}

  pick(candidates: readonly PlacementCandidate[], node: ScoreNode = ANY_NODE): number {
    return this.choose(candidates, node).index;
  }

  choose(candidates: readonly PlacementCandidate[], node: ScoreNode = ANY_NODE): PlacementChoice {
    if (candidates.length === 0) throw new Error('no candidate to place on');
    const ordered = [...candidates].sort((a, b) => rank(a.index, this.cursor) - rank(b.index, this.cursor));
    const scores = ordered.map((candidate) => ({ index: candidate.index, score: candidateScore(this.strategy, candidate, node, this.weights) }));
    let best = scores[0]!;
    for (const entry of scores) if (entry.score !== null && best.score !== null && entry.score > best.score) best = entry;
    this.cursor = best.index + 1;
    return { index: best.index, score: best.score, scores: scores.sort((a, b) => a.index - b.index) };
  }
}

/** Distance from the cursor going forward, so the candidate right after the last pick comes first. */
function rank(index: number, cursor: number): number {
  return index >= cursor ? index - cursor : index + 1_000_000;
}
