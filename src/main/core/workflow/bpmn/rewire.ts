import { DEPENDENCY_TYPES, type DependencyType } from '../../../../shared/status';
import type { Pin } from '../../../../shared/workflow/definition';
import { ALWAYS, type DependencyExpr, group, leaf, throughFlow } from './dependency-expr';
import { describeElement } from './describe';
import { deductionAttribute } from './extensions';
import type { FlowConditions } from './flow-conditions';
import type { Flow, FlowGraph, Vertex } from './flow-graph';
import { BPMN_PROBLEM, type ImportProblems } from './import-problems';

/** What reaches a vertex through its incoming flows. */
export interface Inflow {
  expr: DependencyExpr;
  /** Pins of the timers passed on the way, nearest first. */
  pins: Pin[];
}

/** A node's inflow, and whether every incoming flow was written by the exporter (taken literally). */
export interface NodeInflow extends Inflow {
  literal: boolean;
}

/**
 * Routes every dependency through the gateways and events between activities, which disappear:
 * for each node, what its incoming flows lead back to. Virtual vertices are solved first in
 * post-order (iteratively: a long chain of gateways must not exhaust the stack); a cycle made
 * of gateways and events alone is cut where it closes, with a warning.
 */
export function rewire(graph: FlowGraph, conditions: FlowConditions, problems: ImportProblems): Map<Vertex, NodeInflow> {
  const router = new Router(conditions, problems);
  for (const flow of virtualBackEdges(graph)) router.cut(flow);
  for (const vertex of graph.vertices) if (vertex.nodeId === undefined) router.solveVirtual(vertex);
  const nodes = new Map<Vertex, NodeInflow>();
  for (const vertex of graph.vertices) {
    if (vertex.nodeId !== undefined) nodes.set(vertex, router.nodeInflow(vertex));
  }
  return nodes;
}

/**
 * The flows that close loops made only of gateways and events, found walking forwards from
 * where the flow enters them (from an activity, or from nowhere), so that a loop is cut at its
 * way back rather than wherever a backwards walk happens to close it.
 */
function virtualBackEdges(graph: FlowGraph): Flow[] {
  const isVirtual = (vertex: Vertex): boolean => vertex.nodeId === undefined;
  const virtual = graph.vertices.filter(isVirtual);
  const entries = virtual.filter((vertex) => vertex.incoming.length === 0 || vertex.incoming.some((flow) => !isVirtual(flow.from)));
  const state = new Map<Vertex, 'active' | 'done'>();
  const back: Flow[] = [];
  for (const root of [...entries, ...virtual]) {
    if (state.has(root)) continue;
    state.set(root, 'active');
    const stack: { vertex: Vertex; next: number }[] = [{ vertex: root, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { vertex: Vertex; next: number };
      const flow = top.vertex.outgoing[top.next];
      if (!flow) {
        state.set(top.vertex, 'done');
        stack.pop();
        continue;
      }
      top.next += 1;
      if (!isVirtual(flow.to)) continue;
      const seen = state.get(flow.to);
      if (seen === 'active') back.push(flow);
      else if (seen === undefined) {
        state.set(flow.to, 'active');
        stack.push({ vertex: flow.to, next: 0 });
      }
    }
  }
  return back;
}

class Router {
  private readonly solved = new Map<Vertex, Inflow>();
  private readonly active = new Set<Vertex>();
  private readonly cutFlows = new Set<Flow>();
  private readonly flowTypes = new Map<Flow, DependencyType | undefined>();

  constructor(
    private readonly conditions: FlowConditions,
    private readonly problems: ImportProblems,
  ) {}

  solveVirtual(start: Vertex): void {
    if (this.solved.has(start)) return;
    const stack: { vertex: Vertex; next: number }[] = [{ vertex: start, next: 0 }];
    this.active.add(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { vertex: Vertex; next: number };
      const flow = top.vertex.incoming[top.next];
      if (flow) {
        top.next += 1;
        const source = flow.from;
        if (source.nodeId !== undefined || this.solved.has(source)) continue;
        if (this.cutFlows.has(flow)) continue;
        if (this.active.has(source)) {
          this.cut(flow);
          continue;
        }
        this.active.add(source);
        stack.push({ vertex: source, next: 0 });
        continue;
      }
      stack.pop();
      this.active.delete(top.vertex);
      this.solved.set(top.vertex, this.combine(top.vertex));
    }
  }

  /** Leaves a flow out of the routing: it closes a loop of gateways and events. */
  cut(flow: Flow): void {
    this.cutFlows.add(flow);
    this.problems.warn(BPMN_PROBLEM.dependencyDropped, { context: 'gatewayLoop', flow: flow.id, element: describeElement(flow.to.element) }, { elementId: flow.id });
  }

  nodeInflow(vertex: Vertex): NodeInflow {
    const inflow = this.combine(vertex);
    const literal =
      vertex.incoming.length > 0 &&
      vertex.incoming.every((flow) => flow.kind === 'sequence' && flow.from.nodeId !== undefined && this.flowType(flow) !== undefined);
    return { ...inflow, literal };
  }

  private combine(vertex: Vertex): Inflow {
    const ownPins = vertex.pin ? [vertex.pin] : [];
    if (vertex.boundary) {
      const attached = vertex.boundary.attachedToNode;
      return { expr: attached === undefined ? ALWAYS : leaf(attached, vertex.boundary.type), pins: ownPins };
    }
    const flows = vertex.incoming.filter((flow) => !this.cutFlows.has(flow));
    const sequenceItems: DependencyExpr[] = [];
    const messageItems: DependencyExpr[] = [];
    const pins = [...ownPins];
    for (const flow of flows) {
      const source = flow.from;
      let base: DependencyExpr;
      if (source.nodeId !== undefined) {
        base = leaf(source.nodeId);
      } else {
        const upstream = this.solved.get(source) ?? { expr: ALWAYS, pins: [] };
        base = upstream.expr;
        if (flow.kind === 'sequence') pins.push(...upstream.pins);
      }
      if (flow.kind === 'message') {
        // The receiver waits until the sender (or what precedes a throwing event) has ended.
        messageItems.push(throughFlow(base, undefined, 'finish'));
        continue;
      }
      const type = this.flowType(flow);
      let routed = throughFlow(base, this.conditions.of(flow), type);
      if (type !== undefined && routed.kind === 'leaf' && source.nodeId !== undefined) routed = { ...routed, literal: true };
      sequenceItems.push(routed);
    }
    // An event or activity with several incoming flows starts on each token: closest to "one".
    const sequence = group(vertex.gateway === 'parallel' ? 'all' : 'one', sequenceItems);
    return { expr: messageItems.length === 0 ? sequence : group('all', [sequence, ...messageItems]), pins };
  }

  /** The dependency type the exporter wrote on a flow, if any. */
  private flowType(flow: Flow): DependencyType | undefined {
    if (!this.flowTypes.has(flow)) this.flowTypes.set(flow, this.readFlowType(flow));
    return this.flowTypes.get(flow);
  }

  private readFlowType(flow: Flow): DependencyType | undefined {
    if (!flow.element) return undefined;
    const written = deductionAttribute(flow.element, 'dependencyType');
    if (written === undefined) return undefined;
    if ((DEPENDENCY_TYPES as readonly string[]).includes(written)) return written as DependencyType;
    this.problems.warn(BPMN_PROBLEM.extensionIgnored, { context: 'notDependencyType', value: JSON.stringify(written), flow: flow.id }, {
      elementId: flow.id,
    });
    return undefined;
  }
}
