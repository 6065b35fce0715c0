import type { DependencyType, JoinMode } from '../../../../shared/status';
import { and, type JsonLogic } from '../../../../shared/workflow/expression/logic';

/**
 * What a node waits for, as the BPMN flow says it before it is flattened into dependencies and
 * a join mode: leaves (one edge from a source node), groups (a gateway's or a node's merge of
 * incoming paths: all for parallel joins, one otherwise) and `always` (the path comes straight
 * from the start of the scope, so nothing is waited for).
 */
export type DependencyExpr = DependencyLeaf | DependencyGroup | AlwaysExpr;

export interface DependencyLeaf {
  kind: 'leaf';
  source: string;
  type: DependencyType;
  condition?: JsonLogic;
  /** Written by the exporter (deduction:dependencyType): taken as is, never merged. */
  literal?: boolean;
}

export interface DependencyGroup {
  kind: 'group';
  mode: JoinMode;
  items: DependencyExpr[];
  /** How deeply groups nest in this one (1: only leaves in it). */
  depth: number;
  /** How many leaves it holds, counting those reached along several paths once per path. */
  size: number;
  /** Set when it was too deep or too large to follow exactly (see group). */
  simplified?: boolean;
}

export interface AlwaysExpr {
  kind: 'always';
  /** Conditions on the way from the start: nothing carries them once the path has no source. */
  lostConditions: JsonLogic[];
}

export const ALWAYS: AlwaysExpr = { kind: 'always', lostConditions: [] };

export function leaf(source: string, type: DependencyType = 'success'): DependencyLeaf {
  return { kind: 'leaf', source, type };
}

/**
 * Bounds on what one node's inflow may grow to. Drawn models stay far below them; a file built to
 * multiply paths (chains of gateways joined by parallel flows, each with its own condition) would
 * otherwise take exponential time and memory, and nesting must not exhaust the stack of the
 * walks over expressions. Past them a group is simplified: its distinct sources only, without
 * conditions, and the node's import reports it.
 */
const MAX_DEPTH = 64;
const MAX_SIZE = 1000;

function sizeOf(expr: DependencyExpr): number {
  return expr.kind === 'group' ? expr.size : 1;
}

function leafKey(found: DependencyLeaf): string {
  return JSON.stringify([found.source, found.type, found.condition ?? null, found.literal === true]);
}

/** The distinct sources under some expressions, found without recursion, visiting shared parts once. */
function simplified(mode: JoinMode, items: readonly DependencyExpr[]): DependencyGroup {
  const seen = new Set<DependencyExpr>();
  const sources = new Map<string, DependencyExpr>();
  const pending = [...items].reverse();
  while (pending.length > 0) {
    const item = pending.pop() as DependencyExpr;
    if (seen.has(item)) continue;
    seen.add(item);
    if (item.kind === 'group') pending.push(...[...item.items].reverse());
    else if (item.kind === 'leaf') sources.set(`${item.source} ${item.type}`, { kind: 'leaf', source: item.source, type: item.type });
    else sources.set('always', ALWAYS);
  }
  const found = [...sources.values()];
  return { kind: 'group', mode, items: found, depth: 1, size: found.length, simplified: true };
}

/** A group with same-mode subgroups flattened, duplicates dropped and single items unwrapped. */
export function group(mode: JoinMode, items: readonly DependencyExpr[]): DependencyExpr {
  const flat: DependencyExpr[] = [];
  const seen = new Set<DependencyExpr | string>();
  const add = (item: DependencyExpr): void => {
    const key = item.kind === 'leaf' ? leafKey(item) : item;
    if (seen.has(key)) return;
    seen.add(key);
    flat.push(item);
  };
  for (const item of items) {
    if (item.kind === 'group' && item.mode === mode && !item.simplified) item.items.forEach(add);
    else add(item);
  }
  if (flat.length === 0) return ALWAYS;
  if (flat.length === 1) return flat[0] as DependencyExpr;
  const depth = 1 + flat.reduce((deepest, item) => Math.max(deepest, item.kind === 'group' ? item.depth : 0), 0);
  const size = flat.reduce((total, item) => total + sizeOf(item), 0);
  if (depth > MAX_DEPTH || size > MAX_SIZE) return simplified(mode, flat);
  return { kind: 'group', mode, items: flat, depth, size };
}

/** The expression with a flow's condition and dependency type applied to every leaf. */
export function throughFlow(expr: DependencyExpr, condition: JsonLogic | undefined, type: DependencyType | undefined): DependencyExpr {
  if (condition === undefined && type === undefined) return expr;
  switch (expr.kind) {
    case 'leaf': {
      const next: DependencyLeaf = { ...expr, type: type ?? expr.type };
      const combined = and([expr.condition, condition]);
      if (combined === undefined) delete next.condition;
      else next.condition = combined;
      return next;
    }
    case 'group':
      return { ...expr, items: expr.items.map((item) => throughFlow(item, condition, type)) };
    case 'always':
      return condition === undefined ? expr : { kind: 'always', lostConditions: [...expr.lostConditions, condition] };
  }
}
