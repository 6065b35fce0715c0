import type { ELK } from 'elkjs/lib/elk-api';
import { nodeDisplayName, type WorkflowDefinition, type WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import { autoLayout } from '../../editor/model/auto-layout';
import { hasLayout } from '../../editor/model/document';
import { AGENT_SIZE, CONTAINER_HEADER, CONTAINER_PADDING, containerMinWidth, nodeSize } from '../../editor/model/geometry';

/**
 * Where the live graph draws each node. A task keeps the layout its workflow was created
 * with; a workflow without one (a file run from the command line) is laid out like the
 * editor does, with ELK. ELK's layered layout of many thousands of nodes takes minutes, so
 * past ELK_NODE_LIMIT a linear layering of each container's children is used instead.
 */
export const ELK_NODE_LIMIT = 1500;

const GAP_X = 64;
const GAP_Y = 24;

/** The definition with each node's parent as the task's nodes record it (files may name only `children`). */
export function withParents(definition: WorkflowDefinition, parents: ReadonlyMap<string, string | null>): WorkflowDefinition {
  let changed = false;
  const nodes = definition.nodes.map((node) => {
    const parentId = parents.get(node.nodeId);
    if (parentId === undefined || (node.parentId ?? null) === parentId) return node;
    changed = true;
    return { ...node, parentId };
  });
  return changed ? { ...definition, nodes } : definition;
}

/**
 * `view` is the size of the view the graph will be fitted to: a chain too long to be drawn at
 * its natural size in it, and far wider than its shape, is wrapped into rows that fill it rather
 * than drawn as one thin line across an empty view. Should ELK fail to wrap it, it stays unwrapped.
 */
export async function layOutGraph(definition: WorkflowDefinition, loadElk: () => Promise<Pick<ELK, 'layout'>>, view?: { width: number; height: number }): Promise<WorkflowDefinition> {
  if (hasLayout(definition)) return definition;
  if (definition.nodes.length > ELK_NODE_LIMIT) return layeredGrid(definition);
  const elk = await loadElk();
  const plain = await autoLayout(definition, elk);
  const whole = plain.nodes.find((node) => node.isRoot)?.layout;
  if (!view || !whole?.width || !whole.height || view.height <= 0) return plain;
  const aspect = view.width / view.height;
  if (whole.width <= view.width || whole.width / whole.height <= aspect * WRAP_BEYOND) return plain;
  return autoLayout(definition, elk, { wrapAspect: aspect }).catch(() => plain);
}

/** How much wider than the view's shape a graph must be to be wrapped. */
const WRAP_BEYOND = 1.5;

/**
 * Each container's children in columns by their rank among siblings (a child comes one
 * column after the siblings it depends on), a column wrapping after about √n children so
 * that one wide wave does not become one endless column. Containers are sized bottom-up.
 */
export function layeredGrid(definition: WorkflowDefinition): WorkflowDefinition {
  const childrenOf = new Map<string, WorkflowNodeDefinition[]>();
  const byId = new Map(definition.nodes.map((node) => [node.nodeId, node]));
  for (const node of definition.nodes) {
    if (!node.parentId || !byId.has(node.parentId)) continue;
    let list = childrenOf.get(node.parentId);
    if (!list) childrenOf.set(node.parentId, (list = []));
    list.push(node);
  }
  const layout = new Map<string, { x: number; y: number; width: number; height: number }>();
  const size = (node: WorkflowNodeDefinition) => layout.get(node.nodeId) ?? { x: 0, y: 0, ...nodeSize({ ...node, layout: undefined }) };

  const visiting = new Set<string>();
  const place = (container: WorkflowNodeDefinition): void => {
    visiting.add(container.nodeId);
    const children = childrenOf.get(container.nodeId) ?? [];
    for (const child of children) if (child.nodeType === 'container' && !visiting.has(child.nodeId)) place(child);
    const ranks = siblingRanks(children);
    const perColumn = Math.max(4, Math.ceil(Math.sqrt(children.length)));
    const columns: WorkflowNodeDefinition[][] = [];
    const ordered = children.map((child, i) => ({ child, rank: ranks[i] ?? 0, i })).sort((a, b) => a.rank - b.rank || a.i - b.i);
    let lastRank = -1;
    for (const { child, rank } of ordered) {
      const current = columns[columns.length - 1];
      if (!current || rank !== lastRank || current.length >= perColumn) columns.push([child]);
      else current.push(child);
      lastRank = rank;
    }
    let x = CONTAINER_PADDING;
    let bottom = 0;
    for (const column of columns) {
      let y = CONTAINER_HEADER + CONTAINER_PADDING / 2;
      let width = 0;
      for (const child of column) {
        const box = size(child);
        layout.set(child.nodeId, { ...box, x, y });
        y += box.height + GAP_Y;
        width = Math.max(width, box.width);
      }
      bottom = Math.max(bottom, y - GAP_Y);
      x += width + GAP_X;
    }
    const empty = children.length === 0;
    layout.set(container.nodeId, {
      x: 0,
      y: 0,
      width: Math.max(containerMinWidth(nodeDisplayName(container)), empty ? AGENT_SIZE.width + 2 * CONTAINER_PADDING : x - GAP_X + CONTAINER_PADDING),
      height: empty ? CONTAINER_HEADER + CONTAINER_PADDING : bottom + CONTAINER_PADDING,
    });
  };
  for (const node of definition.nodes) if (node.nodeType === 'container' && !layout.has(node.nodeId) && (!node.parentId || !byId.has(node.parentId))) place(node);
  return { ...definition, nodes: definition.nodes.map((node) => ({ ...node, layout: layout.get(node.nodeId) ?? { x: 0, y: 0 } })) };
}

/** Longest chain of dependencies among siblings leading to each child; cycles are cut where met. */
function siblingRanks(children: readonly WorkflowNodeDefinition[]): number[] {
  const indexOf = new Map(children.map((child, i) => [child.nodeId, i]));
  const ranks = new Array<number>(children.length).fill(-1);
  const onPath = new Set<number>();
  const rank = (i: number): number => {
    if ((ranks[i] as number) >= 0) return ranks[i] as number;
    if (onPath.has(i)) return 0;
    onPath.add(i);
    let best = 0;
    for (const dependency of children[i]?.dependencies ?? []) {
      const source = indexOf.get(dependency.sourceNodeId);
      if (source !== undefined && source !== i) best = Math.max(best, rank(source) + 1);
    }
    onPath.delete(i);
    ranks[i] = best;
    return best;
  };
  children.forEach((_, i) => rank(i));
  return ranks;
}
