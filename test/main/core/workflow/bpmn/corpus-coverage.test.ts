import { readdirSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import type { ModdleElement } from 'moddle';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../../../../src/shared/workflow/definition';
import type { Problem } from '../../../../../src/shared/workflow/problems';
import { about, CORPUS_DIR, importValid, readCorpus } from './bpmn-test-kit';

/**
 * Nothing is lost silently, over the whole public corpus: every flow node of every file is in
 * the workflow or named in a warning. Activities are nodes (by their id) or named; an event or
 * gateway inside something reported as not imported goes with it; an event with a definition
 * other than link or timer (error or timer on a boundary event) is named; and every
 * activity reached from a boundary event runs after the activity the event is attached to (or
 * is named), which is what the timer and error boundary events of MIWG C.9.x used to lose.
 */
const CARRIED_DEFINITIONS = ['bpmn:LinkEventDefinition', 'bpmn:TimerEventDefinition'];
/** A boundary event's error definition is carried too: the flows after it run on the activity's failure. */
const CARRIED_ON_BOUNDARY = ['bpmn:ErrorEventDefinition', 'bpmn:TimerEventDefinition'];

interface Model {
  elements: ModdleElement[];
  flowsFrom: Map<ModdleElement, ModdleElement[]>;
}

async function readModel(xml: string): Promise<Model> {
  const { elementsById } = await new BpmnModdle().fromXML(xml);
  const elements = Object.values(elementsById);
  const flowsFrom = new Map<ModdleElement, ModdleElement[]>();
  for (const flow of elements.filter((element) => element.$type === 'bpmn:SequenceFlow')) {
    const source = flow.sourceRef as ModdleElement | undefined;
    const target = flow.targetRef as ModdleElement | undefined;
    if (source && target) flowsFrom.set(source, [...(flowsFrom.get(source) ?? []), target]);
  }
  return { elements, flowsFrom };
}

function id(element: ModdleElement): string {
  return element.id as string;
}

/** The activities a boundary event's flows reach, through events and gateways. */
function activitiesReached(start: ModdleElement, model: Model): ModdleElement[] {
  const found: ModdleElement[] = [];
  const seen = new Set<ModdleElement>([start]);
  const pending = [...(model.flowsFrom.get(start) ?? [])];
  for (let element = pending.shift(); element; element = pending.shift()) {
    if (seen.has(element)) continue;
    seen.add(element);
    if (element.$instanceOf('bpmn:Activity')) found.push(element);
    else pending.push(...(model.flowsFrom.get(element) ?? []));
  }
  return found;
}

/** Whether a node waits, directly, on another one. */
function dependsOn(definition: WorkflowDefinition, nodeId: string, sourceNodeId: string): boolean {
  return definition.nodes.some((found) => found.nodeId === nodeId && (found.dependencies ?? []).some((dependency) => dependency.sourceNodeId === sourceNodeId));
}

/** What the import lost about a file silently: one line per flow node that is neither carried over nor named. */
function silentLosses(model: Model, definition: WorkflowDefinition, problems: Problem[]): string[] {
  const nodeIds = new Set(definition.nodes.map((found) => found.nodeId));
  const named = (element: ModdleElement): boolean => about(problems, id(element)).length > 0;
  const underNamed = (element: ModdleElement): boolean => {
    for (let parent = element.$parent as ModdleElement | undefined; parent; parent = parent.$parent as ModdleElement | undefined) {
      if (typeof parent.id === 'string' && !nodeIds.has(parent.id) && named(parent)) return true;
    }
    return false;
  };
  const losses: string[] = [];
  for (const element of model.elements.filter((candidate) => candidate.$instanceOf('bpmn:FlowNode'))) {
    if (element.$instanceOf('bpmn:Activity')) {
      if (!nodeIds.has(id(element)) && !named(element)) losses.push(`${element.$type} ${id(element)} is neither a node nor named`);
      continue;
    }
    if (named(element) || underNamed(element)) continue;
    const definitions = (element.eventDefinitions as ModdleElement[] | undefined) ?? [];
    const carried = element.$type === 'bpmn:BoundaryEvent' ? CARRIED_ON_BOUNDARY : CARRIED_DEFINITIONS;
    const lost = definitions.filter((found) => !carried.includes(found.$type));
    if (lost.length > 0) losses.push(`${element.$type} ${id(element)} has ${lost.map((found) => found.$type).join(', ')} and is not named`);
    if (element.$type !== 'bpmn:BoundaryEvent') continue;
    const attached = element.attachedToRef as ModdleElement;
    for (const task of activitiesReached(element, model)) {
      if (!dependsOn(definition, id(task), id(attached)) && !named(task)) losses.push(`${id(task)}, reached from ${id(element)}, does not wait on ${id(attached)}`);
    }
    const timer = definitions.some((found) => found.$type === 'bpmn:TimerEventDefinition') && element.cancelActivity !== false;
    if (timer && definition.nodes.find((found) => found.nodeId === id(attached))?.timeoutMs === undefined) losses.push(`${id(attached)} has no timeout from ${id(element)}`);
  }
  return losses;
}

const FILES = readdirSync(CORPUS_DIR).filter((file) => file.endsWith('.bpmn'));

describe('BPMN import: no flow node of the corpus is lost silently', () => {
  it('covers the boundary events of the corpus', async () => {
    const models = await Promise.all(FILES.map(async (file) => readModel(readCorpus(file))));
    const boundaries = models.flatMap((model) => model.elements.filter((element) => element.$type === 'bpmn:BoundaryEvent'));
    expect(boundaries.length).toBeGreaterThanOrEqual(30);
  });

  it.each(FILES)('%s: every flow node is in the workflow or named in a warning', async (file) => {
    const xml = readCorpus(file);
    const { definition, problems } = await importValid(xml);
    expect(silentLosses(await readModel(xml), definition, problems)).toEqual([]);
  });

  it('notices a loss: a task dropped from the workflow without a warning', async () => {
    const xml = readCorpus('miwg-C.9.0.bpmn');
    const { definition, problems } = await importValid(xml);
    const without = { ...definition, nodes: definition.nodes.filter((found) => found.nodeId !== 'SendTask_ReportFraud') };
    expect(silentLosses(await readModel(xml), without, problems).sort()).toEqual([
      'SendTask_ReportFraud, reached from ErrorBoundaryEvent_FraudDetected, does not wait on Activity_ManualCheck',
      'bpmn:SendTask SendTask_ReportFraud is neither a node nor named',
    ]);
    const unwired = { ...definition, nodes: definition.nodes.map((found) => (found.nodeId === 'SendTask_ReportFraud' ? { ...found, dependencies: [] } : found)) };
    expect(silentLosses(await readModel(xml), unwired, problems)).toEqual(['SendTask_ReportFraud, reached from ErrorBoundaryEvent_FraudDetected, does not wait on Activity_ManualCheck']);
  });
});
