import type { BpmnModdle } from 'bpmn-moddle';
import type { ModdleElement } from 'moddle';
import type { DependencyDefinition, WorkflowDefinition, WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import { BPMN_TYPE_KEY, canonicalTaskType, TASK_TYPES, type TaskType } from './activity-mapping';
import { DEDUCTION_FIELD_TYPE, type DeductionAttribute } from './deduction-schema';
import { jsonLogicToEl } from '../../../../shared/workflow/expression/el-printer';
import type { BpmnIdAllocator } from './export-ids';
import type { WorkflowTree } from './export-structure';
import { JSON_LOGIC_LANGUAGE } from './expression';
import type { JsonLogic } from '../../../../shared/workflow/expression/logic';
import { DEFAULT_INTERPRETER, formatOfInterpreter } from './script-task';
import { jsonForXml, nameSurvivesXml, xmlSafe } from './xml-text';

const CONTAINER_TYPES: Record<string, string> = { transaction: 'bpmn:Transaction', adHocSubProcess: 'bpmn:AdHocSubProcess' };

/** A dependency as a sequence flow, with the scope it belongs to. */
export interface ExportedFlow {
  key: string;
  element: ModdleElement;
  source: string;
  target: string;
}

export interface SemanticModel {
  definitions: ModdleElement;
  process: ModdleElement;
  /** The pool that draws the root container (the collaboration's only participant). */
  participant: ModdleElement;
  collaboration: ModdleElement;
  /** The BPMN element of every node (the root's is the process). */
  elements: Map<string, ModdleElement>;
  flows: ExportedFlow[];
}

function taskType(node: WorkflowNodeDefinition): TaskType {
  const recorded = node.agentConfig?.[BPMN_TYPE_KEY];
  if (typeof recorded === 'string' && (TASK_TYPES as readonly string[]).includes(recorded)) return recorded as TaskType;
  return canonicalTaskType(node.agentLoad ?? '');
}

/** An inline script and its scriptFormat, as a BPMN tool reads them (the exact config rides along as JSON). */
function inlineScript(node: WorkflowNodeDefinition): { script?: string; scriptFormat?: string } {
  const script = node.agentConfig?.script;
  if (typeof script !== 'string') return {};
  const interpreter = node.agentConfig?.interpreter;
  return { script: xmlSafe(script), scriptFormat: xmlSafe(formatOfInterpreter(typeof interpreter === 'string' ? interpreter : DEFAULT_INTERPRETER)) };
}

function bpmnTypeName(type: TaskType): string {
  return `bpmn:${type.charAt(0).toUpperCase()}${type.slice(1)}`;
}

class ElementFactory {
  constructor(
    private readonly moddle: BpmnModdle,
    readonly ids: BpmnIdAllocator,
  ) {}

  create(type: string, attrs: Record<string, unknown>): ModdleElement {
    return this.moddle.create(type, attrs);
  }

  setAttribute(element: ModdleElement, name: DeductionAttribute, value: string | number | undefined): void {
    if (value !== undefined) element.set(`deduction:${name}`, String(value));
  }

  /** Adds deduction:field extension elements, one per value, with a JSON body. */
  addFields(element: ModdleElement, fields: Record<string, JsonLogic | undefined>): void {
    const entries = Object.entries(fields).filter((entry): entry is [string, JsonLogic] => entry[1] !== undefined);
    if (entries.length === 0) return;
    const values = entries.map(([name, value]) => this.create(DEDUCTION_FIELD_TYPE, { name, value: jsonForXml(value) }));
    element.set('extensionElements', this.create('bpmn:ExtensionElements', { values }));
  }
}

/** The node fields the BPMN element cannot say itself; null records a field the BPMN suggests but the node lacks. */
function nodeFields(node: WorkflowNodeDefinition, hasShape: boolean): Record<string, JsonLogic | undefined> {
  const layoutNeedsField = node.layout !== undefined && (!hasShape || node.layout.width === undefined || node.layout.height === undefined);
  let name: JsonLogic | undefined;
  if (node.name !== undefined && !nameSurvivesXml(node.name)) name = node.name;
  else if (node.name === undefined && node.containerName !== undefined) name = null;
  return {
    name,
    containerName: node.containerName,
    agentConfig: node.agentConfig,
    containerConfig: node.containerConfig,
    retry: node.retry,
    onError: node.onError,
    pin: node.pin,
    activation: node.activation,
    layout: layoutNeedsField ? node.layout : undefined,
    agentMetaId: node.agentMetaId,
    agentUrl: node.agentUrl,
    containerType: node.containerType,
    envConfig: node.envConfig,
    bizValue: node.bizValue,
  };
}

function readableName(name: string | undefined): string | undefined {
  return name === undefined ? undefined : xmlSafe(name);
}

function conditionExpression(factory: ElementFactory, condition: JsonLogic): ModdleElement {
  const readable = jsonLogicToEl(condition);
  return readable === undefined
    ? factory.create('bpmn:FormalExpression', { body: jsonForXml(condition), language: JSON_LOGIC_LANGUAGE })
    : factory.create('bpmn:FormalExpression', { body: xmlSafe(readable) });
}

/**
 * Builds the BPMN semantic model: the root container as the process (drawn as the one pool of
 * a collaboration), containers as
 * subprocesses, agents as tasks by agent load, dependencies as sequence flows (in the innermost
 * scope holding both ends) carrying their type and condition.
 */
export function buildSemanticModel(
  moddle: BpmnModdle,
  definition: WorkflowDefinition,
  tree: WorkflowTree,
  ids: BpmnIdAllocator,
  hasShape: (nodeId: string) => boolean,
): SemanticModel {
  const factory = new ElementFactory(moddle, ids);
  const elements = new Map<string, ModdleElement>();
  const bpmnIds = new Map<string, string>();
  for (const node of tree.byId.values()) bpmnIds.set(node.nodeId, ids.forNode(node.nodeId));

  const decorate = (element: ModdleElement, node: WorkflowNodeDefinition): void => {
    if (bpmnIds.get(node.nodeId) !== node.nodeId) factory.setAttribute(element, 'nodeId', node.nodeId);
    if (node.nodeType === 'agent') factory.setAttribute(element, 'agentLoad', node.agentLoad);
    factory.setAttribute(element, 'kind', node.kind);
    factory.setAttribute(element, 'join', node.join);
    factory.setAttribute(element, 'priority', node.priority);
    factory.setAttribute(element, 'timeoutMs', node.timeoutMs);
    factory.addFields(element, nodeFields(node, hasShape(node.nodeId)));
  };

  const createElement = (node: WorkflowNodeDefinition): ModdleElement => {
    const base = { id: bpmnIds.get(node.nodeId), name: readableName(node.name ?? node.containerName) };
    if (node.nodeType === 'container') {
      const kind = node.containerConfig?.[BPMN_TYPE_KEY];
      return factory.create((typeof kind === 'string' && CONTAINER_TYPES[kind]) || 'bpmn:SubProcess', { ...base, flowElements: [] });
    }
    const type = taskType(node);
    return factory.create(bpmnTypeName(type), { ...base, ...(type === 'scriptTask' ? inlineScript(node) : {}) });
  };

  /**
   * A node's element with its subtree's, walked with an explicit stack: each element is made
   * before its children's and decorated after them.
   */
  const makeElement = (top: WorkflowNodeDefinition): ModdleElement => {
    type Frame = { node: WorkflowNodeDefinition; element: ModdleElement; children: WorkflowNodeDefinition[]; next: number };
    const open = (node: WorkflowNodeDefinition): Frame => ({ node, element: createElement(node), children: node.nodeType === 'container' ? tree.childrenOf(node.nodeId) : [], next: 0 });
    const stack: Frame[] = [open(top)];
    for (;;) {
      const frame = stack[stack.length - 1]!;
      const child = frame.children[frame.next];
      if (child) {
        frame.next += 1;
        stack.push(open(child));
        continue;
      }
      stack.pop();
      elements.set(frame.node.nodeId, frame.element);
      decorate(frame.element, frame.node);
      const parent = stack[stack.length - 1];
      if (!parent) return frame.element;
      (parent.element.flowElements as ModdleElement[]).push(frame.element);
    }
  };

  const process = factory.create('bpmn:Process', {
    id: bpmnIds.get(tree.root.nodeId),
    name: readableName(tree.root.name ?? tree.root.containerName),
    isExecutable: false,
    flowElements: [],
  });
  elements.set(tree.root.nodeId, process);
  decorate(process, tree.root);
  for (const child of tree.childrenOf(tree.root.nodeId)) (process.flowElements as ModdleElement[]).push(makeElement(child));

  const flows = buildFlows(factory, tree, elements);
  const participant = factory.create('bpmn:Participant', { id: ids.fresh(`Pool_${process.id as string}`), name: process.name, processRef: process });
  const collaboration = factory.create('bpmn:Collaboration', { id: ids.fresh('Collaboration'), participants: [participant] });
  const definitions = factory.create('bpmn:Definitions', {
    id: ids.fresh('Definitions'),
    name: xmlSafe(definition.name),
    targetNamespace: 'http://deduction-console/bpmn',
    exporter: 'Deduction Console',
    rootElements: [collaboration, process],
  });
  factory.addFields(definitions, {
    name: nameSurvivesXml(definition.name) ? undefined : definition.name,
    description: definition.description,
    version: definition.version,
    variables: definition.variables,
    onError: definition.onError,
  });
  return { definitions, process, participant, collaboration, elements, flows };
}

function buildFlows(factory: ElementFactory, tree: WorkflowTree, elements: Map<string, ModdleElement>): ExportedFlow[] {
  const flows: ExportedFlow[] = [];
  for (const target of tree.byId.values()) {
    (target.dependencies ?? []).forEach((dependency: DependencyDefinition, index) => {
      const sourceElement = elements.get(dependency.sourceNodeId);
      const targetElement = elements.get(target.nodeId);
      if (!sourceElement || !targetElement) return;
      const scope = elements.get(tree.commonScope(dependency.sourceNodeId, target.nodeId));
      const element = factory.create('bpmn:SequenceFlow', {
        id: factory.ids.fresh(`Flow_${flows.length + 1}`),
        sourceRef: sourceElement,
        targetRef: targetElement,
      });
      factory.setAttribute(element, 'dependencyType', dependency.type);
      if (dependency.condition !== undefined) {
        element.set('conditionExpression', conditionExpression(factory, dependency.condition));
        factory.addFields(element, { condition: dependency.condition });
      }
      pushTo(sourceElement, 'outgoing', element);
      pushTo(targetElement, 'incoming', element);
      pushTo(scope ?? elements.get(tree.root.nodeId), 'flowElements', element);
      flows.push({ key: `${target.nodeId}#${index}`, element, source: dependency.sourceNodeId, target: target.nodeId });
    });
  }
  return flows;
}

function pushTo(owner: ModdleElement | undefined, property: string, element: ModdleElement): void {
  if (!owner) return;
  const list = owner.get(property) as ModdleElement[];
  list.push(element);
}
