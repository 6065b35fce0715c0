/**
 * The nearest-rank percentile: the smallest sample that at least p of the samples do not
 * exceed. Chosen over interpolation because it always names a duration that really happened,
 * and an analyst can check it by sorting the runs by hand.
 */
export function nearestRank(samples: readonly number[], p: number): number | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}
