import { append } from './append';
import type { DependencyDefinition } from './definition';
import { CONDITION_DATA_ROOTS, checkJsonLogic } from './json-logic-check';
import { canonicalJson } from './json-equal';
import { findDeadlocks, type BlockingEdge } from './deadlock-check';
import { nodeRef } from './problem-text';
import { problem, type Problem } from './problems';
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
    const accepted: { dependency: DependencyDefinition; at: number }[] = [];
    const dependencies = node.dependencies ?? [];
    // Repeats can only occur among two or more; most nodes have fewer.
    const firstOf = dependencies.length > 1 ? new Map<string, number>() : undefined;
    const firstBySource = firstOf && new Map<string, number>();
    dependencies.forEach((dependency, at) => {
      const path = ['nodes', index, 'dependencies', at];
      const source = dependency.sourceNodeId;
      if (source === id) return void problems.push(problem('error', WORKFLOW_PROBLEM.selfDependency, [...path, 'sourceNodeId'], { node: nodeRef(id) }, id));
      if (!shape.byId.has(source)) {
        if (!brokenIds.has(source)) problems.push(problem('error', WORKFLOW_PROBLEM.unknownDependency, [...path, 'sourceNodeId'], { source: nodeRef(source) }, id));
        return;
      }
      if (dependency.condition !== undefined) {
        append(problems, checkJsonLogic(dependency.condition, [...path, 'condition'], { what: 'condition', dataRoots: CONDITION_DATA_ROOTS, nodeId: id }));
      }
      if (firstOf) {
        const key = JSON.stringify([source, dependency.type, canonicalJson(dependency.condition)]);
        const repeated = firstOf.get(key);
        if (repeated !== undefined) {
          return void problems.push(problem('warning', WORKFLOW_PROBLEM.duplicateDependency, path, { index: repeated, source: nodeRef(source) }, id));
        }
        firstOf.set(key, at);
        // The store holds one edge per (source, target) pair, as the design does.
        const sameSource = firstBySource!.get(source);
        if (sameSource !== undefined) {
          return void problems.push(problem('error', WORKFLOW_PROBLEM.duplicateEdge, path, { index: sameSource, node: nodeRef(id), source: nodeRef(source) }, id));
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
        problems.push(problem('warning', WORKFLOW_PROBLEM.redundantAnyEdge, path, { context: join === 'one' ? 'joinOne' : 'joinAll' }, id));
      }
      const edge = { source: dependency.sourceNodeId, target: id, path };
      if (isAncestorIn(shape, edge.source, id)) {
        if (isBlocking(dependency)) problems.push(problem('error', WORKFLOW_PROBLEM.dependsOnAncestor, path, { source: nodeRef(edge.source) }, id));
        else problems.push(problem('warning', WORKFLOW_PROBLEM.redundantAnyEdge, path, { context: 'onAncestor', source: nodeRef(edge.source) }, id));
      } else if (isAncestorIn(shape, id, edge.source)) {
        if (isBlocking(dependency)) problems.push(problem('error', WORKFLOW_PROBLEM.dependsOnDescendant, path, { node: nodeRef(id), source: nodeRef(edge.source) }, id));
        else problems.push(problem('warning', WORKFLOW_PROBLEM.redundantAnyEdge, path, { context: 'onDescendant', source: nodeRef(edge.source) }, id));
      } else if (isBlocking(dependency)) {
        blocking.push(edge);
      }
    }
    if (join === 'one' && accepted.length < 2) {
      problems.push(problem('warning', WORKFLOW_PROBLEM.pointlessJoin, ['nodes', index, 'join'], { count: accepted.length }, id));
    }
  }

  append(problems, findDeadlocks(shape, blocking));
  return { problems, kept };
}
