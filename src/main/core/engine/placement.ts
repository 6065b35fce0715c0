import type { BalancingStrategy } from '../../../shared/engine/endpoints';

export interface PlacementCandidate {
  /** The Engine's position in the environment's list. */
  index: number;
  weight: number;
  /** Nodes this console runs on it now. */
  active: number;
}

/**
 * Picks an Engine among the candidates (those connected, offering the agent load, with room).
 * - round_robin: the next candidate after the last pick, in list order;
 * - least_connections: the fewest active nodes, ties broken in round-robin order;
 * - weighted: smooth weighted round robin (as nginx), so an Engine of weight 3 among weights
 *   3, 2, 1 gets 3 of every 6 nodes, interleaved rather than in a burst.
 */
export class Placement {
  private cursor = 0;
  private readonly current = new Map<number, number>();

  constructor(readonly strategy: BalancingStrategy) {}

  pick(candidates: readonly PlacementCandidate[]): number {
    if (candidates.length === 0) throw new Error('no candidate to place on');
    const chosen = this.strategy === 'weighted' ? this.weighted(candidates) : this.rotating(candidates);
    this.cursor = chosen + 1;
    return chosen;
  }

  private rotating(candidates: readonly PlacementCandidate[]): number {
    const ordered = [...candidates].sort((a, b) => rank(a.index, this.cursor) - rank(b.index, this.cursor));
    if (this.strategy === 'round_robin') return ordered[0]!.index;
    let best = ordered[0]!;
    for (const candidate of ordered) if (candidate.active < best.active) best = candidate;
    return best.index;
  }

  private weighted(candidates: readonly PlacementCandidate[]): number {
    let total = 0;
    let best: PlacementCandidate | undefined;
    for (const candidate of candidates) {
      const value = (this.current.get(candidate.index) ?? 0) + candidate.weight;
      this.current.set(candidate.index, value);
      total += candidate.weight;
      if (!best || value > this.current.get(best.index)!) best = candidate;
    }
    this.current.set(best!.index, this.current.get(best!.index)! - total);
    return best!.index;
  }
}

/** Distance from the cursor going forward, so the candidate right after the last pick comes first. */
function rank(index: number, cursor: number): number {
  return index >= cursor ? index - cursor : index + 1_000_000;
}
