import { evaluateDependencies } from '../dependency/evaluator';
import { isActiveNodeStatus, isEndedNodeStatus, isTerminalNodeStatus, type NodeStatus } from '../status';
import type { Pin } from '../workflow/definition';
import type { NormalizedWorkflowNode } from '../workflow/normalized';
import type { DurationEstimate, EstimateBasis } from './duration-estimate';
import { backwardPass, decidingChain, forwardPass, topologicalOrder, type GraphEvent } from './event-graph';

export interface LiveNode {
  status: NodeStatus;
  startedAt?: number;
  endedAt?: number;
}

export interface ForecastInput {
  nodes: readonly NormalizedWorkflowNode[];
  /** Agents' expected durations; containers last as long as their children. */
  estimates: ReadonlyMap<string, DurationEstimate>;
  /** What has happened so far; empty before the task starts. */
  live: ReadonlyMap<string, LiveNode>;
  /** When the task started (pins with a delay count from it); before it starts, `now`. */
  taskStartedAt?: number;
  now: number;
}

export interface Interval {
  p50: number;
  p90: number;
}

export interface NodeForecast {
  nodeId: string;
  /** ended: it happened; running: under way; runs: expected to run; skipped: expected to be skipped by its dependencies. */
  outlook: 'ended' | 'running' | 'runs' | 'skipped';
  start: Interval;
  end: Interval;
  /** How long the node may slip (p50) without moving the task's finish; null when it cannot move it at all. */
  slackMs: number | null;
  critical: boolean;
  estimate?: DurationEstimate;
}

export interface TaskForecast {
  finish: Interval;
  nodes: Map<string, NodeForecast>;
  /** The nodes whose start or end decides the finish (p50), from now on, in the order they decide it. */
  criticalPath: string[];
  /** How many agents still expected to run rest their estimates on each basis. */
  bases: Record<EstimateBasis, number>;
}

function pinTime(pin: Pin | undefined, taskStart: number): number {
  if (!pin) return -Infinity;
  if ('delayMs' in pin) return taskStart + pin.delayMs;
  return typeof pin.at === 'number' ? pin.at : Date.parse(pin.at);
}

interface Expectation {
  skipped: boolean[];
  /** Per node, per dependency: whether the edge is expected to be satisfied. */
  satisfied: boolean[][];
}

/**
 * Which nodes are expected to run: every agent is assumed to succeed (the forecast is of the
 * run as planned), so failure branches are expected skipped; what has already ended counts
 * as it ended. Decided by the scheduler's own evaluator, with conditions assumed to hold.
 */
function expectation(nodes: readonly NormalizedWorkflowNode[], index: ReadonlyMap<string, number>, live: ReadonlyMap<string, LiveNode>): Expectation {
  const order = topologicalOrder(
    nodes.map((node) => ({
      at: 'latest' as const,
      notBefore: 0,
      arcs: [...(node.parentId === null ? [] : [{ from: index.get(node.parentId)!, weight: 0 }]), ...node.dependencies.map((edge) => ({ from: index.get(edge.sourceNodeId)!, weight: 0 }))],
    })),
  );
  const skipped: boolean[] = nodes.map(() => false);
  const satisfied: boolean[][] = nodes.map(() => []);
  for (const position of order) {
    const node = nodes[position]!;
    const edges = node.dependencies.map((edge) => {
      const actual = live.get(edge.sourceNodeId)?.status;
      const expected: NodeStatus = actual !== undefined && isTerminalNodeStatus(actual) ? actual : skipped[index.get(edge.sourceNodeId)!] ? 'skipped' : 'completed';
      return { type: edge.type, source: expected };
    });
    const evaluation = evaluateDependencies(node.join, edges, {});
    satisfied[position] = evaluation.edges.map((edge) => edge.state === 'satisfied');
    const status = live.get(node.nodeId)?.status;
    if (status !== undefined && !isNotStarted(status)) skipped[position] = status === 'skipped';
    else skipped[position] = (node.parentId !== null && skipped[index.get(node.parentId)!]!) || evaluation.decision === 'skipped';
  }
  return { skipped, satisfied };
}

function isNotStarted(status: NodeStatus): boolean {
  return !isActiveNodeStatus(status) && !isEndedNodeStatus(status);
}

/** An edge that holds its target until its source ends ("any" without a condition does not). */
function waitsForSourceEnd(edge: NormalizedWorkflowNode['dependencies'][number]): boolean {
  return edge.type !== 'any' || (edge.condition !== undefined && edge.condition !== null);
}

function buildEvents(input: ForecastInput, index: ReadonlyMap<string, number>, { skipped, satisfied }: Expectation, pick: (estimate: DurationEstimate) => number): GraphEvent[] {
  const { nodes, live, now } = input;
  const taskStart = input.taskStartedAt ?? now;
  const events: GraphEvent[] = [];
  const startOf = (id: string) => 2 * index.get(id)!;
  const endOf = (id: string) => 2 * index.get(id)! + 1;
  const firstOf: GraphEvent[] = [];
  nodes.forEach((node, position) => {
    const state = live.get(node.nodeId);
    const ended = state !== undefined && isEndedNodeStatus(state.status);
    const started = state !== undefined && (ended || isActiveNodeStatus(state.status));
    const start: GraphEvent = { at: 'latest', arcs: [], notBefore: Math.max(now, pinTime(node.pin, taskStart)) };
    const end: GraphEvent = { at: 'latest', arcs: [], notBefore: ended ? -Infinity : now };
    if (started) start.happenedAt = state.startedAt ?? state.endedAt ?? now;
    if (ended) end.happenedAt = state.endedAt ?? now;
    if (node.parentId !== null) start.arcs.push({ from: startOf(node.parentId), weight: 0 });
    if (node.join === 'all') {
      for (const edge of node.dependencies.filter(waitsForSourceEnd)) start.arcs.push({ from: endOf(edge.sourceNodeId), weight: 0 });
    } else if (node.dependencies.length > 0) {
      // Join "one" starts with the first edge satisfied; an expected skip waits for every edge to fail.
      const firing = node.dependencies.filter((_, edge) => satisfied[position]![edge]);
      const candidates = firing.length > 0 ? firing : node.dependencies;
      if (candidates.every(waitsForSourceEnd)) {
        firstOf.push({ at: firing.length > 0 ? 'earliest' : 'latest', notBefore: -Infinity, arcs: candidates.map((edge) => ({ from: endOf(edge.sourceNodeId), weight: 0 })) });
        start.arcs.push({ from: 2 * nodes.length + firstOf.length - 1, weight: 0 });
      }
    }
    end.arcs.push({ from: startOf(node.nodeId), weight: node.nodeType === 'agent' && !skipped[position] ? pick(input.estimates.get(node.nodeId) ?? UNKNOWN) : 0 });
    for (const child of node.children) end.arcs.push({ from: endOf(child), weight: 0 });
    events.push(start, end);
  });
  return [...events, ...firstOf];
}

const UNKNOWN: DurationEstimate = { p50: 0, p90: 0, basis: 'unknown', runs: 0 };

/**
 * When the task and each node are expected to start and end (p50 and p90), which nodes decide
 * the finish and how far each other may slip. The p90 schedule takes every agent at its p90, a
 * deliberately pessimistic bound (the p90 of a sum is at most the sum of p90s): a commander
 * planning to a deadline wants the bound, not an average that hides the long tail.
 */
export function forecastTask(input: ForecastInput): TaskForecast {
  const { nodes } = input;
  const index = new Map(nodes.map((node, position) => [node.nodeId, position]));
  const root = nodes.findIndex((node) => node.parentId === null);
  const sink = 2 * root + 1;
  const expected = expectation(nodes, index, input.live);
  const { skipped } = expected;
  const p50Events = buildEvents(input, index, expected, (estimate) => estimate.p50);
  const p50 = forwardPass(p50Events);
  const p90 = forwardPass(buildEvents(input, index, expected, (estimate) => estimate.p90));
  const latest = backwardPass(p50Events, p50, sink);

  const bases: Record<EstimateBasis, number> = { 'node-history': 0, 'load-history': 0, declared: 0, unknown: 0 };
  const forecasts = new Map<string, NodeForecast>();
  nodes.forEach((node, position) => {
    const state = input.live.get(node.nodeId);
    const end = 2 * position + 1;
    const ended = p50Events[end]!.happenedAt !== undefined;
    const slack = latest[end]! - p50.time[end]!;
    const estimate = node.nodeType === 'agent' ? (input.estimates.get(node.nodeId) ?? UNKNOWN) : undefined;
    // Only agents still expected to run weigh on the finish: an expected skip's estimate does not.
    if (estimate && !ended && !skipped[position]) bases[estimate.basis] += 1;
    forecasts.set(node.nodeId, {
      nodeId: node.nodeId,
      outlook: ended ? 'ended' : state !== undefined && isActiveNodeStatus(state.status) ? 'running' : skipped[position] ? 'skipped' : 'runs',
      start: { p50: p50.time[2 * position]!, p90: p90.time[2 * position]! },
      end: { p50: p50.time[end]!, p90: p90.time[end]! },
      slackMs: ended || !Number.isFinite(slack) ? null : Math.max(0, slack),
      critical: !ended && Number.isFinite(slack) && slack < 0.5,
      ...(estimate ? { estimate } : {}),
    });
  });

  const criticalPath = new Set<string>();
  for (const event of decidingChain(p50Events, p50, sink)) if (event < 2 * nodes.length) criticalPath.add(nodes[event >> 1]!.nodeId);
  return { finish: { p50: p50.time[sink]!, p90: p90.time[sink]! }, nodes: forecasts, criticalPath: [...criticalPath], bases };
}
