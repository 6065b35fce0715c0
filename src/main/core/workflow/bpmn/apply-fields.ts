import type { ModdleElement } from 'moddle';
import { layoutSchema, onErrorSchema, pinSchema, retrySchema, type WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import { idSchema } from '../../../../shared/ids';
import { NODE_KINDS, type NodeKind } from '../../../../shared/status';
import { describeElement, elementId } from './describe';
import { readDeductionFields } from './deduction-fields';
import { deductionAttribute } from './extensions';
import { BPMN_PROBLEM, type ImportProblems } from './import-problems';
import type { JsonLogic } from '../../../../shared/workflow/expression/logic';

/** Node fields an exported element carries as deduction:field JSON; null means "absent". */
const NODE_FIELDS = ['name', 'containerName', 'agentConfig', 'containerConfig', 'retry', 'onError', 'pin', 'activation', 'layout', 'agentMetaId', 'agentUrl', 'containerType', 'envConfig', 'bizValue'] as const;
type NodeField = (typeof NODE_FIELDS)[number];

function isObject(value: JsonLogic): value is { [key: string]: JsonLogic } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a value has the shape the definition wants for the field (validation proper happens later). */
function fits(field: NodeField, value: JsonLogic): boolean {
  switch (field) {
    case 'name':
    case 'containerName':
    case 'agentUrl':
    case 'containerType':
      return typeof value === 'string';
    case 'agentMetaId':
      return idSchema.safeParse(value).success;
    case 'agentConfig':
    case 'containerConfig':
    case 'envConfig':
    case 'bizValue':
      return isObject(value);
    case 'retry':
      return retrySchema.safeParse(value).success;
    case 'onError':
      return onErrorSchema.safeParse(value).success;
    case 'pin':
      return pinSchema.safeParse(value).success;
    case 'layout':
      return layoutSchema.safeParse(value).success;
    case 'activation':
      return true;
  }
}

function integerAttribute(element: ModdleElement, name: 'priority' | 'timeoutMs', problems: ImportProblems): number | undefined {
  const text = deductionAttribute(element, name);
  if (text === undefined) return undefined;
  if (/^-?\d+$/.test(text.trim())) return Number(text);
  problems.warn(BPMN_PROBLEM.extensionIgnored, { context: 'notInteger', field: name, value: JSON.stringify(text), element: describeElement(element) }, {
    elementId: elementId(element),
  });
  return undefined;
}

/**
 * Restores what the exporter wrote beside the BPMN: priority and timeout attributes, and the
 * deduction:field values, which replace what the plain BPMN mapping produced.
 */
export function applyDeductionFields(node: WorkflowNodeDefinition, element: ModdleElement, problems: ImportProblems): void {
  const kind = deductionAttribute(element, 'kind');
  if (kind !== undefined) {
    if ((NODE_KINDS as readonly string[]).includes(kind)) node.kind = kind as NodeKind;
    else {
      const kinds = NODE_KINDS.map((known) => JSON.stringify(known)).join(', ');
      problems.warn(BPMN_PROBLEM.extensionIgnored, { context: 'notKind', value: JSON.stringify(kind), element: describeElement(element), kinds }, { elementId: elementId(element), nodeId: node.nodeId });
    }
  }
  const priority = integerAttribute(element, 'priority', problems);
  if (priority !== undefined) node.priority = priority;
  const timeoutMs = integerAttribute(element, 'timeoutMs', problems);
  if (timeoutMs !== undefined) node.timeoutMs = timeoutMs;
  const target = node as Record<string, unknown>;
  for (const [field, value] of readDeductionFields(element, problems)) {
    if (!(NODE_FIELDS as readonly string[]).includes(field)) {
      problems.warn(BPMN_PROBLEM.extensionIgnored, { context: 'notNodeField', field: JSON.stringify(field), element: describeElement(element) }, {
        elementId: elementId(element),
        nodeId: node.nodeId,
      });
      continue;
    }
    if (value === null) {
      delete target[field];
    } else if (fits(field as NodeField, value)) {
      target[field] = value;
    } else {
      problems.warn(BPMN_PROBLEM.extensionIgnored, { context: 'wrongShape', field: JSON.stringify(field), element: describeElement(element) }, {
        elementId: elementId(element),
        nodeId: node.nodeId,
      });
    }
  }
}
