import type { ModdleElement } from 'moddle';
import type { BpmnTimerEventDefinition } from 'bpmn-moddle/types';
import { workflowNodeSchema, type WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import { describeElement, elementId } from './describe';
import { definitionKind, eventDefinitions, expressionText } from './event-mapping';
import type { ImportContext } from './import-context';
import { BPMN_PROBLEM } from './import-problems';
import { isoDurationToMs } from './timers';

type TimeoutReading = { timeoutMs: number } | { unsupported: string };

/** An interrupting timer boundary event's timer as the attached node's timeout, or why it cannot be one. */
function readTimeout(definition: ModdleElement<BpmnTimerEventDefinition>): TimeoutReading {
  const duration = expressionText(definition.timeDuration);
  if (duration === undefined) {
    const other = expressionText(definition.timeDate) ?? expressionText(definition.timeCycle);
    return { unsupported: other === undefined ? 'it has no timeDuration' : `"${other}" is a date or a cycle, not a timeDuration` };
  }
  const timeoutMs = isoDurationToMs(duration);
  if (timeoutMs === undefined) return { unsupported: `timeDuration "${duration}" is not a calendar-free ISO 8601 duration` };
  if (!workflowNodeSchema.shape.timeoutMs.safeParse(timeoutMs).success) return { unsupported: `timeDuration "${duration}" is outside what a node's timeoutMs allows` };
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
      const on = attachedElement ? ` (attached to ${describeElement(attachedElement)}, which is not imported)` : ' (attached to nothing)';
      context.problems.warn(BPMN_PROBLEM.unsupportedElement, `${describeElement(element)}${on} is not imported; the flows after it start with their container.`, where);
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
      context.problems.warn(
        BPMN_PROBLEM.timerUnsupported,
        `The timer of ${describeElement(element)} on ${task} cannot be a timeout: ${reading.unsupported}; the flows after it run when "${node.nodeId}" fails.`,
        { ...where, nodeId: node.nodeId },
      );
      continue;
    }
    const what = kinds.length === 0 ? 'no event definition' : `its ${kinds.join('/')} event definition`;
    context.problems.warn(
      BPMN_PROBLEM.semanticsApproximated,
      interrupting
        ? `${describeElement(element)} on ${task}, with ${what}, has no equivalent; the flows after it run when "${node.nodeId}" fails.`
        : `${describeElement(element)} (non-interrupting) on ${task}, with ${what}, has no equivalent; the flows after it run once "${node.nodeId}" finishes.`,
      { ...where, nodeId: node.nodeId },
    );
  }
}

/** Gives a node a boundary timer's timeout; of several timers the earliest ends the activity. */
function addTimeout(node: WorkflowNodeDefinition, timeoutMs: number, event: string, context: ImportContext): void {
  if (node.timeoutMs !== undefined) {
    context.problems.warn(
      BPMN_PROBLEM.semanticsApproximated,
      `${event} is one of several timers on "${node.nodeId}": the node times out after the shortest, and the flows after each of them run when it fails.`,
      { nodeId: node.nodeId },
    );
  }
  node.timeoutMs = Math.min(node.timeoutMs ?? timeoutMs, timeoutMs);
}
