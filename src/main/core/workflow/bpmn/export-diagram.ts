import type { BpmnModdle } from 'bpmn-moddle';
import type { ModdleElement } from 'moddle';
import type { BpmnIdAllocator } from './export-ids';
import type { ExportLayout } from './export-layout';
import type { SemanticModel } from './export-elements';

/**
 * BPMN diagram interchange for the model: one plane for the collaboration, the pool drawing the
 * root container, a shape per other node (expanded for containers) and an edge with waypoints
 * per flow, which is what modelers such as bpmn.io
 * need to draw the file.
 */
export function buildDiagram(moddle: BpmnModdle, model: SemanticModel, layout: ExportLayout, ids: BpmnIdAllocator, rootId: string): ModdleElement {
  const planeElements: ModdleElement[] = [];
  const rootBounds = layout.shapes.get(rootId);
  if (rootBounds) {
    planeElements.push(
      moddle.create('bpmndi:BPMNShape', {
        id: ids.fresh(`${model.participant.id as string}_di`),
        bpmnElement: model.participant,
        bounds: moddle.create('dc:Bounds', rootBounds),
        isHorizontal: true,
      }),
    );
  }
  for (const [nodeId, element] of model.elements) {
    if (nodeId === rootId) continue;
    const bounds = layout.shapes.get(nodeId);
    if (!bounds) continue;
    const isContainer = !element.$instanceOf('bpmn:Task') && !element.$instanceOf('bpmn:CallActivity');
    planeElements.push(
      moddle.create('bpmndi:BPMNShape', {
        id: ids.fresh(`${element.id as string}_di`),
        bpmnElement: element,
        bounds: moddle.create('dc:Bounds', bounds),
        ...(isContainer ? { isExpanded: true } : {}),
      }),
    );
  }
  for (const flow of model.flows) {
    const route = layout.routes.get(flow.key);
    if (!route) continue;
    planeElements.push(
      moddle.create('bpmndi:BPMNEdge', {
        id: ids.fresh(`${flow.element.id as string}_di`),
        bpmnElement: flow.element,
        waypoint: route.map((point) => moddle.create('dc:Point', { x: point.x, y: point.y })),
      }),
    );
  }
  const plane = moddle.create('bpmndi:BPMNPlane', { id: ids.fresh('Plane_1'), bpmnElement: model.collaboration, planeElement: planeElements });
  return moddle.create('bpmndi:BPMNDiagram', { id: ids.fresh('Diagram_1'), plane });
}
