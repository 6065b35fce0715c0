import type { DependencyType, JoinMode } from '../../../../shared/status';
import type { DependencyDefinition, Pin } from '../../../../shared/workflow/definition';
import { nodeRef } from '../../../../shared/workflow/problem-text';
import type { DependencyExpr, DependencyLeaf } from './dependency-expr';
import { BPMN_PROBLEM, type ImportProblems } from './import-problems';
import { and, type JsonLogic, or } from '../../../../shared/workflow/expression/logic';
import type { NodeInflow } from './rewire';

export interface NodeWaits {
  dependencies: DependencyDefinition[];
  join?: JoinMode;
  pin?: Pin;
  /**
   * A condition met on every path from the start of the node's scope, with no source node on
   * the way to carry it (see anchorStartCondition).
   */
  startCondition?: JsonLogic;
}

interface Notes {
  lostConditions: JsonLogic[];
  /** Sources left out because a path from the scope's start makes waiting for them moot. */
  skippedSources: string[];
}

/** Drops what an all-join does not wait for and what a one-join is satisfied without. */
function normalize(expr: DependencyExpr, notes: Notes): DependencyExpr {
  if (expr.kind !== 'group') return expr;
  const items = expr.items.map((item) => normalize(item, notes));
  const always = items.filter((item) => item.kind === 'always');
  for (const item of always) notes.lostConditions.push(...item.lostConditions);
  if (always.length === 0) return { ...expr, items };
  const rest = items.filter((item) => item.kind !== 'always');
  if (expr.mode === 'one' || rest.length === 0) {
    if (expr.mode === 'one') notes.skippedSources.push(...rest.flatMap((item) => collectLeaves(item, false).map((found) => found.source)));
    return { kind: 'always', lostConditions: [] };
  }
  return rest.length === 1 ? (rest[0] as DependencyExpr) : { ...expr, items: rest };
}

/** The leaves under an expression; under an all-join, a nested one-join's leaves wait as finish edges. */
function collectLeaves(expr: DependencyExpr, asFinish: boolean): DependencyLeaf[] {
  switch (expr.kind) {
    case 'leaf':
      return [asFinish ? { ...expr, type: 'finish' } : expr];
    case 'always':
      return [];
    case 'group':
      return expr.items.flatMap((item) => collectLeaves(item, asFinish));
  }
}

function hasMixedModes(expr: DependencyExpr, mode: JoinMode): boolean {
  return expr.kind === 'group' && (expr.mode !== mode || expr.items.some((item) => hasMixedModes(item, mode)));
}

function wasSimplified(expr: DependencyExpr): boolean {
  return expr.kind === 'group' && (expr.simplified === true || expr.items.some(wasSimplified));
}

/** One dependency per source: a one-join accepts any of its paths, an all-join needs all of them. */
function mergeBySource(leaves: readonly DependencyLeaf[], mode: JoinMode, onConflict: (source: string) => void): DependencyDefinition[] {
  const bySource = new Map<string, DependencyLeaf[]>();
  for (const found of leaves) bySource.set(found.source, [...(bySource.get(found.source) ?? []), found]);
  return [...bySource.entries()].map(([source, found]) => {
    const types = new Set<DependencyType>(found.map((item) => item.type));
    let type = found[0]?.type ?? 'success';
    if (types.size > 1) {
      type = 'finish';
      if (mode === 'all') onConflict(source);
    }
    const conditions = found.map((item) => item.condition);
    const condition = mode === 'one' ? or(conditions) : and(conditions);
    return condition === undefined ? { sourceNodeId: source, type } : { sourceNodeId: source, type, condition };
  });
}

function toDependency(found: DependencyLeaf): DependencyDefinition {
  return found.condition === undefined ? { sourceNodeId: found.source, type: found.type } : { sourceNodeId: found.source, type: found.type, condition: found.condition };
}

function choosePin(pins: readonly Pin[], nodeId: string, problems: ImportProblems): Pin | undefined {
  const distinct = [...new Map(pins.map((pin) => [JSON.stringify(pin), pin])).values()];
  if (distinct.length > 1) {
    problems.warn(BPMN_PROBLEM.semanticsApproximated, { context: 'severalPins', node: nodeRef(nodeId) }, { nodeId });
  }
  return distinct[0];
}

/**
 * Flattens what a node waits for into dependencies and a join mode. Where gateways mix
 * all-joins and one-joins in a way one join mode cannot say, the outer mode wins (the inner
 * one-joins' sources become finish edges under an all-join) and a warning says so.
 */
export function flattenInflow(nodeId: string, inflow: NodeInflow, writtenJoin: JoinMode | undefined, problems: ImportProblems): NodeWaits {
  const pin = choosePin(inflow.pins, nodeId, problems);
  const withPin = (waits: NodeWaits): NodeWaits => (pin === undefined ? waits : { ...waits, pin });
  if (inflow.literal) {
    const dependencies = collectLeaves(inflow.expr, false).map(toDependency);
    return withPin(writtenJoin === undefined ? { dependencies } : { dependencies, join: writtenJoin });
  }
  if (inflow.expr.kind === 'always' && inflow.expr.lostConditions.length > 0) {
    const startCondition = and(inflow.expr.lostConditions);
    return withPin(startCondition === undefined ? { dependencies: [] } : { dependencies: [], startCondition });
  }
  const notes: Notes = { lostConditions: [], skippedSources: [] };
  const expr = normalize(inflow.expr, notes);
  if (notes.lostConditions.length > 0) {
    const conditions = notes.lostConditions.map((condition) => JSON.stringify(condition)).join(', ');
    problems.warn(BPMN_PROBLEM.conditionNotExpressible, { context: 'fromScopeStart', node: nodeRef(nodeId), conditions }, { nodeId });
  }
  if (notes.skippedSources.length > 0) {
    const sources = [...new Set(notes.skippedSources)].map(nodeRef).join(', ');
    problems.warn(BPMN_PROBLEM.dependencyDropped, { context: 'skipped', node: nodeRef(nodeId), sources }, { nodeId });
  }
  if (expr.kind === 'always') return withPin({ dependencies: [] });
  if (expr.kind === 'leaf') return withPin({ dependencies: [toDependency(expr)] });
  const mode = writtenJoin ?? expr.mode;
  if (wasSimplified(expr)) {
    problems.warn(BPMN_PROBLEM.joinApproximated, { context: 'tooComplex', node: nodeRef(nodeId) }, { nodeId });
  } else if (hasMixedModes(expr, expr.mode)) {
    problems.warn(BPMN_PROBLEM.joinApproximated, { context: mode === 'all' ? 'mixedAll' : 'mixedOne', node: nodeRef(nodeId) }, { nodeId });
  }
  const leaves = expr.items.flatMap((item) => collectLeaves(item, expr.mode === 'all' && item.kind === 'group' && item.mode === 'one'));
  const dependencies = mergeBySource(leaves, mode, (source) =>
    problems.warn(BPMN_PROBLEM.joinApproximated, { context: 'completeAndFail', node: nodeRef(nodeId), source: nodeRef(source) }, { nodeId }),
  );
  return withPin(dependencies.length > 1 ? { dependencies, join: mode } : { dependencies });
}
