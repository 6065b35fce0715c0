import type { WorkflowDefinition, WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import type { Problem } from '../../../../shared/workflow/problems';
import { applyDeductionFields } from './apply-fields';
import { attachBoundaryEvents } from './boundary-events';
import { checkDefinition } from './check-definition';
import { breakDependencyCycles } from './cycles';
import { assignDependencies } from './dependencies';
import { layoutFromDiagram } from './diagram-layout';
import { describeElement, elementId } from './describe';
import { ImportContext } from './import-context';
import { BPMN_PROBLEM, bpmnError, ImportProblems } from './import-problems';
import { addMessageFlows } from './message-flows';
import { parseBpmnXml } from './parse';
import { reportUnknownInterpreter } from './script-task';
import { walkScopes } from './scope-walker';
import { buildTopLevel } from './top-level';
import { pairLinkEvents, reportGatewaySemantics, wireSequenceFlows } from './wiring';
import { readWorkflowFields } from './workflow-fields';
import { errorText } from '../../../../shared/error-text';

export interface BpmnImportOptions {
  /** The workflow's name when the file gives none (e.g. the file's base name). */
  name?: string;
  /** The largest input accepted, in bytes of UTF-8. */
  maxBytes?: number;
}

export interface BpmnImportResult {
  /** Present when the import produced a workflow definition that passes validateWorkflow. */
  definition?: WorkflowDefinition;
  /** Errors (then no definition) and warnings: everything the workflow could not carry over. */
  problems: Problem[];
}

export const DEFAULT_WORKFLOW_NAME = 'Imported BPMN workflow';

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
  try {
    const top = buildTopLevel(definitions, context);
    if (!top) return { problems: context.problems.list };

    walkScopes(top.scopes, context);
    for (const process of context.inlinableProcesses.values()) {
      if (!context.inlinedProcesses.has(process)) context.problems.warn(BPMN_PROBLEM.unsupportedElement, { context: 'calledOnly', element: describeElement(process) }, { elementId: elementId(process) });
    }
    wireSequenceFlows(context);
    pairLinkEvents(context);
    attachBoundaryEvents(context);
    addMessageFlows(context);
    reportGatewaySemantics(context);
    const statedJoins = assignDependencies(context);

    layoutFromDiagram(definitions, context);
    for (const [nodeId, element] of context.elementOfNode) {
      const node = context.nodes.get(nodeId);
      if (!node) continue;
      applyDeductionFields(node, element, context.problems);
      reportUnknownInterpreter(node, element, context.problems);
    }
    const nodes = [...context.nodes.values()];
    breakDependencyCycles(nodes, context.problems);
    for (const node of nodes) tidy(node, statedJoins.has(node.nodeId));

    const checked = checkDefinition({ name: top.name ?? options.name ?? DEFAULT_WORKFLOW_NAME, ...readWorkflowFields(definitions, context.problems), nodes });
    context.problems.add(checked.problems);
    return checked.definition ? { definition: checked.definition, problems: context.problems.list } : { problems: context.problems.list };
  } catch (error) {
    return { problems: [...context.problems.list, bpmnError(BPMN_PROBLEM.internal, { detail: errorText(error) })] };
  }
}
