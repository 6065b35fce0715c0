import type { ModdleElement } from 'moddle';
import type { BpmnDefinitions } from 'bpmn-moddle/types';
import type { NodeLayout } from '../../../../shared/workflow/definition';

function planeShapes(diagram: ModdleElement): ModdleElement[] {
  const plane = diagram.plane as ModdleElement | undefined;
  const elements: unknown = plane?.planeElement;
  return Array.isArray(elements) ? (elements as ModdleElement[]) : [];
}

function toLayout(bounds: ModdleElement | undefined): NodeLayout | undefined {
  if (!bounds) return undefined;
  const { x, y, width, height } = bounds as { x?: unknown; y?: unknown; width?: unknown; height?: unknown };
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  const layout: NodeLayout = { x, y };
  if (typeof width === 'number' && Number.isFinite(width) && width > 0) layout.width = width;
  if (typeof height === 'number' && Number.isFinite(height) && height > 0) layout.height = height;
  return layout;
}

/**
 * The bounds of every BPMNShape, by the id of the element it shows, in the diagram's own
 * coordinates. A collapsed subprocess's content is drawn on its own plane, so its children keep
 * the coordinates of that plane.
 */
export function shapeLayouts(definitions: ModdleElement<BpmnDefinitions>): Map<string, NodeLayout> {
  const layouts = new Map<string, NodeLayout>();
  for (const diagram of (definitions.diagrams ?? []) as ModdleElement[]) {
    for (const shape of planeShapes(diagram)) {
      if (shape.$type !== 'bpmndi:BPMNShape') continue;
      const element = shape.bpmnElement as ModdleElement | undefined;
      const id: unknown = element?.id;
      if (typeof id !== 'string' || layouts.has(id)) continue;
      const layout = toLayout(shape.bounds as ModdleElement | undefined);
      if (layout) layouts.set(id, layout);
    }
  }
  return layouts;
}
