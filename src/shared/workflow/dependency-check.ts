import { append } from './append';
import type { DependencyDefinition } from './definition';
import { CONDITION_DATA_ROOTS, checkJsonLogic } from './json-logic-check';
import { canonicalJson } from './json-equal';
import { findDeadlocks, type BlockingEdge } from './deadlock-check';
import { nodeRef } from './problem-text';
import type { Problem, ProblemParams } from './problems';
import { WORKFLOW_PROBLEM } from './problem-codes';
import { isAncestorIn, type TreeShape } from './structure-check';

/**
 * The dependency pass of validation: edges that name no node or their own node, conditions
 * that are not JSON Logic, redundant edges, and every way the edges can wait on each other
 * forever (cycles, a node waiting on its own container, deadlocks through containers).
 */
export interface DependencyCheck {
  problems: Problem[];
  /** Per node, the dependencies kept (exact repeats dropped), in order. */
  kept: Map<string, DependencyDefinition[]>;
}

/** An unconditional `any` edge never waits, so it can neither block nor deadlock. */
export function isBlocking(dependency: DependencyDefinition): boolean {
  return dependency.type !== 'any' || dependency.condition !== undefined;
}

export function checkDependencies(shape: TreeShape, brokenIds: ReadonlySet<string>): DependencyCheck {
  const problems: Problem[] = [];
  const kept = new Map<string, DependencyDefinition[]>();
  const blocking: BlockingEdge[] = [];

  for (const { node, index } of shape.unique) {
    const id = node.nodeId;
    const add = (severity: Problem['severity'], code: string, path: (string | number)[], message: string, params?: ProblemParams) =>
      problems.push({ severity, code, path, message, nodeId: id, ...(params ? { params } : {}) });
    const accepted: { dependency: DependencyDefinition; at: number }[] = [];
    const dependencies = node.dependencies ?? [];
    // Repeats can only occur among two or more; most nodes have fewer.
    const firstOf = dependencies.length > 1 ? new Map<string, number>() : undefined;
    const firstBySource = firstOf && new Map<string, number>();
    dependencies.forEach((dependency, at) => {
      const path = ['nodes', index, 'dependencies', at];
      const source = dependency.sourceNodeId;
      if (source === id) return add('error', WORKFLOW_PROBLEM.selfDependency, [...path, 'sourceNodeId'], `${nodeRef(id)} depends on itself`, { node: nodeRef(id) });
      if (!shape.byId.has(source)) {
        if (!brokenIds.has(source)) add('error', WORKFLOW_PROBLEM.unknownDependency, [...path, 'sourceNodeId'], `depends on ${nodeRef(source)}, but no node has that id`, { source: nodeRef(source) });
        return;
      }
      if (dependency.condition !== undefined) {
        append(problems, checkJsonLogic(dependency.condition, [...path, 'condition'], { what: 'condition', dataRoots: CONDITION_DATA_ROOTS, nodeId: id }));
      }
      if (firstOf) {
        const key = JSON.stringify([source, dependency.type, canonicalJson(dependency.condition)]);
        const repeated = firstOf.get(key);
        if (repeated !== undefined) {
          return add('warning', WORKFLOW_PROBLEM.duplicateDependency, path, `repeats dependencies[${repeated}] on ${nodeRef(source)}; the repeat is ignored`, { index: repeated, source: nodeRef(source) });
        }
        firstOf.set(key, at);
        // The store holds one edge per (source, target) pair, as the design does.
        const sameSource = firstBySource!.get(source);
        if (sameSource !== undefined) {
          return add('error', WORKFLOW_PROBLEM.duplicateEdge, path, `${nodeRef(id)} already depends on ${nodeRef(source)} (dependencies[${sameSource}]); a pair of nodes has one dependency: merge the two into one type and condition`, {
            index: sameSource,
            node: nodeRef(id),
            source: nodeRef(source),
          });
        }
        firstBySource!.set(source, at);
      }
      accepted.push({ dependency, at });
    });
    kept.set(id, accepted.map((entry) => entry.dependency));

    const join = node.join ?? 'all';
    for (const { dependency, at } of accepted) {
      const path = ['nodes', index, 'dependencies', at];
      if (!isBlocking(dependency) && accepted.length > 1) {
        add(
          'warning',
          WORKFLOW_PROBLEM.redundantAnyEdge,
          path,
          join === 'one'
            ? `an "any" dependency without a condition is satisfied at once, so with join "one" this node never waits for its other dependencies`
            : `an "any" dependency without a condition never waits, so beside other dependencies it changes nothing`,
          { context: join === 'one' ? 'joinOne' : 'joinAll' },
        );
      }
      const edge = { source: dependency.sourceNodeId, target: id, path };
      if (isAncestorIn(shape, edge.source, id)) {
        if (isBlocking(dependency)) add('error', WORKFLOW_PROBLEM.dependsOnAncestor, path, `depends on ${nodeRef(edge.source)}, a container it is inside, which can only finish after this node does: a deadlock`, { source: nodeRef(edge.source) });
        else add('warning', WORKFLOW_PROBLEM.redundantAnyEdge, path, `an "any" dependency on ${nodeRef(edge.source)}, a container it is inside, never waits; it has no effect`, { context: 'onAncestor', source: nodeRef(edge.source) });
      } else if (isAncestorIn(shape, id, edge.source)) {
        if (isBlocking(dependency)) add('error', WORKFLOW_PROBLEM.dependsOnDescendant, path, `the container ${nodeRef(id)} depends on ${nodeRef(edge.source)}, which is inside it and can only start after the container does: a deadlock`, { node: nodeRef(id), source: nodeRef(edge.source) });
        else add('warning', WORKFLOW_PROBLEM.redundantAnyEdge, path, `an "any" dependency of a container on ${nodeRef(edge.source)}, which is inside it, never waits; it has no effect`, { context: 'onDescendant', source: nodeRef(edge.source) });
      } else if (isBlocking(dependency)) {
        blocking.push(edge);
      }
    }
    if (join === 'one' && accepted.length < 2) {
      add('warning', WORKFLOW_PROBLEM.pointlessJoin, ['nodes', index, 'join'], `join "one" only matters with two or more dependencies; this node has ${accepted.length}`, { count: accepted.length });
    }
  }

  append(problems, findDeadlocks(shape, blocking));
  return { problems, kept };
}
