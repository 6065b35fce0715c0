const BYTES_PER_MB = 1024 * 1024;

/** The resource figures of one execution as node_execution stores them (see migrations/008). */
export interface UsageFigures {
  cpuPeak: number;
  cpuMean: number;
  /** MB (MiB). */
  memoryPeak: number;
  memoryMean: number;
}

/**
 * Peak and mean CPU and memory of one execution, gathered sample by sample as the Engine's
 * resource.sample events arrive, so that the commit ending the execution writes them without
 * reading its samples back. Memory is summed in bytes, as samples carry it, and given in MB.
 */
export class ExecutionUsage {
  private samples = 0;
  private cpuPeak = 0;
  private cpuSum = 0;
  private memoryPeak = 0;
  private memorySum = 0;

  /** An execution's figures as stored: what is written back when nothing more is added. */
  static stored(figures: UsageFigures): ExecutionUsage {
    const usage = new ExecutionUsage();
    usage.samples = 1;
    usage.cpuPeak = figures.cpuPeak;
    usage.cpuSum = figures.cpuMean;
    usage.memoryPeak = figures.memoryPeak * BYTES_PER_MB;
    usage.memorySum = figures.memoryMean * BYTES_PER_MB;
    return usage;
  }

  /** Samples already in resource_sample, aggregated (count, peaks and sums) in SQL. */
  static aggregated(count: number, cpuPeak: number, cpuSum: number, memoryPeakBytes: number, memorySumBytes: number): ExecutionUsage {
    const usage = new ExecutionUsage();
    usage.samples = count;
    usage.cpuPeak = cpuPeak;
    usage.cpuSum = cpuSum;
    usage.memoryPeak = memoryPeakBytes;
    usage.memorySum = memorySumBytes;
    return usage;
  }

  add(cpuPercent: number, memoryBytes: number): void {
    this.samples++;
    this.cpuSum += cpuPercent;
    this.memorySum += memoryBytes;
    if (cpuPercent > this.cpuPeak) this.cpuPeak = cpuPercent;
    if (memoryBytes > this.memoryPeak) this.memoryPeak = memoryBytes;
  }

  /** Null until a sample arrived. */
  figures(): UsageFigures | null {
    if (this.samples === 0) return null;
    return {
      cpuPeak: this.cpuPeak,
      cpuMean: this.cpuSum / this.samples,
      memoryPeak: this.memoryPeak / BYTES_PER_MB,
      memoryMean: this.memorySum / this.samples / BYTES_PER_MB,
    };
  }
}
