import type { ModdleElement } from 'moddle';
import type { BpmnTimerEventDefinition } from 'bpmn-moddle/types';
import { describeElement, elementId } from './describe';
import type { Vertex } from './flow-graph';
import type { ImportContext } from './import-context';
import { BPMN_PROBLEM } from './import-problems';
import { datePin, durationPin, type TimerReading } from './timers';

/** An event definition's kind: "timer", "message", "error", … */
export function definitionKind(definition: ModdleElement): string {
  return definition.$type.replace(/^bpmn:/, '').replace(/EventDefinition$/, '').toLowerCase();
}

export function eventDefinitions(element: ModdleElement): ModdleElement[] {
  const own: unknown = element.eventDefinitions;
  const referenced: unknown = element.eventDefinitionRef;
  return [...(Array.isArray(own) ? own : []), ...(Array.isArray(referenced) ? referenced : [])] as ModdleElement[];
}

export function expressionText(expression: unknown): string | undefined {
  const body: unknown = (expression as ModdleElement | undefined)?.body;
  return typeof body === 'string' && body.trim() !== '' ? body.trim() : undefined;
}

function readTimer(definition: ModdleElement<BpmnTimerEventDefinition>): TimerReading {
  const cycle = expressionText(definition.timeCycle);
  if (cycle !== undefined) return { unsupported: { context: 'cyclePin', value: JSON.stringify(cycle) } };
  const duration = expressionText(definition.timeDuration);
  if (duration !== undefined) return durationPin(duration);
  const date = expressionText(definition.timeDate);
  if (date !== undefined) return datePin(date);
  return { unsupported: { context: 'noPin' } };
}

/** What is lost of an event definition that is not supported, by the event it is on: the context of its wording. */
const MEANING_LOST: Record<string, 'startEventDefinition' | 'catchEventDefinition' | 'throwEventDefinition' | 'endEventDefinition'> = {
  'bpmn:StartEvent': 'startEventDefinition',
  'bpmn:IntermediateCatchEvent': 'catchEventDefinition',
  'bpmn:IntermediateThrowEvent': 'throwEventDefinition',
  'bpmn:EndEvent': 'endEventDefinition',
};

/**
 * Adds a start, end or intermediate event as a virtual vertex. Timers become pins on the nodes
 * after them; link events are paired later; every other event definition is reported.
 */
export function addEvent(element: ModdleElement, scope: ModdleElement, startsWithTask: boolean, context: ImportContext): Vertex {
  const vertex = context.graph.addVertex(element);
  const where = { elementId: elementId(element) };
  for (const definition of eventDefinitions(element)) {
    const kind = definitionKind(definition);
    if (kind === 'timer' && (element.$type === 'bpmn:StartEvent' || element.$type === 'bpmn:IntermediateCatchEvent')) {
      addTimer(vertex, definition, startsWithTask && element.$type === 'bpmn:StartEvent', context);
    } else if (kind === 'link' && element.$type !== 'bpmn:StartEvent' && element.$type !== 'bpmn:EndEvent') {
      const name = typeof definition.name === 'string' && definition.name !== '' ? definition.name : (element.name as string | undefined);
      context.linkEvents.push({ vertex, name: name ?? '', scope, throws: element.$type === 'bpmn:IntermediateThrowEvent' });
    } else {
      context.problems.warn(BPMN_PROBLEM.unsupportedElement, { context: MEANING_LOST[element.$type] ?? 'eventDefinition', kind, element: describeElement(element) }, where);
    }
  }
  return vertex;
}

function addTimer(vertex: Vertex, definition: ModdleElement, exact: boolean, context: ImportContext): void {
  const reading = readTimer(definition as ModdleElement<BpmnTimerEventDefinition>);
  const where = { elementId: elementId(vertex.element) };
  if ('unsupported' in reading) {
    context.problems.warn(BPMN_PROBLEM.timerUnsupported, { ...reading.unsupported, element: describeElement(vertex.element) }, where);
    return;
  }
  vertex.pin = reading.pin;
  // A pin counts from the task's start: exact for a date, or for a start timer of the root scope.
  if (!exact && !('at' in reading.pin)) {
    context.problems.warn(BPMN_PROBLEM.semanticsApproximated, { context: 'timerFromFlow', element: describeElement(vertex.element) }, where);
  }
}
