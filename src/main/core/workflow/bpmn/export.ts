import type { WorkflowDefinition } from '../../../../shared/workflow/definition';
import { buildDiagram } from './export-diagram';
import { buildSemanticModel } from './export-elements';
import { BpmnIdAllocator } from './export-ids';
import { type DrawnEdge, exportLayout } from './export-layout';
import { workflowTree } from './export-structure';
import { createModdle } from './moddle';

/**
 * Exports a workflow definition as BPMN 2.0 XML with diagram interchange, through bpmn-moddle.
 * Containers become subprocesses (the root the process), agents tasks by agent load, and
 * dependencies sequence flows; whatever BPMN has no place for travels in the `deduction`
 * extension (see deduction-schema.ts), so that importing the file gives the workflow back.
 * Shapes use the nodes' layouts, or a layered layout from ELK for nodes without one.
 */
export async function exportBpmn(definition: WorkflowDefinition): Promise<string> {
  const tree = workflowTree(definition);
  const ids = new BpmnIdAllocator();
  ids.reserve(tree.byId.keys());
  const edges: DrawnEdge[] = [];
  for (const node of tree.byId.values()) {
    (node.dependencies ?? []).forEach((dependency, index) => edges.push({ key: `${node.nodeId}#${index}`, source: dependency.sourceNodeId, target: node.nodeId }));
  }
  const layout = await exportLayout(tree, edges);
  const moddle = createModdle();
  const model = buildSemanticModel(moddle, definition, tree, ids, (nodeId) => layout.shapes.has(nodeId));
  model.definitions.set('diagrams', [buildDiagram(moddle, model, layout, ids, tree.root.nodeId)]);
  const { xml } = await moddle.toXML(model.definitions, { format: true });
  return xml;
}
