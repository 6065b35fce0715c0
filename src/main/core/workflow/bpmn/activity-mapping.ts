import type { ModdleElement } from 'moddle';
import { NODE_KIND_DEFAULTS, type NodeKind } from '../../../../shared/status';
import { CAMUNDA_NS, deductionAttribute, deductionFieldBodies, foreignAttribute, foreignExtensionElements, ZEEBE_NS } from './extensions';
import { BPMN_PROBLEM, bpmnWarning } from './import-problems';
import { describeElement, elementId } from './describe';
import type { JsonLogic } from '../../../../shared/workflow/expression/logic';
import { mapScriptTask, type MappingNote } from './script-task';

/** The agent loads the import assigns by task type. */
const AGENT_LOADS = { manual: 'manual', script: 'script', http: 'http', sim: 'sim' } as const;

/**
 * Task types an agent can come from. The canonical type of each load (userTask for manual,
 * scriptTask for script, serviceTask for http, task for sim and every other load) needs no
 * record; any other type is kept in agentConfig.bpmnType so that an export restores it.
 */
export const TASK_TYPES = [
  'task',
  'userTask',
  'manualTask',
  'scriptTask',
  'serviceTask',
  'sendTask',
  'businessRuleTask',
  'receiveTask',
  'callActivity',
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const BPMN_TYPE_KEY = 'bpmnType';

export function canonicalTaskType(agentLoad: string): TaskType {
  switch (agentLoad) {
    case AGENT_LOADS.manual:
      return 'userTask';
    case AGENT_LOADS.script:
      return 'scriptTask';
    case AGENT_LOADS.http:
      return 'serviceTask';
    case AGENT_LOADS.sim:
      return 'task';
    default:
      return 'serviceTask';
  }
}

export function taskTypeOf(element: ModdleElement): TaskType | undefined {
  const local = element.$type.startsWith('bpmn:') ? element.$type.slice(5) : '';
  const type = local.charAt(0).toLowerCase() + local.slice(1);
  return (TASK_TYPES as readonly string[]).includes(type) ? (type as TaskType) : undefined;
}

/**
 * The IT-ops design's kind of each task type, given to a task whose agent load is the kind's
 * own; a plain task is a manual step, as the design's parser reads it.
 */
const TASK_KINDS: Partial<Record<TaskType, NodeKind>> = {
  task: 'manual',
  userTask: 'manual',
  manualTask: 'manual',
  scriptTask: 'script',
  serviceTask: 'api_call',
  sendTask: 'api_call',
  businessRuleTask: 'api_call',
};

export interface AgentMapping {
  agentLoad: string;
  kind?: NodeKind;
  agentConfig?: Record<string, JsonLogic>;
  /** What the mapping loses or cannot run, each for a warning naming the task. */
  notes: MappingNote[];
  /** Vendor extension names the mapping read (not to be reported as ignored). */
  consumed: string[];
}

/** A service-like task's agent: named by deduction:agentLoad, a Camunda external-task topic or a Zeebe job type. */
function namedAgent(element: ModdleElement): { agentLoad: string; consumed: string[] } | undefined {
  const topic = foreignAttribute(element, CAMUNDA_NS, 'topic');
  if (topic) return { agentLoad: topic, consumed: [`${CAMUNDA_NS}#topic`, `${CAMUNDA_NS}#type`] };
  const definition = foreignExtensionElements(element).find((found) => found.namespace === ZEEBE_NS && found.localName === 'taskDefinition');
  const jobType: unknown = definition?.element.type;
  if (typeof jobType === 'string' && jobType !== '') return { agentLoad: jobType, consumed: [`${ZEEBE_NS}#taskDefinition`] };
  return undefined;
}

/** Maps a task (or call activity) to an agent load and config. */
export function mapTask(element: ModdleElement, type: TaskType): AgentMapping {
  const mapping = defaultMapping(element, type);
  const written = deductionAttribute(element, 'agentLoad');
  if (written) mapping.agentLoad = written;
  // A file that names its loads (an export) says its kinds itself (deduction:kind, apply-fields.ts).
  const kind = TASK_KINDS[type];
  if (written === undefined && kind !== undefined && NODE_KIND_DEFAULTS[kind].agentLoad === mapping.agentLoad) mapping.kind = kind;
  if (type !== canonicalTaskType(mapping.agentLoad)) mapping.agentConfig = { ...mapping.agentConfig, [BPMN_TYPE_KEY]: type };
  return mapping;
}

function defaultMapping(element: ModdleElement, type: TaskType): AgentMapping {
  switch (type) {
    case 'userTask':
    case 'manualTask':
      return { agentLoad: AGENT_LOADS.manual, consumed: [], notes: [] };
    case 'scriptTask': {
      // A Camunda 8 script task may be a job worker's, like a service task; an inline script wins.
      const named = typeof element.script === 'string' && element.script.trim() !== '' ? undefined : namedAgent(element);
      if (named) return { ...named, notes: [] };
      // An exported node carries its exact config, which replaces whatever the script says.
      if (deductionFieldBodies(element).has('agentConfig')) return { agentLoad: AGENT_LOADS.script, consumed: [], notes: [] };
      const script = mapScriptTask(element);
      return { agentLoad: AGENT_LOADS.script, ...(script.agentConfig && { agentConfig: script.agentConfig }), consumed: script.consumed, notes: script.notes };
    }
    case 'serviceTask':
    case 'sendTask':
    case 'businessRuleTask': {
      const named = namedAgent(element);
      if (named) return { ...named, notes: [] };
      if (deductionAttribute(element, 'agentLoad') !== undefined) return { agentLoad: AGENT_LOADS.http, consumed: [], notes: [] };
      return {
        agentLoad: AGENT_LOADS.http,
        consumed: [],
        notes: [bpmnWarning(BPMN_PROBLEM.semanticsApproximated, { context: 'noAgent', element: describeElement(element) }, elementId(element))],
      };
    }
    case 'receiveTask':
      return {
        agentLoad: AGENT_LOADS.sim,
        consumed: [],
        notes: [bpmnWarning(BPMN_PROBLEM.semanticsApproximated, { context: 'receiveTask', element: describeElement(element) }, elementId(element))],
      };
    case 'callActivity': {
      const called = typeof element.calledElement === 'string' ? element.calledElement : undefined;
      return {
        agentLoad: AGENT_LOADS.sim,
        agentConfig: called === undefined ? {} : { calledElement: called },
        consumed: [],
        notes: [
          called === undefined
            ? bpmnWarning(BPMN_PROBLEM.semanticsApproximated, { context: 'callActivity', element: describeElement(element) }, elementId(element))
            : bpmnWarning(BPMN_PROBLEM.semanticsApproximated, { context: 'callActivityNamed', element: describeElement(element), called: JSON.stringify(called) }, elementId(element)),
        ],
      };
    }
    case 'task':
      if (deductionAttribute(element, 'agentLoad') !== undefined) return { agentLoad: AGENT_LOADS.sim, consumed: [], notes: [] };
      return {
        agentLoad: AGENT_LOADS.manual,
        consumed: [],
        notes: [bpmnWarning(BPMN_PROBLEM.plainTask, { element: describeElement(element) }, elementId(element))],
      };
  }
}
