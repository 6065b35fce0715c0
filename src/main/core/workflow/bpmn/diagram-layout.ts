import type { ModdleElement } from 'moddle';
import type { BpmnDefinitions } from 'bpmn-moddle/types';
import type { NodeLayout, WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import type { ImportContext } from './import-context';

/** A BPMNShape's bounds, in the coordinates of the plane that draws it. */
export interface PlacedShape {
  x: number;
  y: number;
  width?: number;
  height?: number;
  plane: ModdleElement;
}

/** Room kept around the content of a container whose box the diagram does not give. */
const CONTAINER_PADDING = 40;

function planeShapes(diagram: ModdleElement): { plane?: ModdleElement; shapes: ModdleElement[] } {
  const plane = diagram.plane as ModdleElement | undefined;
  const elements: unknown = plane?.planeElement;
  return { plane, shapes: Array.isArray(elements) ? (elements as ModdleElement[]) : [] };
}

function readBounds(bounds: ModdleElement | undefined, plane: ModdleElement): PlacedShape | undefined {
  if (!bounds) return undefined;
  const { x, y, width, height } = bounds as { x?: unknown; y?: unknown; width?: unknown; height?: unknown };
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  const shape: PlacedShape = { x, y, plane };
  if (typeof width === 'number' && Number.isFinite(width) && width > 0) shape.width = width;
  if (typeof height === 'number' && Number.isFinite(height) && height > 0) shape.height = height;
  return shape;
}

/** Every BPMNShape's bounds by the id of the element it draws (the first shape wins). */
function diagramShapes(definitions: ModdleElement<BpmnDefinitions>): Map<string, PlacedShape> {
  const shapes = new Map<string, PlacedShape>();
  for (const diagram of (definitions.diagrams ?? []) as ModdleElement[]) {
    const { plane, shapes: planeElements } = planeShapes(diagram);
    if (!plane) continue;
    for (const shape of planeElements) {
      if (shape.$type !== 'bpmndi:BPMNShape') continue;
      const id: unknown = (shape.bpmnElement as ModdleElement | undefined)?.id;
      if (typeof id !== 'string' || shapes.has(id)) continue;
      const placed = readBounds(shape.bounds as ModdleElement | undefined, plane);
      if (placed) shapes.set(id, placed);
    }
  }
  return shapes;
}

function boundingBox(boxes: readonly PlacedShape[]): PlacedShape | undefined {
  const first = boxes[0];
  if (!first) return undefined;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const box of boxes) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + (box.width ?? 0));
    bottom = Math.max(bottom, box.y + (box.height ?? 0));
  }
  return {
    x: left - CONTAINER_PADDING,
    y: top - CONTAINER_PADDING,
    width: right - left + 2 * CONTAINER_PADDING,
    height: bottom - top + 2 * CONTAINER_PADDING,
    plane: first.plane,
  };
}

/**
 * Sets each node's layout from the diagram, relative to its parent container as the editor
 * keeps it (the root's is absolute). A container the diagram draws collapsed, with its content
 * on a plane of its own, keeps its position but grows to hold that content; a container with no
 * shape (a process without a pool, a synthetic root) gets the box around its content.
 *
 * `nodes` must list every container before its children.
 */
function assignLayouts(nodes: readonly WorkflowNodeDefinition[], shapeOf: (nodeId: string) => PlacedShape | undefined): void {
  const absolute = new Map<string, PlacedShape>();
  const origin = new Map<string, { x: number; y: number }>();
  for (let index = nodes.length - 1; index >= 0; index -= 1) {
    const node = nodes[index] as WorkflowNodeDefinition;
    const shape = shapeOf(node.nodeId);
    if (node.nodeType !== 'container') {
      if (shape) absolute.set(node.nodeId, shape);
      continue;
    }
    const content = boundingBox((node.children ?? []).flatMap((child) => absolute.get(child) ?? []));
    if (shape && (!content || content.plane === shape.plane)) {
      absolute.set(node.nodeId, shape);
      origin.set(node.nodeId, shape);
    } else if (shape && content) {
      absolute.set(node.nodeId, {
        ...shape,
        width: Math.max(shape.width ?? 0, content.width ?? 0),
        height: Math.max(shape.height ?? 0, content.height ?? 0),
      });
      origin.set(node.nodeId, content);
    } else if (content) {
      absolute.set(node.nodeId, content);
      origin.set(node.nodeId, content);
    }
  }
  for (const node of nodes) {
    const box = absolute.get(node.nodeId);
    if (!box) continue;
    const parentOrigin = node.parentId == null ? undefined : origin.get(node.parentId);
    const layout: NodeLayout = { x: box.x - (parentOrigin?.x ?? 0), y: box.y - (parentOrigin?.y ?? 0) };
    if (box.width !== undefined) layout.width = box.width;
    if (box.height !== undefined) layout.height = box.height;
    node.layout = layout;
  }
}

/** Lays out the imported nodes from the file's diagrams (a pool stands for its container). */
export function layoutFromDiagram(definitions: ModdleElement<BpmnDefinitions>, context: ImportContext): void {
  const shapes = diagramShapes(definitions);
  const shapeOfNode = new Map<string, PlacedShape>();
  for (const [id, nodeId] of context.nodeOfElement) {
    const shape = shapes.get(id);
    if (shape && !shapeOfNode.has(nodeId)) shapeOfNode.set(nodeId, shape);
  }
  assignLayouts([...context.nodes.values()], (nodeId) => shapeOfNode.get(nodeId));
}
