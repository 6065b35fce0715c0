import { append } from './append';
import { nodeRef, chain } from './problem-text';
import type { Problem, ProblemParams } from './problems';
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

type Path = (string | number)[];

export function checkTree(nodes: readonly ParsedNode[], brokenIds: ReadonlySet<string>, incomplete: boolean): TreeShape {
  const problems: Problem[] = [];
  const error = (code: string, path: Path, message: string, nodeId?: string, params?: ProblemParams) => {
    const problem: Problem = { severity: 'error', code, path, message };
    if (nodeId !== undefined) problem.nodeId = nodeId;
    if (params !== undefined) problem.params = params;
    problems.push(problem);
  };

  const byId = new Map<string, ParsedNode>();
  const unique: ParsedNode[] = [];
  for (const parsed of nodes) {
    const first = byId.get(parsed.node.nodeId);
    if (first) {
      error(WORKFLOW_PROBLEM.duplicateNodeId, ['nodes', parsed.index, 'nodeId'], `the nodeId ${nodeRef(parsed.node.nodeId)} is already used by nodes[${first.index}]; node ids must be unique`, parsed.node.nodeId, {
        node: nodeRef(parsed.node.nodeId),
        index: first.index,
      });
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
      error(WORKFLOW_PROBLEM.parentNotContainer, ['nodes', index, 'children'], `${nodeRef(node.nodeId)} is an agent but lists children; only containers hold nodes`, node.nodeId, { context: 'agentWithChildren', node: nodeRef(node.nodeId) });
    }
    const seen = new Set<string>();
    listed.forEach((child, position) => {
      const path = ['nodes', index, 'children', position];
      if (seen.has(child)) return error(WORKFLOW_PROBLEM.childListedTwice, path, `lists the child ${nodeRef(child)} twice`, node.nodeId, { child: nodeRef(child) });
      seen.add(child);
      if (child === node.nodeId) return error(WORKFLOW_PROBLEM.parentCycle, path, `${nodeRef(child)} lists itself as its own child`, node.nodeId, { context: 'ownChild', node: nodeRef(child) });
      if (!byId.has(child)) {
        if (!brokenIds.has(child)) error(WORKFLOW_PROBLEM.unknownChild, path, `lists the child ${nodeRef(child)}, but no node has that id`, node.nodeId, { child: nodeRef(child) });
        return;
      }
      const other = claimedBy.get(child);
      if (other !== undefined) {
        return error(WORKFLOW_PROBLEM.childOfTwo, path, `lists ${nodeRef(child)} as a child, but ${nodeRef(other)} already does; a node has one parent`, node.nodeId, {
          child: nodeRef(child),
          other: nodeRef(other),
        });
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
        error(WORKFLOW_PROBLEM.parentCycle, path, `${nodeRef(id)} is its own parent`, id, { context: 'ownParent', node: nodeRef(id) });
        unresolved.add(id);
        continue;
      }
      const container = byId.get(named);
      if (!container) {
        if (!brokenIds.has(named)) error(WORKFLOW_PROBLEM.unknownParent, path, `the parentId ${nodeRef(named)} names no node`, id, { parent: nodeRef(named) });
        unresolved.add(id);
        continue;
      }
      if (claim !== undefined && claim !== named) {
        error(WORKFLOW_PROBLEM.parentMismatch, path, `parentId is ${nodeRef(named)}, but ${nodeRef(claim)} lists this node among its children`, id, {
          context: 'claimedByOther',
          parent: nodeRef(named),
          other: nodeRef(claim),
        });
      } else if (claim === undefined && container.node.children !== undefined) {
        error(WORKFLOW_PROBLEM.parentMismatch, path, `parentId is ${nodeRef(named)}, but the children of ${nodeRef(named)} do not list this node`, id, { context: 'notListed', parent: nodeRef(named) });
      }
      if (container.node.nodeType === 'agent' && claim !== named) {
        error(WORKFLOW_PROBLEM.parentNotContainer, path, `the parent ${nodeRef(named)} is an agent; only containers hold nodes`, id, { context: 'agentParent', parent: nodeRef(named) });
      }
      parent.set(id, named);
    } else {
      if (node.parentId === null && claim !== undefined) {
        error(WORKFLOW_PROBLEM.parentMismatch, path, `parentId is null, but ${nodeRef(claim)} lists this node among its children`, id, { context: 'nullButClaimed', other: nodeRef(claim) });
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
      if (up !== null) error(WORKFLOW_PROBLEM.rootWithParent, ['nodes', index, 'isRoot'], `isRoot is true, but the node has the parent ${nodeRef(up)}; the root has no parent`, node.nodeId, { parent: nodeRef(up) });
      else flagged.push(parsed);
    } else if (up === null) {
      if (node.isRoot === false) {
        error(WORKFLOW_PROBLEM.orphan, ['nodes', index], `${nodeRef(node.nodeId)} has no parent container and isRoot is false; give it a parentId, or list it in a container's children`, node.nodeId, { node: nodeRef(node.nodeId) });
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
      error(WORKFLOW_PROBLEM.orphan, ['nodes', index], `${nodeRef(node.nodeId)} has no parent container and is not the root; give it a parentId, or list it in a container's children`, node.nodeId, { node: nodeRef(node.nodeId) });
    }
  }
  if (roots.length > 1) {
    const names = chain(roots.map((root) => root.node.nodeId), ', ');
    for (const { node, index } of roots) {
      error(WORKFLOW_PROBLEM.multipleRoots, ['nodes', index], `${nodeRef(node.nodeId)} is one of ${roots.length} roots (${names}); a workflow has exactly one root container`, node.nodeId, {
        node: nodeRef(node.nodeId),
        count: roots.length,
        names,
      });
    }
  }
  for (const { node, index } of roots) {
    if (node.nodeType !== 'container') {
      error(WORKFLOW_PROBLEM.rootNotContainer, ['nodes', index, 'nodeType'], `the root ${nodeRef(node.nodeId)} is an agent; the root must be a container`, node.nodeId, { node: nodeRef(node.nodeId) });
    }
  }

  const children = childLists(unique, parent, claimedBy, byId);
  const { order, position, size } = preOrder(roots.map((root) => root.node.nodeId), children);

  if (roots.length === 0 && !incomplete && unique.length > 0) {
    error(WORKFLOW_PROBLEM.noRoot, ['nodes'], 'there is no root: every node has a parent; mark the top container with "isRoot": true and give it no parent', undefined, {});
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
    problems.push({
      severity: 'error',
      code: WORKFLOW_PROBLEM.parentCycle,
      path: ['nodes', indexOf.get(members[1] ?? first)!, 'parentId'],
      message: `containers nest in a cycle: ${chain([...members, first], ' → ')} (each holds the next), so none of them hangs from the root`,
      params: { context: 'nesting', cycle: chain([...members, first], ' → ') },
      nodeId: first,
    });
  });
  return problems;
}
