import { z } from 'zod';
import type { Id } from '../ids';
import type { NodeStatus, NodeType, TaskStatus } from '../status';
import { jsonChanges, type JsonChange } from './json-changes';

/** One run as a comparison reads it. */
export interface RunSide {
  taskId: Id;
  name: string;
  status: TaskStatus;
  startTime: number | null;
  endTime: number | null;
  variables: Record<string, unknown>;
  nodes: RunNode[];
}

export interface RunNode {
  nodeId: string;
  nodeType: NodeType;
  name: string | null;
  status: NodeStatus;
  /** How many attempts the node had. */
  batches: number;
  durationMs: number | null;
  result: unknown;
}

export const compareOptionsSchema = z.object({
  /** A duration differs when it changed by at least this share of the first run's… */
  relativeThreshold: z.number().min(0).max(100).optional(),
  /** …and by at least this many milliseconds, so that tiny nodes' jitter is not a difference. */
  absoluteThresholdMs: z.int().min(0).max(365 * 86_400_000).optional(),
});
export type CompareOptions = z.infer<typeof compareOptionsSchema>;

export const COMPARE_DEFAULTS = { relativeThreshold: 0.2, absoluteThresholdMs: 500 } as const satisfies Required<CompareOptions>;

export interface Pair<T> {
  a: T;
  b: T;
}

export interface NodeComparison {
  nodeId: string;
  name: string | null;
  nodeType: NodeType;
  /** both: in both runs; a / b: only in that run (its workflow had the node, the other's did not). */
  presence: 'both' | 'a' | 'b';
  /** The node is an agent in one run and a container in the other (nodeType is run A's). */
  nodeTypes?: Pair<NodeType>;
  status?: Pair<NodeStatus | null>;
  batches?: Pair<number>;
  duration?: Pair<number | null> & { verdict: 'slower' | 'faster' | 'only-one-ended' };
  result?: JsonChange[];
  differs: boolean;
}

export interface RunComparison {
  a: Omit<RunSide, 'nodes' | 'variables'> & { durationMs: number | null };
  b: Omit<RunSide, 'nodes' | 'variables'> & { durationMs: number | null };
  variables: JsonChange[];
  nodes: NodeComparison[];
  counts: { added: number; removed: number; status: number; batches: number; slower: number; faster: number; result: number; differing: number };
  options: Required<CompareOptions>;
}

function side(run: RunSide): RunComparison['a'] {
  const { nodes: _nodes, variables: _variables, ...rest } = run;
  return { ...rest, durationMs: run.startTime !== null && run.endTime !== null ? run.endTime - run.startTime : null };
}

function durationDifference(a: number | null, b: number | null, options: Required<CompareOptions>): NodeComparison['duration'] {
  if (a === null && b === null) return undefined;
  if (a === null || b === null) return { a, b, verdict: 'only-one-ended' };
  const delta = b - a;
  if (Math.abs(delta) < options.absoluteThresholdMs || Math.abs(delta) < options.relativeThreshold * a) return undefined;
  return { a, b, verdict: delta > 0 ? 'slower' : 'faster' };
}

function compareNode(a: RunNode | undefined, b: RunNode | undefined, options: Required<CompareOptions>): NodeComparison {
  const either = (a ?? b)!;
  const found: NodeComparison = { nodeId: either.nodeId, name: either.name, nodeType: either.nodeType, presence: a && b ? 'both' : a ? 'a' : 'b', differs: !(a && b) };
  if (!a || !b) return found;
  if (a.nodeType !== b.nodeType) found.nodeTypes = { a: a.nodeType, b: b.nodeType };
  if (a.status !== b.status) found.status = { a: a.status, b: b.status };
  if (a.batches !== b.batches) found.batches = { a: a.batches, b: b.batches };
  const duration = durationDifference(a.durationMs, b.durationMs, options);
  if (duration) found.duration = duration;
  const result = jsonChanges(a.result ?? null, b.result ?? null);
  if (result.length > 0) found.result = result;
  found.differs = Boolean(found.nodeTypes || found.status || found.batches || found.duration || found.result);
  return found;
}

/**
 * Two runs side by side, node by node: which nodes only one run had, and where status,
 * attempts, duration (beyond the thresholds) and results differ. Nodes come in the first
 * run's order, then those only the second had.
 */
export function compareRuns(a: RunSide, b: RunSide, given: CompareOptions = {}): RunComparison {
  const options = { ...COMPARE_DEFAULTS, ...given };
  const inB = new Map(b.nodes.map((node) => [node.nodeId, node]));
  const inA = new Set(a.nodes.map((node) => node.nodeId));
  const nodes = [...a.nodes.map((node) => compareNode(node, inB.get(node.nodeId), options)), ...b.nodes.filter((node) => !inA.has(node.nodeId)).map((node) => compareNode(undefined, node, options))];
  const counts = { added: 0, removed: 0, status: 0, batches: 0, slower: 0, faster: 0, result: 0, differing: 0 };
  for (const node of nodes) {
    if (node.presence === 'b') counts.added += 1;
    if (node.presence === 'a') counts.removed += 1;
    if (node.status) counts.status += 1;
    if (node.batches) counts.batches += 1;
    if (node.duration?.verdict === 'slower') counts.slower += 1;
    if (node.duration?.verdict === 'faster') counts.faster += 1;
    if (node.result) counts.result += 1;
    if (node.differs) counts.differing += 1;
  }
  return { a: side(a), b: side(b), variables: jsonChanges(a.variables, b.variables), nodes, counts, options };
}
