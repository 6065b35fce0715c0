import type { ModdleElement } from 'moddle';
import type { BpmnTimerEventDefinition } from 'bpmn-moddle/types';
import { workflowNodeSchema, type WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import { nodeRef } from '../../../../shared/workflow/problem-text';
import { describeElement, elementId } from './describe';
import { definitionKind, eventDefinitions, expressionText } from './event-mapping';
import type { ImportContext } from './import-context';
import { BPMN_PROBLEM } from './import-problems';
import { isoDurationToMs } from './timers';

/** Why a timer cannot be a timeout, as the context (and value) of its wording. */
type TimeoutReason = { context: 'noTimeout' } | { context: 'dateOrCycleTimeout' | 'durationTimeout' | 'longTimeout'; value: string };
type TimeoutReading = { timeoutMs: number } | { unsupported: TimeoutReason };

/** An interrupting timer boundary event's timer as the attached node's timeout, or why it cannot be one. */
function readTimeout(definition: ModdleElement<BpmnTimerEventDefinition>): TimeoutReading {
  const duration = expressionText(definition.timeDuration);
  if (duration === undefined) {
    const other = expressionText(definition.timeDate) ?? expressionText(definition.timeCycle);
    return { unsupported: other === undefined ? { context: 'noTimeout' } : { context: 'dateOrCycleTimeout', value: JSON.stringify(other) } };
  }
  const timeoutMs = isoDurationToMs(duration);
  if (timeoutMs === undefined) return { unsupported: { context: 'durationTimeout', value: JSON.stringify(duration) } };
  if (!workflowNodeSchema.shape.timeoutMs.safeParse(timeoutMs).success) return { unsupported: { context: 'longTimeout', value: JSON.stringify(duration) } };
  return { timeoutMs };
}

/**
 * Boundary events become dependencies on the activity they are attached to. An error boundary
 * event: the flows after it run on the activity's failure. An interrupting timer with a
 * duration: the activity gets that timeout, and the flows after it run on its failure (a
 * timeout fails the node). Every other kind (message, signal, escalation, conditional,
 * compensation, cancel, a non-interrupting timer, a timer without a duration) has no exact
 * equivalent and is reported naming the activity and the event: an interrupting one is
 * approximated as failure, a non-interrupting one as finish (the flows run after the activity).
 */
export function attachBoundaryEvents(context: ImportContext): void {
  for (const { vertex, element } of context.boundaryEvents) {
    const attachedElement = element.attachedToRef as ModdleElement | undefined;
    const attached = context.graph.vertexOf(attachedElement);
    const where = { elementId: elementId(element) };
    const definitions = eventDefinitions(element);
    const kinds = definitions.map(definitionKind);
    const interrupting = element.cancelActivity !== false;
    vertex.boundary = { type: interrupting ? 'failure' : 'finish' };
    const node = attached?.nodeId === undefined ? undefined : context.nodes.get(attached.nodeId);
    if (!attachedElement || !node) {
      if (attachedElement) context.problems.warn(BPMN_PROBLEM.unsupportedElement, { context: 'boundaryDetached', element: describeElement(element), task: describeElement(attachedElement) }, where);
      else context.problems.warn(BPMN_PROBLEM.unsupportedElement, { context: 'boundaryUnattached', element: describeElement(element) }, where);
      continue;
    }
    vertex.boundary.attachedToNode = node.nodeId;
    const task = describeElement(attachedElement);
    const only = kinds.length === 1 ? kinds[0] : undefined;
    if (only === 'error') continue;
    if (only === 'timer' && interrupting) {
      const reading = readTimeout(definitions[0] as ModdleElement<BpmnTimerEventDefinition>);
      if ('timeoutMs' in reading) {
        addTimeout(node, reading.timeoutMs, `${describeElement(element)} on ${task}`, context);
        continue;
      }
      context.problems.warn(BPMN_PROBLEM.timerUnsupported, { ...reading.unsupported, element: describeElement(element), task, node: nodeRef(node.nodeId) }, { ...where, nodeId: node.nodeId });
      continue;
    }
    const about = { element: describeElement(element), task, node: nodeRef(node.nodeId) };
    const at = { ...where, nodeId: node.nodeId };
    if (kinds.length === 0) context.problems.warn(BPMN_PROBLEM.semanticsApproximated, { context: interrupting ? 'boundaryBare' : 'boundaryNonInterruptingBare', ...about }, at);
    else context.problems.warn(BPMN_PROBLEM.semanticsApproximated, { context: interrupting ? 'boundary' : 'boundaryNonInterrupting', ...about, kinds: kinds.join('/') }, at);
  }
}

/** Gives a node a boundary timer's timeout; of several timers the earliest ends the activity. */
function addTimeout(node: WorkflowNodeDefinition, timeoutMs: number, event: string, context: ImportContext): void {
  if (node.timeoutMs !== undefined) {
    context.problems.warn(BPMN_PROBLEM.semanticsApproximated, { context: 'severalTimeouts', event, node: nodeRef(node.nodeId) }, { nodeId: node.nodeId });
  }
  node.timeoutMs = Math.min(node.timeoutMs ?? timeoutMs, timeoutMs);
}
