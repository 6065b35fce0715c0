import { absoluteBoxes, type Frame, type MiniMapNode } from './minimap-model';

interface CullableNode extends MiniMapNode {
  hidden?: boolean;
}

interface CullableEdge {
  source: string;
  target: string;
  hidden?: boolean;
}

/** Whether `inner` lies within `outer`, give or take `slack` (rounding of computed views). */
export function covers(outer: Frame, inner: Frame, slack = 0): boolean {
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.width <= outer.x + outer.width + slack &&
    inner.y + inner.height <= outer.y + outer.height + slack
  );
}

function intersects(a: Frame, b: Frame): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/** A hidden copy per input object, so that what stays hidden keeps its identity and xyflow skips it. */
const hiddenCopies = new WeakMap<object, object>();

function hide<T extends object>(item: T): T {
  let copy = hiddenCopies.get(item) as T | undefined;
  if (!copy) {
    copy = { ...item, hidden: true };
    hiddenCopies.set(item, copy);
  }
  return copy;
}

/**
 * The nodes and edges with everything outside `region` marked hidden, so that xyflow leaves
 * them out of the page whatever its view: a node whose box misses the region, an edge whose
 * endpoints' bounding box misses it. Nodes list parents before children, as xyflow needs.
 */
export function cullFlow<N extends CullableNode, E extends CullableEdge>(nodes: readonly N[], edges: readonly E[], region: Frame): { nodes: N[]; edges: E[] } {
  const boxes = new Map(absoluteBoxes(nodes).map((box) => [box.id, box]));
  const culledNodes = nodes.map((node) => (intersects(boxes.get(node.id)!, region) ? node : hide(node)));
  const culledEdges = edges.map((edge) => {
    const source = boxes.get(edge.source);
    const target = boxes.get(edge.target);
    if (!source || !target) return edge;
    const x = Math.min(source.x, target.x);
    const y = Math.min(source.y, target.y);
    const span = { x, y, width: Math.max(source.x + source.width, target.x + target.width) - x, height: Math.max(source.y + source.height, target.y + target.height) - y };
    return intersects(span, region) ? edge : hide(edge);
  });
  return { nodes: culledNodes, edges: culledEdges };
}
