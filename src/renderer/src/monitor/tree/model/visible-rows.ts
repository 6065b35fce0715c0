import type { NodeStatus } from '../../../../../shared/status';
import type { NodeView } from '../../../../../shared/task/nodes';
import type { TaskNodes } from '../../../task-panels/task-panel';

/** What the tree shows besides the hierarchy itself: statuses to keep (empty = all) and a search text. */
export interface TreeFilter {
  statuses: ReadonlySet<NodeStatus>;
  search: string;
}

export interface VisibleRow {
  node: NodeView;
  /** Indentation: 0 for the root. */
  depth: number;
  /** A container with at least one child in the current view (filtered or not). */
  hasChildren: boolean;
  expanded: boolean;
  /** The node itself matches an active filter (false for ancestors kept to show where matches sit). */
  matched: boolean;
}

export interface VisibleRows {
  rows: VisibleRow[];
  /** Nodes matching the filter, counted whether or not a collapsed container hides them; null without a filter. */
  matchCount: number | null;
  /** Where each visible node's row is, for scrolling to and keyboard moves. */
  indexOf: ReadonlyMap<string, number>;
}

export function isFilterActive(filter: TreeFilter): boolean {
  return filter.statuses.size > 0 || filter.search.trim() !== '';
}

export function matchesFilter(node: NodeView, filter: TreeFilter, needle: string): boolean {
  if (filter.statuses.size > 0 && !filter.statuses.has(node.status)) return false;
  if (needle === '') return true;
  return node.nodeId.toLowerCase().includes(needle) || (node.name?.toLowerCase().includes(needle) ?? false);
}

/**
 * The rows to draw, in depth-first order: collapsed containers hide what is beneath them; a
 * filter keeps the matching nodes and every ancestor of one. Linear in the number of nodes
 * (each ancestor chain is walked only until it meets an already kept node).
 */
export function visibleRows(nodes: TaskNodes, collapsed: ReadonlySet<string>, filter: TreeFilter): VisibleRows {
  const { byId, order } = nodes;
  const filtering = isFilterActive(filter);
  const needle = filter.search.trim().toLowerCase();
  const matched = new Set<string>();
  const kept = new Set<string>();
  const keptParents = new Set<string>();
  if (filtering) {
    for (const id of order) {
      const node = byId.get(id);
      if (!node || !matchesFilter(node, filter, needle)) continue;
      matched.add(id);
      for (let at: string | null = id; at !== null && !kept.has(at); ) {
        kept.add(at);
        const parent: string | null = byId.get(at)?.parentId ?? null;
        if (parent !== null) keptParents.add(parent);
        at = parent;
      }
    }
  }
  const rows: VisibleRow[] = [];
  const indexOf = new Map<string, number>();
  const baseLevel = rootLevel(nodes);
  // While > -1, nodes deeper than this level sit under a collapsed container and are hidden.
  let hiddenBelow = -1;
  for (let index = 0; index < order.length; index++) {
    const id = order[index]!;
    const node = byId.get(id);
    if (!node) continue;
    if (hiddenBelow > -1) {
      if (node.level > hiddenBelow) continue;
      hiddenBelow = -1;
    }
    if (filtering && !kept.has(id)) continue;
    const hasChildren = node.nodeType === 'container' && (filtering ? keptParents.has(id) : nextNode(nodes, index)?.parentId === id);
    const expanded = hasChildren && !collapsed.has(id);
    if (node.nodeType === 'container' && !expanded) hiddenBelow = node.level;
    indexOf.set(id, rows.length);
    rows.push({ node, depth: Math.max(0, node.level - baseLevel), hasChildren, expanded, matched: filtering && matched.has(id) });
  }
  return { rows, matchCount: filtering ? matched.size : null, indexOf };
}

/** In depth-first order a container's first child is the next known node. */
function nextNode(nodes: TaskNodes, index: number): NodeView | undefined {
  for (let at = index + 1; at < nodes.order.length; at++) {
    const node = nodes.byId.get(nodes.order[at]!);
    if (node) return node;
  }
  return undefined;
}

function rootLevel(nodes: TaskNodes): number {
  const first = nodes.order[0];
  return first === undefined ? 0 : (nodes.byId.get(first)?.level ?? 0);
}

/** Every container, for "collapse all". */
export function allContainers(nodes: TaskNodes): Set<string> {
  const out = new Set<string>();
  for (const id of nodes.order) if (nodes.byId.get(id)?.nodeType === 'container') out.add(id);
  return out;
}

/** The containers above a node, nearest first. */
export function ancestorsOf(nodes: TaskNodes, nodeId: string): string[] {
  const out: string[] = [];
  for (let at = nodes.byId.get(nodeId)?.parentId ?? null; at !== null; at = nodes.byId.get(at)?.parentId ?? null) out.push(at);
  return out;
}

/** The collapsed set with the given nodes' ancestors opened, so that those nodes show; the same set when nothing changes. */
export function expandTo(nodes: TaskNodes, collapsed: ReadonlySet<string>, nodeIds: Iterable<string>): ReadonlySet<string> {
  if (collapsed.size === 0) return collapsed;
  let next: Set<string> | null = null;
  for (const id of nodeIds) {
    for (const ancestor of ancestorsOf(nodes, id)) {
      if (!(next ?? collapsed).has(ancestor)) continue;
      next ??= new Set(collapsed);
      next.delete(ancestor);
    }
  }
  return next ?? collapsed;
}

/** The nodes matching a filter (for opening their ancestors when the filter changes). */
export function matchingIds(nodes: TaskNodes, filter: TreeFilter): string[] {
  if (!isFilterActive(filter)) return [];
  const needle = filter.search.trim().toLowerCase();
  return nodes.order.filter((id) => {
    const node = nodes.byId.get(id);
    return node !== undefined && matchesFilter(node, filter, needle);
  });
}
