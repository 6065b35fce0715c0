import type { WorkflowDefinition } from '../../../../shared/workflow/definition';
import { edgeLabelSize } from './auto-layout';
import { nodePosition, nodeSize, type Point, type Rect } from './geometry';
import { edgeCurve, labelMaxWidth, MIDDLE, pointOnCurve, type Curve } from './edge-curve';

/**
 * Where along its line (a curve parameter, 0 at the source, 1 at the target) each dependency's
 * label sits in the editor: the middle, unless the label would lie on an agent card there (a
 * line that skips a layer passes over the cards between its ends); then the point nearest the
 * middle where it covers no card. Computed from the definition's layout, once per definition.
 */
/** The middle first, then points ever further either side of it. */
const TRIES = [MIDDLE, ...Array.from({ length: 44 }, (_, i) => MIDDLE + (i % 2 === 0 ? -1 : 1) * 0.02 * (Math.floor(i / 2) + 1))];
/** Room kept between a label and a card. */
const MARGIN_PX = 4;
const CELL_PX = 256;
/** Containers take their edges at the middle of their title bar (flow-mapping.ts CONTAINER_ANCHOR_Y). */
const CONTAINER_ANCHOR_Y = 18;

const placed = new WeakMap<WorkflowDefinition, Map<string, number>>();

/** Keyed by `${targetNodeId}#${index}`, the dependency's place in its target's list; absent means the middle. */
export function labelPlaces(definition: WorkflowDefinition): ReadonlyMap<string, number> {
  let places = placed.get(definition);
  if (!places) placed.set(definition, (places = computePlaces(definition)));
  return places;
}

export const placeKey = (targetNodeId: string, index: number) => `${targetNodeId}#${index}`;

function absoluteRects(definition: WorkflowDefinition): Map<string, Rect> {
  const byId = new Map(definition.nodes.map((node) => [node.nodeId, node]));
  const rects = new Map<string, Rect>();
  const visiting = new Set<string>();
  const rectOf = (nodeId: string): Rect | undefined => {
    const known = rects.get(nodeId);
    if (known) return known;
    const node = byId.get(nodeId);
    if (!node || visiting.has(nodeId)) return undefined;
    visiting.add(nodeId);
    const origin = nodePosition(node);
    const parent = node.parentId && !node.isRoot ? rectOf(node.parentId) : undefined;
    const rect = { x: origin.x + (parent?.x ?? 0), y: origin.y + (parent?.y ?? 0), ...nodeSize(node) };
    visiting.delete(nodeId);
    rects.set(nodeId, rect);
    return rect;
  };
  for (const node of definition.nodes) rectOf(node.nodeId);
  return rects;
}

/** Rectangles found by the grid cells they touch. */
class RectIndex {
  private readonly cellsOf = new Map<string, Rect[]>();
  add(rect: Rect): void {
    for (const key of cells(rect)) {
      let list = this.cellsOf.get(key);
      if (!list) this.cellsOf.set(key, (list = []));
      list.push(rect);
    }
  }
  hits(rect: Rect): boolean {
    return cells(rect).some((key) => this.cellsOf.get(key)?.some((other) => overlaps(other, rect)));
  }
}

interface Pending {
  key: string;
  curve: Curve;
  width: number;
  height: number;
}

/**
 * Labels whose middle is clear of every card stay there; the others, in a second pass, take the
 * point nearest the middle clear of the cards and of the labels already placed, or failing that
 * clear of the cards alone.
 */
function computePlaces(definition: WorkflowDefinition): Map<string, number> {
  const rects = absoluteRects(definition);
  const cards = new RectIndex();
  for (const node of definition.nodes) if (node.nodeType === 'agent') cards.add(rects.get(node.nodeId)!);
  const labels = new RectIndex();
  const kinds = new Map(definition.nodes.map((node) => [node.nodeId, node.nodeType]));
  const sourcesOf = new Map(definition.nodes.map((node) => [node.nodeId, new Set((node.dependencies ?? []).map((dependency) => dependency.sourceNodeId))]));
  const moved: Pending[] = [];
  for (const node of definition.nodes) {
    node.dependencies?.forEach((dependency, index) => {
      const source = rects.get(dependency.sourceNodeId);
      const target = rects.get(node.nodeId);
      if (!source || !target || dependency.sourceNodeId === node.nodeId) return;
      const from = { x: source.x + source.width, y: source.y + (kinds.get(dependency.sourceNodeId) === 'container' ? CONTAINER_ANCHOR_Y : source.height / 2) };
      const to = { x: target.x, y: target.y + (node.nodeType === 'container' ? CONTAINER_ANCHOR_Y : target.height / 2) };
      const opposed = sourcesOf.get(dependency.sourceNodeId)?.has(node.nodeId) === true;
      const curve = edgeCurve(from, to, opposed ? (dependency.sourceNodeId < node.nodeId ? -1 : 1) : undefined);
      const size = edgeLabelSize(dependency.type, dependency.condition);
      const width = Math.min(size.width, labelMaxWidth(from.x, to.x));
      const middle = labelRect(curve, MIDDLE, width, size.height);
      if (cards.hits(middle)) moved.push({ key: placeKey(node.nodeId, index), curve, width, height: size.height });
      else labels.add(middle);
    });
  }
  const places = new Map<string, number>();
  for (const { key, curve, width, height } of moved) {
    const at = TRIES.find((t) => !cards.hits(labelRect(curve, t, width, height)) && !labels.hits(labelRect(curve, t, width, height))) ?? TRIES.find((t) => !cards.hits(labelRect(curve, t, width, height)));
    if (at === undefined) continue;
    places.set(key, at);
    labels.add(labelRect(curve, at, width, height));
  }
  return places;
}

function labelRect(curve: Curve, t: number, width: number, height: number): Rect {
  const centre: Point = pointOnCurve(curve, t);
  return { x: centre.x - width / 2 - MARGIN_PX, y: centre.y - height / 2 - MARGIN_PX, width: width + 2 * MARGIN_PX, height: height + 2 * MARGIN_PX };
}

function cells(rect: Rect): string[] {
  const keys: string[] = [];
  for (let x = Math.floor(rect.x / CELL_PX); x <= Math.floor((rect.x + rect.width) / CELL_PX); x++)
    for (let y = Math.floor(rect.y / CELL_PX); y <= Math.floor((rect.y + rect.height) / CELL_PX); y++) keys.push(`${x},${y}`);
  return keys;
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
