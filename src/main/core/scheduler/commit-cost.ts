/**
 * What a commit costs, learned from the commits so far: a fixed part (the transaction and
 * the task row, which grows with the task's stored definition) plus a part per written row.
 * An exponentially weighted least-squares fit of time = fixed + perRow × rows, so that the
 * scheduler can size its steps: small enough that a ready node soon gets its start command,
 * large enough that the fixed part does not eat the throughput.
 */
const RECENT = 32;

export class CommitCost {
  private weight = 0;
  private sumRows = 0;
  private sumMs = 0;
  private sumRowsSquared = 0;
  private sumRowsMs = 0;
  fixedMs = 0;
  perRowMs = 0.01;
  /** Handing one command to its Engine after the commit (an exponentially weighted mean). */
  perCommandMs = 0;
  /** The last commit times: the cheapest of them bounds the fixed part, which noise would inflate. */
  private readonly recent: number[] = [];

  constructor(private readonly decay = 0.97) {}

  observe(rows: number, ms: number): void {
    this.recent.push(ms);
    if (this.recent.length > RECENT) this.recent.shift();
    const decay = this.decay;
    this.weight = this.weight * decay + 1;
    this.sumRows = this.sumRows * decay + rows;
    this.sumMs = this.sumMs * decay + ms;
    this.sumRowsSquared = this.sumRowsSquared * decay + rows * rows;
    this.sumRowsMs = this.sumRowsMs * decay + rows * ms;
    const spread = this.weight * this.sumRowsSquared - this.sumRows * this.sumRows;
    if (spread > 1e-9 * this.weight * this.sumRowsSquared && spread > 0) {
      const slope = (this.weight * this.sumRowsMs - this.sumRows * this.sumMs) / spread;
      this.perRowMs = Math.max(0, slope);
      this.fixedMs = Math.min(Math.min(...this.recent), Math.max(0, (this.sumMs - this.perRowMs * this.sumRows) / this.weight));
    } else if (this.sumRows > 0) {
      this.perRowMs = this.sumMs / this.sumRows;
      this.fixedMs = 0;
    }
  }

  /** The time it took to send a commit's commands, which the nodes it started waited for too. */
  observeCommands(count: number, ms: number): void {
    if (count === 0) return;
    this.perCommandMs = this.perCommandMs === 0 ? ms / count : this.perCommandMs * this.decay + (ms / count) * (1 - this.decay);
  }

  /**
   * How long a step should last: the budget, or three times the fixed cost when that is
   * larger (then a step spends at most a third of its time on the fixed part).
   */
  stepMs(budgetMs: number): number {
    return Math.max(budgetMs, 3 * this.fixedMs);
  }
}
