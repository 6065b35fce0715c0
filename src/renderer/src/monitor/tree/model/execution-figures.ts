import type { ExecutionView } from '../../../../../shared/task/views';

/** One figure of an execution, as a translation key under `tree.detail.figures` and its values. */
export interface ExecutionFigure {
  key: 'queued' | 'cpu' | 'memory' | 'managed';
  values: Record<string, string | number>;
}

/** One decimal at most: 12.345 → "12.3", 40 → "40". */
export function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * What the node detail says of an execution beyond its status and times: how long it queued,
 * its CPU and memory (peak and mean of its samples), and for a container how many of the
 * nodes inside it completed. Figures an execution does not have are left out.
 */
export function executionFigures(execution: ExecutionView, formatDuration: (ms: number) => string): ExecutionFigure[] {
  const figures: ExecutionFigure[] = [];
  if (execution.queueTimeMs !== null) figures.push({ key: 'queued', values: { duration: formatDuration(execution.queueTimeMs) } });
  if (execution.cpuPeak !== null && execution.cpuMean !== null) figures.push({ key: 'cpu', values: { peak: oneDecimal(execution.cpuPeak), mean: oneDecimal(execution.cpuMean) } });
  if (execution.memoryPeakMb !== null && execution.memoryMeanMb !== null) {
    figures.push({ key: 'memory', values: { peak: oneDecimal(execution.memoryPeakMb), mean: oneDecimal(execution.memoryMeanMb) } });
  }
  if (execution.managedNodesTotal !== null) {
    figures.push({ key: 'managed', values: { total: execution.managedNodesTotal, completed: execution.managedNodesCompleted ?? 0 } });
  }
  return figures;
}
