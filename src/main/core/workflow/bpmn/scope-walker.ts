import type { ModdleElement } from 'moddle';
import type { WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import { mapTask, taskTypeOf } from './activity-mapping';
import { elementId, describeElement } from './describe';
import { addEvent } from './event-mapping';
import { deductionAttribute } from './extensions';
import type { GatewayKind } from './flow-graph';
import type { ImportContext } from './import-context';
import { BPMN_PROBLEM } from './import-problems';
import { reportArtifacts, reportForeignExtensions, reportLanes, reportUnsupported } from './ignored-content';
import { nodeName } from './node-fields';
import { append } from '../../../../shared/workflow/append';

const GATEWAY_KINDS: Record<string, GatewayKind> = {
  'bpmn:ParallelGateway': 'parallel',
  'bpmn:ExclusiveGateway': 'exclusive',
  'bpmn:InclusiveGateway': 'inclusive',
  'bpmn:ComplexGateway': 'complex',
  'bpmn:EventBasedGateway': 'eventBased',
};

/** A process or subprocess to walk, and the container its content goes into. */
export interface Scope {
  element: ModdleElement;
  containerId: string;
  /** Whether the scope starts with the task itself, which is when a pin counts from. */
  startsWithTask: boolean;
}

function flowElements(scope: ModdleElement): ModdleElement[] {
  const elements: unknown = scope.flowElements;
  return Array.isArray(elements) ? (elements as ModdleElement[]) : [];
}

/**
 * Walks processes and subprocesses depth-first in document order, with an explicit stack (a
 * deeply nested file must not exhaust the call stack): activities become nodes, gateways and
 * events become virtual vertices, sequence flows are gathered for wiring, and everything else is
 * reported. Nodes come out in pre-order: each container right before its content.
 */
export function walkScopes(scopes: readonly Scope[], context: ImportContext): void {
  const stack: { scope: Scope; elements: ModdleElement[]; next: number }[] = [];
  const enter = (scope: Scope): void => {
    reportLanes(scope.element, context.problems);
    reportArtifacts(scope.element, context.problems);
    stack.push({ scope, elements: flowElements(scope.element), next: 0 });
  };
  for (const scope of [...scopes].reverse()) enter(scope);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as { scope: Scope; elements: ModdleElement[]; next: number };
    const element = frame.elements[frame.next];
    if (!element) {
      stack.pop();
      continue;
    }
    frame.next += 1;
    const nested = walkElement(element, frame.scope, context);
    if (nested) enter(nested);
  }
}

function walkElement(element: ModdleElement, scope: Scope, context: ImportContext): Scope | undefined {
  if (element.$instanceOf('bpmn:SequenceFlow')) {
    context.sequenceFlows.push(element);
    return undefined;
  }
  if (element.$instanceOf('bpmn:SubProcess')) return addSubProcess(element, scope, context);
  if (element.$instanceOf('bpmn:Activity')) {
    const called = inlinableCall(element, context);
    if (called) return addCallContainer(element, called, scope, context);
    addActivity(element, scope, context);
    return undefined;
  }
  const gateway = GATEWAY_KINDS[element.$type];
  if (gateway) {
    context.graph.addVertex(element, { gateway });
    reportForeignExtensions(element, [], context.problems);
    return undefined;
  }
  if (element.$instanceOf('bpmn:BoundaryEvent')) {
    context.boundaryEvents.push({ vertex: context.graph.addVertex(element), element });
    return undefined;
  }
  if (element.$instanceOf('bpmn:Event')) {
    addEvent(element, scope.element, scope.startsWithTask, context);
    reportForeignExtensions(element, [], context.problems);
    return undefined;
  }
  reportUnsupported(element, context.problems);
  return undefined;
}

function preferredId(element: ModdleElement): string | undefined {
  return deductionAttribute(element, 'nodeId') ?? elementId(element);
}

function reportActivityMarkers(element: ModdleElement, context: ImportContext, nodeId: string): void {
  const loop = element.loopCharacteristics as ModdleElement | undefined;
  if (loop) {
    context.problems.warn(BPMN_PROBLEM.unsupportedElement, { context: 'loopMarker', marker: loop.$type, element: describeElement(element) }, {
      elementId: elementId(element),
      nodeId,
    });
  }
}

/** The activities inside a scope, at any depth, so that a warning dropping the scope names each. */
function activitiesWithin(scope: ModdleElement): ModdleElement[] {
  const found: ModdleElement[] = [];
  const pending = [...flowElements(scope)];
  for (let element = pending.shift(); element; element = pending.shift()) {
    if (!element.$instanceOf('bpmn:Activity')) continue;
    found.push(element);
    append(pending, flowElements(element));
  }
  return found;
}

function addSubProcess(element: ModdleElement, scope: Scope, context: ImportContext): Scope | undefined {
  if (element.triggeredByEvent === true) {
    const count = flowElements(element).length;
    const activities = activitiesWithin(element).map(describeElement);
    const where = { elementId: elementId(element) };
    if (activities.length === 0) context.problems.warn(BPMN_PROBLEM.unsupportedElement, { context: 'eventSubprocess', element: describeElement(element), count }, where);
    else context.problems.warn(BPMN_PROBLEM.unsupportedElement, { context: 'eventSubprocessWithActivities', element: describeElement(element), count, activities: activities.join(', ') }, where);
    return undefined;
  }
  const nodeId = context.allocateNodeId(preferredId(element), element, 'container');
  const node: WorkflowNodeDefinition = { nodeId, nodeType: 'container', parentId: scope.containerId, children: [] };
  const name = nodeName(element, context);
  if (name !== undefined) node.name = name;
  const kind = element.$type === 'bpmn:Transaction' ? 'transaction' : element.$type === 'bpmn:AdHocSubProcess' ? 'adHocSubProcess' : undefined;
  if (kind) {
    node.containerConfig = { bpmnType: kind };
    context.problems.warn(BPMN_PROBLEM.semanticsApproximated, { context: kind, element: describeElement(element) }, { elementId: elementId(element), nodeId });
  }
  context.addNode(node, element);
  context.graph.addVertex(element, { nodeId });
  reportActivityMarkers(element, context, nodeId);
  reportForeignExtensions(element, [], context.problems, nodeId);
  return { element, containerId: nodeId, startsWithTask: false };
}

/** The process a call activity calls, when it is imported inside the call (see top-level.ts). */
function inlinableCall(element: ModdleElement, context: ImportContext): ModdleElement | undefined {
  const called: unknown = element.$type === 'bpmn:CallActivity' ? element.calledElement : undefined;
  const process = typeof called === 'string' ? context.inlinableProcesses.get(called) : undefined;
  return process && !context.inlinedProcesses.has(process) ? process : undefined;
}

/** A call activity whose process is in the file becomes a container holding that process. */
function addCallContainer(element: ModdleElement, process: ModdleElement, scope: Scope, context: ImportContext): Scope {
  context.inlinedProcesses.add(process);
  const nodeId = context.allocateNodeId(preferredId(element), element, 'container');
  const node: WorkflowNodeDefinition = {
    nodeId,
    nodeType: 'container',
    parentId: scope.containerId,
    children: [],
    containerConfig: { bpmnType: 'callActivity', calledElement: elementId(process) ?? '' },
  };
  const name = nodeName(element, context);
  if (name !== undefined) node.name = name;
  context.addNode(node, element);
  const processId = elementId(process);
  if (processId !== undefined) context.nodeOfElement.set(processId, nodeId);
  context.graph.addVertex(element, { nodeId });
  reportActivityMarkers(element, context, nodeId);
  reportForeignExtensions(element, [], context.problems, nodeId);
  return { element: process, containerId: nodeId, startsWithTask: false };
}

function addActivity(element: ModdleElement, scope: Scope, context: ImportContext): void {
  const type = taskTypeOf(element);
  if (element.isForCompensation === true || type === undefined) {
    if (element.isForCompensation === true) context.problems.warn(BPMN_PROBLEM.unsupportedElement, { context: 'compensation', element: describeElement(element) }, { elementId: elementId(element) });
    else reportUnsupported(element, context.problems);
    context.graph.addVertex(element);
    return;
  }
  const nodeId = context.allocateNodeId(preferredId(element), element, 'agent');
  const mapping = mapTask(element, type);
  const node: WorkflowNodeDefinition = { nodeId, nodeType: 'agent', ...(mapping.kind && { kind: mapping.kind }), parentId: scope.containerId, agentLoad: mapping.agentLoad };
  const name = nodeName(element, context);
  if (name !== undefined) node.name = name;
  if (mapping.agentConfig) node.agentConfig = mapping.agentConfig;
  context.problems.add(mapping.notes.map((note) => ({ ...note, nodeId })));
  context.addNode(node, element);
  context.graph.addVertex(element, { nodeId });
  reportActivityMarkers(element, context, nodeId);
  reportForeignExtensions(element, mapping.consumed, context.problems, nodeId);
}
