import type { ModdleElement } from 'moddle';
import { CAMUNDA_NS, deductionAttribute, foreignAttribute, foreignExtensionElements, ZEEBE_NS } from './extensions';
import type { JsonLogic } from './logic';

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

export interface AgentMapping {
  agentLoad: string;
  agentConfig?: Record<string, JsonLogic>;
  /** What the mapping loses, for a warning. */
  lost?: string;
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

function scriptConfig(element: ModdleElement): Record<string, JsonLogic> | undefined {
  const config: Record<string, JsonLogic> = {};
  if (typeof element.script === 'string' && element.script.trim() !== '') config.script = element.script;
  if (typeof element.scriptFormat === 'string') config.scriptFormat = element.scriptFormat;
  return Object.keys(config).length > 0 ? config : undefined;
}

/** Maps a task (or call activity) to an agent load and config. */
export function mapTask(element: ModdleElement, type: TaskType): AgentMapping {
  const mapping = defaultMapping(element, type);
  const written = deductionAttribute(element, 'agentLoad');
  if (written) mapping.agentLoad = written;
  if (type !== canonicalTaskType(mapping.agentLoad)) mapping.agentConfig = { ...mapping.agentConfig, [BPMN_TYPE_KEY]: type };
  return mapping;
}

function defaultMapping(element: ModdleElement, type: TaskType): AgentMapping {
  switch (type) {
    case 'userTask':
    case 'manualTask':
      return { agentLoad: AGENT_LOADS.manual, consumed: [] };
    case 'scriptTask': {
      const agentConfig = scriptConfig(element);
      return agentConfig ? { agentLoad: AGENT_LOADS.script, agentConfig, consumed: [] } : { agentLoad: AGENT_LOADS.script, consumed: [] };
    }
    case 'serviceTask':
    case 'sendTask':
    case 'businessRuleTask': {
      const named = namedAgent(element);
      return named ?? { agentLoad: AGENT_LOADS.http, consumed: [] };
    }
    case 'receiveTask':
      return { agentLoad: AGENT_LOADS.sim, consumed: [], lost: 'waiting for a message is not modelled; it runs as a simulation agent' };
    case 'callActivity': {
      const called = typeof element.calledElement === 'string' ? element.calledElement : undefined;
      return {
        agentLoad: AGENT_LOADS.sim,
        agentConfig: called === undefined ? {} : { calledElement: called },
        consumed: [],
        lost: `the called ${called === undefined ? 'element' : `element "${called}"`} is not inlined; it runs as a simulation agent`,
      };
    }
    case 'task':
      return { agentLoad: AGENT_LOADS.sim, consumed: [] };
  }
}
