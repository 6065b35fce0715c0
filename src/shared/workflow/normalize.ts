import { NODE_KIND_DEFAULTS } from '../status';
import type { DependencyDefinition, RetryPolicy, WorkflowInput, WorkflowNodeDefinition } from './definition';
import { NODE_DEFAULTS, type NormalizedWorkflowDefinition, type NormalizedWorkflowNode } from './normalized';
import type { WorkflowHeader } from './schema-check';
import type { TreeShape } from './structure-check';

/**
 * Builds the normalized definition of a valid input: keys in one fixed order, so that
 * serializing it and validating again gives the same text.
 */
export function normalizeDefinition(header: WorkflowHeader, shape: TreeShape, dependencies: ReadonlyMap<string, DependencyDefinition[]>): NormalizedWorkflowDefinition {
  return {
    name: header.name,
    ...(header.description !== undefined && { description: header.description }),
    ...(header.version !== undefined && { version: header.version }),
    variables: header.variables ?? {},
    ...(header.inputs !== undefined && { inputs: header.inputs.map(normalizeInput) }),
    ...(header.triggers !== undefined && { triggers: header.triggers }),
    ...(header.onError !== undefined && { onError: header.onError }),
    ...(header.injects !== undefined && { injects: header.injects }),
    nodes: shape.unique.map(({ node }) => normalizeNode(node, shape, dependencies.get(node.nodeId) ?? [])),
  };
}

function normalizeNode(node: WorkflowNodeDefinition, shape: TreeShape, dependencies: DependencyDefinition[]): NormalizedWorkflowNode {
  const agent = node.nodeType === 'agent';
  const parentId = shape.parent.get(node.nodeId) ?? null;
  const { agentLoad, retry, timeoutMs } = kindDefaults(node);
  return {
    nodeId: node.nodeId,
    nodeType: node.nodeType,
    ...(node.kind !== undefined && { kind: node.kind }),
    isRoot: node.nodeId === shape.rootId,
    parentId,
    children: agent ? [] : [...(shape.children.get(node.nodeId) ?? [])],
    ...(node.name !== undefined && { name: node.name }),
    ...(node.containerName !== undefined && { containerName: node.containerName }),
    ...(agent && agentLoad !== undefined && { agentLoad }),
    ...(agent && node.agentConfig !== undefined && { agentConfig: node.agentConfig }),
    ...(!agent && node.containerConfig !== undefined && { containerConfig: node.containerConfig }),
    ...(agent && node.agentMetaId !== undefined && { agentMetaId: node.agentMetaId }),
    ...(agent && node.agentUrl !== undefined && { agentUrl: node.agentUrl }),
    ...(!agent && node.containerType !== undefined && { containerType: node.containerType }),
    ...(node.envConfig !== undefined && { envConfig: node.envConfig }),
    ...(node.bizValue !== undefined && { bizValue: node.bizValue }),
    dependencies: dependencies.map(normalizeDependency),
    join: node.join ?? NODE_DEFAULTS.join,
    priority: node.priority ?? NODE_DEFAULTS.priority,
    ...(retry !== undefined && { retry }),
    ...(agent && node.onError !== undefined && { onError: node.onError }),
    ...(timeoutMs !== undefined && { timeoutMs }),
    ...(node.pin !== undefined && { pin: node.pin }),
    ...(node.activation !== undefined && { activation: node.activation }),
    ...(node.layout !== undefined && { layout: node.layout }),
    ...(agent && node.requiredSkills !== undefined && node.requiredSkills.length > 0 && { requiredSkills: [...new Set(node.requiredSkills)] }),
    ...(agent && node.assignee !== undefined && { assignee: node.assignee }),
  };
}

/**
 * A node of a kind gets the kind's agent load, timeout and retries where it leaves them out, so
 * that the normalized definition shows what will run (and validates to itself); what the node
 * sets wins. A node without a kind keeps what it sets: no timeout, no retries by default.
 */
function kindDefaults(node: WorkflowNodeDefinition): { agentLoad?: string; retry?: RetryPolicy; timeoutMs?: number } {
  const kind = node.kind === undefined ? undefined : NODE_KIND_DEFAULTS[node.kind];
  return {
    agentLoad: node.agentLoad ?? kind?.agentLoad ?? undefined,
    retry: node.retry ?? (kind && { maxRetries: kind.maxRetries }),
    timeoutMs: node.timeoutMs ?? kind?.timeoutMs,
  };
}

function normalizeDependency(dependency: DependencyDefinition): DependencyDefinition {
  return {
    sourceNodeId: dependency.sourceNodeId,
    type: dependency.type,
    ...(dependency.condition !== undefined && { condition: dependency.condition }),
  };
}

function normalizeInput(input: WorkflowInput): WorkflowInput {
  return {
    name: input.name,
    type: input.type,
    ...(input.default !== undefined && { default: input.default }),
    ...(input.required !== undefined && { required: input.required }),
    ...(input.description !== undefined && { description: input.description }),
  };
}
