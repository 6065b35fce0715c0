/**
 * Samples of the time from a node's dependencies being satisfied to its start command being
 * handed to the Engine, in milliseconds. Kept in a growable Float64Array: the benchmark reads
 * tens of thousands of them.
 */
export class LatencyRecorder {
  private samples = new Float64Array(1024);
  private count = 0;

  record(ms: number): void {
    if (this.count === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.count++] = ms;
  }

  get size(): number {
    return this.count;
  }

  /** The q-quantile (0 ≤ q ≤ 1) by nearest rank; NaN without samples. */
  quantile(q: number): number {
    if (this.count === 0) return Number.NaN;
    const sorted = this.samples.slice(0, this.count).sort();
    const rank = Math.min(this.count - 1, Math.max(0, Math.ceil(q * this.count) - 1));
    return sorted[rank]!;
  }

  reset(): void {
    this.count = 0;
  }
}
