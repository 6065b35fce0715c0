import type { ModdleElement } from 'moddle';
import { JOIN_MODES, type JoinMode } from '../../../../shared/status';
import type { WorkflowDefinition, WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import type { Problem } from '../../../../shared/workflow/problems';
import { applyDeductionFields } from './apply-fields';
import { checkDefinition } from './check-definition';
import { breakDependencyCycles } from './cycles';
import { describeElement, elementId } from './describe';
import { assignLayouts, diagramShapes, type PlacedShape } from './diagram-layout';
import { anchorStartCondition } from './start-conditions';
import { deductionAttribute } from './extensions';
import { FlowConditions } from './flow-conditions';
import { ImportContext } from './import-context';
import { BPMN_PROBLEM, ImportProblems } from './import-problems';
import { flattenInflow } from './join';
import { addMessageFlows } from './message-flows';
import { reportUnsupported } from './ignored-content';
import { parseBpmnXml } from './parse';
import { rewire } from './rewire';
import { walkScopes } from './scope-walker';
import { buildTopLevel } from './top-level';
import { attachBoundaryEvents, pairLinkEvents, reportGatewaySemantics, wireSequenceFlows } from './wiring';
import { readWorkflowFields } from './workflow-fields';

export interface BpmnImportOptions {
  /** The workflow's name when the file gives none (e.g. the file's base name). */
  name?: string;
  /** The largest input accepted, in bytes of UTF-8. */
  maxBytes?: number;
}

export interface BpmnImportResult {
  /** Present when the import produced a valid workflow definition. */
  definition?: WorkflowDefinition;
  /** Errors (no definition) and warnings: everything the workflow could not carry over. */
  problems: Problem[];
}

export const DEFAULT_WORKFLOW_NAME = 'Imported BPMN workflow';

function writtenJoin(element: ModdleElement, context: ImportContext): JoinMode | undefined {
  const join = deductionAttribute(element, 'join');
  if (join === undefined) return undefined;
  if ((JOIN_MODES as readonly string[]).includes(join)) return join as JoinMode;
  context.problems.warn(BPMN_PROBLEM.extensionIgnored, `deduction:join "${join}" of ${describeElement(element)} is not a join mode; it is ignored.`, {
    elementId: elementId(element),
  });
  return undefined;
}

/** Drops what dropped dependencies leave pointless: an empty list, a join of fewer than two edges. */
function tidy(node: WorkflowNodeDefinition, keepJoin: boolean): void {
  if (node.dependencies?.length === 0) delete node.dependencies;
  if ((node.dependencies?.length ?? 0) < (keepJoin ? 1 : 2)) delete node.join;
}

/**
 * Imports a BPMN 2.0 file as a workflow definition: processes, pools and subprocesses become
 * containers, tasks become agents, sequence flows become dependencies rewired through the
 * gateways and events that vanish. Whatever cannot be carried over is reported, never dropped
 * silently. Never throws: unreadable input yields error problems and no definition.
 */
export async function importBpmn(xml: string, options: BpmnImportOptions = {}): Promise<BpmnImportResult> {
  const parseProblems = new ImportProblems();
  const parsed = await parseBpmnXml(xml, parseProblems, options.maxBytes);
  const definitions = parsed.definitions;
  if (!definitions || parseProblems.hasErrors) return { problems: parseProblems.list };

  const context = new ImportContext(Object.keys(parsed.elementsById));
  context.problems.add(parseProblems.list);
  const top = buildTopLevel(definitions, context);
  if (!top) return { problems: context.problems.list };

  walkScopes(top.scopes, context);
  for (const process of context.inlinableProcesses.values()) {
    if (!context.inlinedProcesses.has(process)) reportUnsupported(process, context.problems, 'it is only called from content that is not imported, so it is not imported');
  }
  wireSequenceFlows(context);
  pairLinkEvents(context);
  attachBoundaryEvents(context);
  addMessageFlows(context);
  reportGatewaySemantics(context);

  const exportedJoins = new Set<string>();
  const rewired = rewire(context.graph, new FlowConditions(context.problems), context.problems);
  // Graph order puts containers before their children: an ancestor's dependencies are known
  // when a child borrows them for its start condition.
  for (const [vertex, inflow] of rewired) {
    const node = vertex.nodeId === undefined ? undefined : context.nodes.get(vertex.nodeId);
    if (!node) continue;
    const joinAttribute = writtenJoin(vertex.element, context);
    if (joinAttribute !== undefined) exportedJoins.add(node.nodeId);
    const waits = flattenInflow(node.nodeId, inflow, joinAttribute, context.problems);
    if (waits.dependencies.length > 0) node.dependencies = waits.dependencies;
    if (waits.join !== undefined) node.join = waits.join;
    if (waits.pin !== undefined) node.pin = waits.pin;
    if (waits.startCondition !== undefined) anchorStartCondition(node, waits.startCondition, context.nodes, context.problems);
  }

  const shapes = diagramShapes(definitions);
  const shapeOfNode = new Map<string, PlacedShape>();
  for (const [id, nodeId] of context.nodeOfElement) {
    const shape = shapes.get(id);
    if (shape && !shapeOfNode.has(nodeId)) shapeOfNode.set(nodeId, shape);
  }
  const nodes = [...context.nodes.values()];
  assignLayouts(nodes, (nodeId) => shapeOfNode.get(nodeId));
  for (const [nodeId, element] of context.elementOfNode) {
    const node = context.nodes.get(nodeId);
    if (node) applyDeductionFields(node, element, context.problems);
  }

  breakDependencyCycles(nodes, context.problems);
  for (const node of nodes) tidy(node, exportedJoins.has(node.nodeId));

  const candidate = {
    name: top.name ?? options.name ?? DEFAULT_WORKFLOW_NAME,
    ...readWorkflowFields(definitions, context.problems),
    nodes,
  };
  const checked = checkDefinition(candidate);
  context.problems.add(checked.problems);
  return checked.definition ? { definition: checked.definition, problems: context.problems.list } : { problems: context.problems.list };
}
