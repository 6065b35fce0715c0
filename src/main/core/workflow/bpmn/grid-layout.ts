import type { WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import type { WorkflowTree } from './export-structure';

/** A node's box relative to its parent container, as ELK gives it. */
export interface RelativeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

const GAP = { column: 50, row: 40 } as const;
const PADDING = { top: 40, left: 30, bottom: 30, right: 30 } as const;
/** The root is a pool: its left band shows the name. */
const ROOT_PADDING = { top: 40, left: 70, bottom: 40, right: 40 } as const;

/**
 * A layered layout without ELK, for workflows too large for it (ELK's layered algorithm
 * recurses along a dependency chain and takes seconds per thousand nodes): in every
 * container, each child goes in the column after the siblings it depends on (directly, or
 * through what they hold), one row per child in a column. Linear in nodes and edges, with
 * explicit stacks throughout.
 */
export function gridLayout(
  tree: WorkflowTree,
  edges: readonly { source: string; target: string }[],
  sizeOf: (node: WorkflowNodeDefinition) => { width: number; height: number },
): Map<string, RelativeBox> {
  const boxes = new Map<string, RelativeBox>();
  const order = preOrder(tree);
  const after = siblingEdges(tree, edges);
  for (let index = order.length - 1; index >= 0; index--) {
    const node = order[index]!;
    const children = tree.childrenOf(node.nodeId);
    if (children.length === 0) {
      boxes.set(node.nodeId, { x: 0, y: 0, ...sizeOf(node) });
      continue;
    }
    const padding = node === tree.root ? ROOT_PADDING : PADDING;
    const columns = layers(children, after);
    let x = padding.left;
    let bottom = 0;
    for (const column of columns) {
      let y = padding.top;
      let width = 0;
      for (const child of column) {
        const box = boxes.get(child.nodeId)!;
        box.x = x;
        box.y = y;
        y += box.height + GAP.row;
        width = Math.max(width, box.width);
      }
      bottom = Math.max(bottom, y - GAP.row);
      x += width + GAP.column;
    }
    boxes.set(node.nodeId, { x: 0, y: 0, width: x - GAP.column + padding.right, height: bottom + padding.bottom });
  }
  return boxes;
}

function preOrder(tree: WorkflowTree): WorkflowNodeDefinition[] {
  const order: WorkflowNodeDefinition[] = [];
  const pending = [tree.root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    order.push(node);
    for (const child of tree.childrenOf(node.nodeId)) pending.push(child);
  }
  return order;
}

/** Each edge lifted to the two siblings that hold its ends, by source. */
function siblingEdges(tree: WorkflowTree, edges: readonly { source: string; target: string }[]): Map<string, string[]> {
  const after = new Map<string, string[]>();
  for (const edge of edges) {
    if (!tree.byId.has(edge.source) || !tree.byId.has(edge.target)) continue;
    const scope = tree.commonScope(edge.source, edge.target);
    const from = childOn(tree, scope, edge.source);
    const to = childOn(tree, scope, edge.target);
    if (from === undefined || to === undefined || from === to) continue;
    const list = after.get(from);
    if (list) list.push(to);
    else after.set(from, [to]);
  }
  return after;
}

/** The child of `scope` that is `nodeId` or holds it. */
function childOn(tree: WorkflowTree, scope: string, nodeId: string): string | undefined {
  let at: string | undefined = nodeId;
  while (at !== undefined && tree.parentOf(at) !== scope) at = tree.parentOf(at);
  return at;
}

/** Longest-path layering of siblings (Kahn's order); siblings in a cycle share the last column. */
function layers(children: readonly WorkflowNodeDefinition[], after: ReadonlyMap<string, readonly string[]>): WorkflowNodeDefinition[][] {
  const here = new Map(children.map((child) => [child.nodeId, child]));
  const waiting = new Map<string, number>(children.map((child) => [child.nodeId, 0]));
  for (const child of children) for (const next of after.get(child.nodeId) ?? []) if (here.has(next)) waiting.set(next, waiting.get(next)! + 1);
  const layer = new Map<string, number>();
  const ready = children.filter((child) => waiting.get(child.nodeId) === 0).map((child) => child.nodeId);
  for (const id of ready) layer.set(id, 0);
  while (ready.length > 0) {
    const id = ready.pop()!;
    for (const next of after.get(id) ?? []) {
      if (!here.has(next)) continue;
      layer.set(next, Math.max(layer.get(next) ?? 0, layer.get(id)! + 1));
      const left = waiting.get(next)! - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  let deepest = 0;
  for (const at of layer.values()) deepest = Math.max(deepest, at);
  const columns: WorkflowNodeDefinition[][] = [];
  for (const child of children) {
    const at = layer.get(child.nodeId) ?? deepest + 1;
    (columns[at] ??= []).push(child);
  }
  return columns.filter((column) => column !== undefined);
}
