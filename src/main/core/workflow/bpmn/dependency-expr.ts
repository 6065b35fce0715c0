import type { DependencyType, JoinMode } from '../../../../shared/status';
import { and, type JsonLogic } from './logic';

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

/** A group with same-mode subgroups flattened and single items unwrapped. */
export function group(mode: JoinMode, items: readonly DependencyExpr[]): DependencyExpr {
  const flat: DependencyExpr[] = [];
  for (const item of items) {
    if (item.kind === 'group' && item.mode === mode) flat.push(...item.items);
    else flat.push(item);
  }
  if (flat.length === 0) return ALWAYS;
  if (flat.length === 1) return flat[0] as DependencyExpr;
  return { kind: 'group', mode, items: flat };
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
