import type { NodeComparison, RunComparison } from '../../../../shared/compare/run-compare';
import type { TaskSummary } from '../../../../shared/task/views';

/**
 * How a node differs, as one word the graph colours it by and the list marks it with. A node
 * may differ in several ways; the first of this list that applies names it.
 */
export const DIFF_KINDS = ['only-a', 'only-b', 'status', 'slower', 'faster', 'changed', 'same'] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

export function diffKind(node: NodeComparison): DiffKind {
  if (node.presence === 'a') return 'only-a';
  if (node.presence === 'b') return 'only-b';
  if (node.status) return 'status';
  if (node.duration?.verdict === 'slower') return 'slower';
  if (node.duration?.verdict === 'faster') return 'faster';
  return node.differs ? 'changed' : 'same';
}

/** The nodes the list shows: all, or only those that differ; a search matches a node's id or name. */
export function shownNodes(comparison: RunComparison, onlyDifferences: boolean, search: string): NodeComparison[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return comparison.nodes.filter((node) => {
    if (onlyDifferences && !node.differs) return false;
    const text = `${node.nodeId} ${node.name ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/**
 * A task's default name is its workflow's, numbered when taken ("Red vs blue (3)"), so runs of
 * one workflow share the name without its number. The task list carries no template, and this
 * is what tells runs of the same workflow apart from the others without reading every
 * task's workflow.
 */
export function baseName(taskName: string): string {
  return taskName.replace(/ \(\d+\)$/, '');
}

export interface Candidates {
  /** Runs whose name is the workflow's (or the first run's), newest first. */
  sameWorkflow: TaskSummary[];
  others: TaskSummary[];
}

/** The runs to compare a task with: those of its workflow first, the task itself left out. */
export function candidateRuns(tasks: readonly TaskSummary[], run: { taskId: string; name: string; workflowName: string }): Candidates {
  const names = new Set([baseName(run.name), baseName(run.workflowName)]);
  const sameWorkflow: TaskSummary[] = [];
  const others: TaskSummary[] = [];
  for (const task of tasks) {
    if (task.taskId === run.taskId) continue;
    (names.has(baseName(task.name)) ? sameWorkflow : others).push(task);
  }
  return { sameWorkflow, others };
}

/** The run of the same workflow created last before this one, if any: what "compare with the previous run" opens. */
export function previousRun(tasks: readonly TaskSummary[], run: { taskId: string; name: string; workflowName: string; createdAt: number }): TaskSummary | null {
  const { sameWorkflow } = candidateRuns(tasks, run);
  const earlier = sameWorkflow.filter((task) => task.createdAt < run.createdAt || (task.createdAt === run.createdAt && BigInt(task.taskId) < BigInt(run.taskId)));
  return earlier.reduce<TaskSummary | null>((best, task) => (best === null || task.createdAt > best.createdAt ? task : best), null);
}

/** The user's thresholds as typed: a whole number of ms and a percentage. */
export interface ThresholdText {
  ms: string;
  percent: string;
}

export type ThresholdProblem = 'ms' | 'percent';

/** The compare options the texts stand for, or which of them is not a number in range. */
export function parseThresholds(text: ThresholdText): { ok: true; absoluteThresholdMs: number; relativeThreshold: number } | { ok: false; problem: ThresholdProblem } {
  const ms = Number(text.ms);
  if (text.ms.trim() === '' || !Number.isInteger(ms) || ms < 0 || ms > 365 * 86_400_000) return { ok: false, problem: 'ms' };
  const percent = Number(text.percent);
  if (text.percent.trim() === '' || !Number.isFinite(percent) || percent < 0 || percent > 10_000) return { ok: false, problem: 'percent' };
  return { ok: true, absoluteThresholdMs: ms, relativeThreshold: percent / 100 };
}

/** Nodes of the run not drawn: the graph shows one run's workflow, so the other's own nodes are only listed. */
export function notDrawn(comparison: RunComparison, drawn: 'a' | 'b'): NodeComparison[] {
  const other = drawn === 'a' ? 'b' : 'a';
  return comparison.nodes.filter((node) => node.presence === other);
}

/** A JSON value in one line, cut to `max` characters. */
export function jsonText(value: unknown, max = 120): string {
  const text = value === undefined ? '—' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
