import type { DependencyDefinition, WorkflowNodeDefinition } from './definition';
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
    ...(header.triggers !== undefined && { triggers: header.triggers }),
    nodes: shape.unique.map(({ node }) => normalizeNode(node, shape, dependencies.get(node.nodeId) ?? [])),
  };
}

function normalizeNode(node: WorkflowNodeDefinition, shape: TreeShape, dependencies: DependencyDefinition[]): NormalizedWorkflowNode {
  const agent = node.nodeType === 'agent';
  const parentId = shape.parent.get(node.nodeId) ?? null;
  return {
    nodeId: node.nodeId,
    nodeType: node.nodeType,
    ...(node.kind !== undefined && { kind: node.kind }),
    isRoot: node.nodeId === shape.rootId,
    parentId,
    children: agent ? [] : [...(shape.children.get(node.nodeId) ?? [])],
    ...(node.name !== undefined && { name: node.name }),
    ...(node.containerName !== undefined && { containerName: node.containerName }),
    ...(agent && node.agentLoad !== undefined && { agentLoad: node.agentLoad }),
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
    ...(node.retry !== undefined && { retry: node.retry }),
    ...(node.timeoutMs !== undefined && { timeoutMs: node.timeoutMs }),
    ...(node.pin !== undefined && { pin: node.pin }),
    ...(node.activation !== undefined && { activation: node.activation }),
    ...(node.layout !== undefined && { layout: node.layout }),
    ...(agent && node.requiredSkills !== undefined && node.requiredSkills.length > 0 && { requiredSkills: [...new Set(node.requiredSkills)] }),
    ...(agent && node.assignee !== undefined && { assignee: node.assignee }),
  };
}

function normalizeDependency(dependency: DependencyDefinition): DependencyDefinition {
  return {
    sourceNodeId: dependency.sourceNodeId,
    type: dependency.type,
    ...(dependency.condition !== undefined && { condition: dependency.condition }),
  };
}
