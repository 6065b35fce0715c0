import { isTerminalNodeStatus, type NodeStatus } from '../status';
import type { ManagedNodes } from './nodes';

/**
 * The one progress rule every view draws (task header, tree rows, graph cards, the wall
 * screen, the dashboard): the share of the agents counted that reached an end, completed,
 * failed or skipped. Containers are bookkeeping and never count, and a running agent counts
 * for nothing until it ends, so that a bar's fill, its label and the header's figure are the
 * same number wherever they are drawn.
 */
export type EndCounts = Pick<ManagedNodes, 'total' | 'completed' | 'failed' | 'skipped'>;

/** 0–1; nothing to count is nothing done. */
export function endedShare(counts: EndCounts | undefined): number {
  if (!counts || counts.total <= 0) return 0;
  return Math.min(1, Math.max(0, (counts.completed + counts.failed + counts.skipped) / counts.total));
}

/**
 * A share as a whole percent, rounded down: 100% only once everything ended, and a bar drawn
 * at this width never shows more than its label says.
 */
export function wholePercent(share: number): number {
  // The nudge keeps shares like 0.29 (28.999…% in floating point) at their written value.
  return Math.min(100, Math.max(0, Math.floor(share * 100 + 1e-9)));
}

/** One agent on its own, as a container of one: done once it reached an end, else what it last reported. */
export function agentShare(view: { status: NodeStatus; progress: number } | undefined): number {
  if (!view) return 0;
  if (isTerminalNodeStatus(view.status)) return 1;
  return Math.min(1, Math.max(0, view.progress));
}

/**
 * Where an attempt stood at `at` when only its start, its end and the last progress it
 * reported are stored (progress reports are not kept one by one): proportional to the time
 * it had run, reaching that last report at its end.
 */
export function attemptShareAt(attempt: { startTime: number | null; endTime: number | null; progress: number; completed: boolean }, at: number): number {
  const last = attempt.completed ? 1 : Math.min(1, Math.max(0, attempt.progress));
  if (attempt.startTime === null || at <= attempt.startTime) return 0;
  if (attempt.endTime === null || at >= attempt.endTime || attempt.endTime <= attempt.startTime) return last;
  return (last * (at - attempt.startTime)) / (attempt.endTime - attempt.startTime);
}
