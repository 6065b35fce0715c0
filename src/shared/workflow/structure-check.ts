import { append } from './append';
import { nodeRef, chain } from './problem-text';
import { problem, type Problem } from './problems';
import { WORKFLOW_PROBLEM } from './problem-codes';
import type { ParsedNode } from './schema-check';

/**
 * The tree pass of validation: node ids, the root, and parent/children links, which a
 * definition may give from either end (parentId on the child, children on the container).
 */
export interface TreeShape {
  problems: Problem[];
  /** The first node of each id; later duplicates are reported and left out of every check. */
  byId: Map<string, ParsedNode>;
  unique: ParsedNode[];
  /** The parent each node ends up with (null for a root), when it could be resolved. */
  parent: Map<string, string | null>;
  children: Map<string, string[]>;
  /** Set when there is exactly one root. */
  rootId?: string;
  /** Pre-order position and subtree size of every node reached from a root. */
  position: Map<string, number>;
  size: number[];
  order: string[];
}

export function checkTree(nodes: readonly ParsedNode[], brokenIds: ReadonlySet<string>, incomplete: boolean): TreeShape {
  const problems: Problem[] = [];
  const error = (found: Problem) => {
    problems.push(found);
  };

  const byId = new Map<string, ParsedNode>();
  const unique: ParsedNode[] = [];
  for (const parsed of nodes) {
    const first = byId.get(parsed.node.nodeId);
    if (first) {
      error(problem('error', WORKFLOW_PROBLEM.duplicateNodeId, ['nodes', parsed.index, 'nodeId'], { node: nodeRef(parsed.node.nodeId), index: first.index }, parsed.node.nodeId));
      continue;
    }
    byId.set(parsed.node.nodeId, parsed);
    unique.push(parsed);
  }
  const exists = (id: string) => byId.has(id) || brokenIds.has(id);

  // Claims from containers' children lists.
  const claimedBy = new Map<string, string>();
  for (const { node, index } of unique) {
    const listed = node.children ?? [];
    if (listed.length > 0 && node.nodeType === 'agent') {
      error(problem('error', WORKFLOW_PROBLEM.parentNotContainer, ['nodes', index, 'children'], { context: 'agentWithChildren', node: nodeRef(node.nodeId) }, node.nodeId));
    }
    const seen = new Set<string>();
    listed.forEach((child, position) => {
      const path = ['nodes', index, 'children', position];
      if (seen.has(child)) return error(problem('error', WORKFLOW_PROBLEM.childListedTwice, path, { child: nodeRef(child) }, node.nodeId));
      seen.add(child);
      if (child === node.nodeId) return error(problem('error', WORKFLOW_PROBLEM.parentCycle, path, { context: 'ownChild', node: nodeRef(child) }, node.nodeId));
      if (!byId.has(child)) {
        if (!brokenIds.has(child)) error(problem('error', WORKFLOW_PROBLEM.unknownChild, path, { child: nodeRef(child) }, node.nodeId));
        return;
      }
      const other = claimedBy.get(child);
      if (other !== undefined) {
        return error(problem('error', WORKFLOW_PROBLEM.childOfTwo, path, { child: nodeRef(child), other: nodeRef(other) }, node.nodeId));
      }
      claimedBy.set(child, node.nodeId);
    });
  }

  // Each node's parent, from its parentId and the claims; `unresolved` ones are left out of root checks.
  const parent = new Map<string, string | null>();
  const unresolved = new Set<string>();
  for (const { node, index } of unique) {
    const id = node.nodeId;
    const claim = claimedBy.get(id);
    const path = ['nodes', index, 'parentId'];
    if (typeof node.parentId === 'string') {
      const named = node.parentId;
      if (named === id) {
        error(problem('error', WORKFLOW_PROBLEM.parentCycle, path, { context: 'ownParent', node: nodeRef(id) }, id));
        unresolved.add(id);
        continue;
      }
      const container = byId.get(named);
      if (!container) {
        if (!brokenIds.has(named)) error(problem('error', WORKFLOW_PROBLEM.unknownParent, path, { parent: nodeRef(named) }, id));
        unresolved.add(id);
        continue;
      }
      if (claim !== undefined && claim !== named) {
        error(problem('error', WORKFLOW_PROBLEM.parentMismatch, path, { context: 'claimedByOther', parent: nodeRef(named), other: nodeRef(claim) }, id));
      } else if (claim === undefined && container.node.children !== undefined) {
        error(problem('error', WORKFLOW_PROBLEM.parentMismatch, path, { context: 'notListed', parent: nodeRef(named) }, id));
      }
      if (container.node.nodeType === 'agent' && claim !== named) {
        error(problem('error', WORKFLOW_PROBLEM.parentNotContainer, path, { context: 'agentParent', parent: nodeRef(named) }, id));
      }
      parent.set(id, named);
    } else {
      if (node.parentId === null && claim !== undefined) {
        error(problem('error', WORKFLOW_PROBLEM.parentMismatch, path, { context: 'nullButClaimed', other: nodeRef(claim) }, id));
      }
      parent.set(id, claim ?? null);
    }
  }

  // The root: isRoot true, or else the one node without a parent.
  const flagged: ParsedNode[] = [];
  const parentless: ParsedNode[] = [];
  for (const parsed of unique) {
    const { node, index } = parsed;
    if (unresolved.has(node.nodeId)) continue;
    const up = parent.get(node.nodeId) ?? null;
    if (node.isRoot === true) {
      if (up !== null) error(problem('error', WORKFLOW_PROBLEM.rootWithParent, ['nodes', index, 'isRoot'], { parent: nodeRef(up) }, node.nodeId));
      else flagged.push(parsed);
    } else if (up === null) {
      if (node.isRoot === false) {
        error(problem('error', WORKFLOW_PROBLEM.orphan, ['nodes', index], { node: nodeRef(node.nodeId) }, node.nodeId));
      } else {
        parentless.push(parsed);
      }
    }
  }
  let roots = flagged;
  if (flagged.length === 0) {
    roots = parentless;
  } else {
    for (const { node, index } of parentless) {
      error(problem('error', WORKFLOW_PROBLEM.orphan, ['nodes', index], { node: nodeRef(node.nodeId) }, node.nodeId));
    }
  }
  if (roots.length > 1) {
    const names = chain(roots.map((root) => root.node.nodeId), ', ');
    for (const { node, index } of roots) {
      error(problem('error', WORKFLOW_PROBLEM.multipleRoots, ['nodes', index], { node: nodeRef(node.nodeId), count: roots.length, names }, node.nodeId));
    }
  }
  for (const { node, index } of roots) {
    if (node.nodeType !== 'container') {
      error(problem('error', WORKFLOW_PROBLEM.rootNotContainer, ['nodes', index, 'nodeType'], { node: nodeRef(node.nodeId) }, node.nodeId));
    }
  }

  const children = childLists(unique, parent, claimedBy, byId);
  const { order, position, size } = preOrder(roots.map((root) => root.node.nodeId), children);

  if (roots.length === 0 && !incomplete && unique.length > 0) {
    error(problem('error', WORKFLOW_PROBLEM.noRoot, ['nodes'], {}));
  }
  append(problems, parentCycles(unique, parent, position, unresolved, exists));

  const shape: TreeShape = { problems, byId, unique, parent, children, position, size, order };
  if (roots.length === 1) shape.rootId = roots[0]!.node.nodeId;
  return shape;
}

export function isAncestorIn(shape: Pick<TreeShape, 'position' | 'size'>, ancestorId: string, nodeId: string): boolean {
  const start = shape.position.get(ancestorId);
  const at = shape.position.get(nodeId);
  if (start === undefined || at === undefined) return false;
  return at > start && at < start + shape.size[start]!;
}

/** Children in order: those a container lists first (in its order), then those naming it as parentId. */
function childLists(
  unique: readonly ParsedNode[],
  parent: ReadonlyMap<string, string | null>,
  claimedBy: ReadonlyMap<string, string>,
  byId: ReadonlyMap<string, ParsedNode>,
): Map<string, string[]> {
  const children = new Map<string, string[]>(unique.map(({ node }) => [node.nodeId, []]));
  for (const { node } of unique) {
    if (node.children === undefined || node.children.length === 0) continue;
    for (const child of new Set(node.children)) {
      if (byId.has(child) && parent.get(child) === node.nodeId && claimedBy.get(child) === node.nodeId) children.get(node.nodeId)!.push(child);
    }
  }
  for (const { node } of unique) {
    const up = parent.get(node.nodeId);
    if (up !== null && up !== undefined && claimedBy.get(node.nodeId) !== up) children.get(up)?.push(node.nodeId);
  }
  return children;
}

function preOrder(roots: readonly string[], children: ReadonlyMap<string, readonly string[]>): { order: string[]; position: Map<string, number>; size: number[] } {
  const order: string[] = [];
  const position = new Map<string, number>();
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (position.has(id)) continue;
    position.set(id, order.length);
    order.push(id);
    const kids = children.get(id) ?? [];
    for (let index = kids.length - 1; index >= 0; index--) stack.push(kids[index]!);
  }
  const size = new Array<number>(order.length).fill(1);
  for (let index = order.length - 1; index >= 0; index--) {
    for (const child of children.get(order[index]!) ?? []) {
      const at = position.get(child);
      if (at !== undefined && at > index) size[index]! += size[at]!;
    }
  }
  return { order, position, size };
}

/** Nodes that have a parent yet hang from no root: their parents nest in a cycle. */
function parentCycles(
  unique: readonly ParsedNode[],
  parent: ReadonlyMap<string, string | null>,
  reached: ReadonlyMap<string, number>,
  unresolved: ReadonlySet<string>,
  exists: (id: string) => boolean,
): Problem[] {
  const problems: Problem[] = [];
  const indexOf = new Map(unique.map(({ node, index }) => [node.nodeId, index]));
  const walkOf = new Map<string, number>();
  unique.forEach(({ node }, walk) => {
    const path: string[] = [];
    let at: string | null | undefined = node.nodeId;
    while (at !== null && at !== undefined && !reached.has(at) && !walkOf.has(at) && !unresolved.has(at) && exists(at)) {
      walkOf.set(at, walk);
      path.push(at);
      at = parent.get(at);
    }
    if (at === null || at === undefined || walkOf.get(at) !== walk) return;
    const holders = path.slice(path.indexOf(at)).reverse();
    // Start from the member listed first in the definition, so the message is stable.
    const lead = holders.reduce((best, id, at) => (indexOf.get(id)! < indexOf.get(holders[best]!)! ? at : best), 0);
    const members = [...holders.slice(lead), ...holders.slice(0, lead)];
    const first = members[0]!;
    const where = ['nodes', indexOf.get(members[1] ?? first)!, 'parentId'];
    problems.push(problem('error', WORKFLOW_PROBLEM.parentCycle, where, { context: 'nesting', cycle: chain([...members, first], ' → ') }, first));
  });
  return problems;
}
