/** What the overview needs of a flow node: its place, relative to its parent, and its size. */
export interface MiniMapNode {
  id: string;
  type?: string;
  parentId?: string;
  position: { x: number; y: number };
  width?: number;
  height?: number;
}

/** A node's box in flow coordinates (children are placed relative to their container). */
export interface Box {
  id: string;
  container: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every node's absolute box, containers first (xyflow lists parents before children). */
export function absoluteBoxes(nodes: readonly MiniMapNode[]): Box[] {
  const placed = new Map<string, Box>();
  const boxes: Box[] = [];
  for (const node of nodes) {
    const parent = node.parentId ? placed.get(node.parentId) : undefined;
    const box: Box = {
      id: node.id,
      container: node.type === 'container',
      x: node.position.x + (parent?.x ?? 0),
      y: node.position.y + (parent?.y ?? 0),
      width: node.width ?? 0,
      height: node.height ?? 0,
    };
    placed.set(node.id, box);
    boxes.push(box);
  }
  return boxes;
}

export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function boundsOf(boxes: readonly Box[]): Frame {
  if (boxes.length === 0) return { x: 0, y: 0, width: 1, height: 1 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const box of boxes) {
    minX = Math.min(minX, box.x);
    minY = Math.min(minY, box.y);
    maxX = Math.max(maxX, box.x + box.width);
    maxY = Math.max(maxY, box.y + box.height);
  }
  return { x: minX, y: minY, width: Math.max(1, maxX - minX), height: Math.max(1, maxY - minY) };
}

/** How flow coordinates map onto a minimap of the given size: the whole graph fits, centred. */
export function minimapScale(bounds: Frame, width: number, height: number): { scale: number; offsetX: number; offsetY: number } {
  const scale = Math.min(width / bounds.width, height / bounds.height);
  return { scale, offsetX: (width - bounds.width * scale) / 2 - bounds.x * scale, offsetY: (height - bounds.height * scale) / 2 - bounds.y * scale };
}

/** The part of the graph a viewport (xyflow's transform over a pane of the given size) shows. */
export function visibleFrame(transform: readonly [number, number, number], paneWidth: number, paneHeight: number): Frame {
  const [tx, ty, zoom] = transform;
  return { x: -tx / zoom, y: -ty / zoom, width: paneWidth / zoom, height: paneHeight / zoom };
}

/** The viewport that centres the flow point (x, y) at the given zoom in a pane. */
export function centreOn(x: number, y: number, zoom: number, paneWidth: number, paneHeight: number): { x: number; y: number; zoom: number } {
  return { x: paneWidth / 2 - x * zoom, y: paneHeight / 2 - y * zoom, zoom };
}
