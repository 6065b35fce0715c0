import { nearestRank } from './percentile';

/** Where a node's expected duration comes from, best first. */
export const ESTIMATE_BASES = ['node-history', 'load-history', 'declared', 'unknown'] as const;
export type EstimateBasis = (typeof ESTIMATE_BASES)[number];

export interface DurationEstimate {
  p50: number;
  p90: number;
  basis: EstimateBasis;
  /** How many earlier runs the estimate rests on (0 unless the basis is a history). */
  runs: number;
}

export interface DurationHistory {
  /** Durations (ms) of completed runs of this node id in earlier tasks of the same template. */
  byNode: ReadonlyMap<string, readonly number[]>;
  /** Durations (ms) of completed runs of agents of this load, in any template. */
  byLoad: ReadonlyMap<string, readonly number[]>;
}

export interface EstimatedAgent {
  nodeId: string;
  agentLoad?: string;
  /** The duration the node's configuration or its agent's catalog defaults declare, if any. */
  declaredMs?: number;
}

function fromSamples(samples: readonly number[] | undefined, basis: EstimateBasis): DurationEstimate | undefined {
  if (!samples || samples.length === 0) return undefined;
  return { p50: nearestRank(samples, 0.5)!, p90: nearestRank(samples, 0.9)!, basis, runs: samples.length };
}

/**
 * The node's own history first (the same step of the same exercise), then its agent load's
 * across templates, then what it declares. A node with none of these is estimated at zero and
 * says so, so that a forecast never hides that it rests on nothing.
 */
export function estimateDuration(agent: EstimatedAgent, history: DurationHistory): DurationEstimate {
  return (
    fromSamples(history.byNode.get(agent.nodeId), 'node-history') ??
    fromSamples(agent.agentLoad === undefined ? undefined : history.byLoad.get(agent.agentLoad), 'load-history') ??
    (agent.declaredMs !== undefined ? { p50: agent.declaredMs, p90: agent.declaredMs, basis: 'declared', runs: 0 } : { p50: 0, p90: 0, basis: 'unknown', runs: 0 })
  );
}
