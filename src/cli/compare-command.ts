import { InvalidArgumentError, type Command } from 'commander';
import { ApiError } from '../shared/api/errors';
import { compareRuns, type NodeComparison, type Pair, type RunComparison } from '../shared/compare/run-compare';
import { formatDuration } from '../shared/format/duration';
import { idSchema } from '../shared/ids';
import { runSide } from '../main/core/compare/run-side';
import { requireShippedDir } from '../main/core/paths';
import { openStore } from '../main/core/store/store';
import type { CommandRegistrar } from './index';
import { describeCommand } from './commands';
import { dbOption } from './db-option';

interface CompareCliOptions {
  json?: boolean;
  all?: boolean;
  thresholdMs?: number;
  thresholdShare?: number;
  db: string;
}

/** Exit codes: the runs are alike, they differ, a task is missing. */
export const COMPARE_EXIT = { alike: 0, differ: 1, notFound: 3 } as const;

const UNITS = { ms: 'ms', s: 's', min: 'min', h: 'h', d: 'd' };
const time = (ms: number | null) => (ms === null ? '—' : formatDuration(ms, UNITS));

function taskId(text: string): string {
  if (!idSchema.safeParse(text).success) throw new InvalidArgumentError(`"${text}" is not a task id (a decimal number)`);
  return text;
}

function number(min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) throw new InvalidArgumentError(`"${text}" is not a number from ${min} to ${max}`);
    return value;
  };
}

const pair = <T>(changed: Pair<T> | undefined, show: (value: T) => string = String) => (changed ? `${show(changed.a)} → ${show(changed.b)}` : '');

function nodeLine(node: NodeComparison): string {
  if (node.presence !== 'both') return `${node.nodeId}  only in run ${node.presence.toUpperCase()}`;
  const parts = [
    node.nodeTypes && `type ${pair(node.nodeTypes)}`,
    node.status && `status ${pair(node.status, (status) => status ?? '—')}`,
    node.batches && `attempts ${pair(node.batches)}`,
    node.duration && `duration ${pair(node.duration, time)} (${node.duration.verdict})`,
    node.result && `result ${node.result.map((change) => `${change.path || '(whole)'} ${change.kind}`).join(', ')}`,
  ].filter(Boolean);
  return `${node.nodeId}  ${parts.length > 0 ? parts.join('; ') : 'alike'}`;
}

export function comparisonText(comparison: RunComparison, all: boolean): string[] {
  const side = (label: string, run: RunComparison['a']) => `${label}: ${run.name} (task ${run.taskId}), ${run.status}, ${time(run.durationMs)}`;
  const { counts } = comparison;
  const lines = [
    side('A', comparison.a),
    side('B', comparison.b),
    `${counts.differing} of ${comparison.nodes.length} nodes differ: ${counts.added} only in B, ${counts.removed} only in A, ${counts.status} in status, ${counts.batches} in attempts, ${counts.slower} slower, ${counts.faster} faster, ${counts.result} in result`,
  ];
  for (const change of comparison.variables) lines.push(`variable ${change.path} ${change.kind}: ${JSON.stringify(change.before ?? null)} → ${JSON.stringify(change.after ?? null)}`);
  for (const node of comparison.nodes) if (all || node.differs) lines.push(nodeLine(node));
  return lines;
}

export const registerCompare: CommandRegistrar = (program: Command, io, exit) => {
  program
    .command('compare')
    .description(describeCommand('compare'))
    .argument('<taskA>', 'the first run (task id)', taskId)
    .argument('<taskB>', 'the second run (task id)', taskId)
    .option('--json', 'print the comparison as JSON')
    .option('--all', 'list every node, not only those that differ')
    .option('--threshold-ms <ms>', 'a duration differs when it changed by at least this many ms (default 500)', number(0, 365 * 86_400_000))
    .option('--threshold-share <share>', 'and by at least this share of run A’s (default 0.2)', number(0, 100))
    .addOption(dbOption())
    .action(async (a: string, b: string, options: CompareCliOptions) => {
      const store = await openStore({ file: options.db, migrationsDir: requireShippedDir('migrations') });
      try {
        const comparison = compareRuns(runSide(store, a), runSide(store, b), {
          ...(options.thresholdMs !== undefined ? { absoluteThresholdMs: Math.round(options.thresholdMs) } : {}),
          ...(options.thresholdShare !== undefined ? { relativeThreshold: options.thresholdShare } : {}),
        });
        if (options.json) io.out(JSON.stringify(comparison, null, 2));
        else for (const line of comparisonText(comparison, options.all ?? false)) io.out(line);
        exit(comparison.counts.differing > 0 || comparison.variables.length > 0 ? COMPARE_EXIT.differ : COMPARE_EXIT.alike);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        io.err(`deduction compare: ${error.message}`);
        exit(COMPARE_EXIT.notFound);
      } finally {
        store.close();
      }
    });
};
