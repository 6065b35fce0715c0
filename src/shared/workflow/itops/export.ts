import { NODE_KIND_DEFAULTS, type NodeKind } from '../../status';
import { conditionToJsonLogic } from '../expression/el-condition';
import { jsonLogicToCondition } from '../expression/el-printer';
import type { JsonLogic } from '../expression/logic';
import { jsonEqual } from '../json-equal';
import type { NormalizedWorkflowDefinition, NormalizedWorkflowNode } from '../normalized';
import { problem, type Problem } from '../problems';
import { nodeRef } from '../problem-text';
import { decisionMerges } from './decision-joins';
import { EDGE_TYPE, freeRootId } from './import';
import { ITOPS_PROBLEM } from './problem-codes';
import type { ItopsEdge, ItopsNode, ItopsTemplate, ItopsVariable } from './template-schema';

/** The kind an agent without one is written as, by its load; any other load is written as a script with its load kept. */
const KIND_OF_LOAD: Readonly<Record<string, NodeKind>> = { manual: 'manual', script: 'script', http: 'api_call', 'http-health': 'api_call', decision: 'decision' };

/** Node fields the template's own keys carry; every other set field goes under the node's `deduction`. */
const OWN_FIELDS = new Set(['nodeId', 'nodeType', 'kind', 'isRoot', 'parentId', 'children', 'name', 'agentConfig', 'containerConfig', 'dependencies', 'timeoutMs', 'retry']);
const ROOT_OWN_FIELDS = new Set(['nodeId', 'nodeType', 'isRoot', 'parentId', 'children', 'dependencies']);

/**
 * A definition as an IT-ops template (docs/itops-format.md). The root becomes implied, every
 * other container a parallel node listing its children, every dependency an edge (its
 * condition as an expression where one reads back the same, else as JSON Logic). What only
 * this console has (join, priority, pins, backoff, a failure edge's type, the root's settings,
 * variable values) is kept under `deduction` keys that the import reads back; a node the
 * template cannot give its kind (a plain container, an agent without kind) is a warning.
 */
export function definitionToItops(definition: NormalizedWorkflowDefinition): { template: ItopsTemplate; problems: Problem[] } {
  const problems: Problem[] = [];
  const root = definition.nodes.find((node) => node.isRoot)!;
  const byId = new Map(definition.nodes.map((node) => [node.nodeId, node]));
  const ids = new Set(definition.nodes.filter((node) => !node.isRoot).map((node) => node.nodeId));
  const rootExtras = pickExtras(root, ROOT_OWN_FIELDS);
  if (rootExtras['containerName'] === definition.name) delete rootExtras['containerName'];
  const rootId = root.nodeId === freeRootId(ids) ? undefined : root.nodeId;
  const templateExtras = {
    ...(rootId !== undefined && { rootId }),
    ...(Object.keys(rootExtras).length > 0 && { root: rootExtras }),
    ...(Object.keys(definition.variables).length > 0 && { variables: definition.variables }),
  };

  const nodes: ItopsNode[] = [];
  const edges: ItopsEdge[] = [];
  definition.nodes.forEach((node, index) => {
    if (node.isRoot) return;
    nodes.push(exportNode(node, index, problems));
    if (node.nodeType === 'container') {
      // Written for tools of the design that start a parallel step's branches by edges; read back as starts.
      for (const child of node.children) if (byId.get(child)?.dependencies.length === 0) edges.push({ source: node.nodeId, target: child });
    }
  });
  for (const node of definition.nodes) {
    for (const dependency of node.dependencies) {
      edges.push({
        source: dependency.sourceNodeId,
        target: node.nodeId,
        ...(dependency.condition !== undefined && { condition: conditionText(dependency.condition) }),
        ...(dependency.type !== EDGE_TYPE && { deduction: { type: dependency.type } }),
      });
    }
  }
  // Where decision branches meet, the import joins with "one" by itself; the join is written where it differs.
  const merges = decisionMerges(
    nodes.map((node) => ({ id: node.id, decision: node.type === 'decision' })),
    edges,
  );
  nodes.forEach((exported, position) => {
    const join = byId.get(exported.id)!.join;
    if (join === (merges.has(exported.id) ? 'one' : 'all')) {
      if (exported.deduction) delete exported.deduction.join;
    } else exported.deduction = { ...exported.deduction, join };
    if (exported.deduction && Object.keys(exported.deduction).length === 0) delete nodes[position]!.deduction;
  });
  const template: ItopsTemplate = {
    name: definition.name,
    ...(definition.description !== undefined && { description: definition.description }),
    ...(definition.version !== undefined && { version: definition.version }),
    nodes,
    edges,
    ...(definition.inputs !== undefined && { variables: definition.inputs.map((input): ItopsVariable => ({ ...input })) }),
    ...(definition.triggers !== undefined && { triggers: definition.triggers }),
    ...(Object.keys(templateExtras).length > 0 && { deduction: templateExtras }),
  };
  return { template, problems };
}

function exportNode(node: NormalizedWorkflowNode, index: number, problems: Problem[]): ItopsNode {
  const container = node.nodeType === 'container';
  const type = node.kind !== undefined && NODE_KIND_DEFAULTS[node.kind].nodeType === node.nodeType ? node.kind : container ? 'parallel' : (KIND_OF_LOAD[node.agentLoad ?? ''] ?? 'script');
  const extras = pickExtras(node, OWN_FIELDS);
  if (!container && extras['agentLoad'] === NODE_KIND_DEFAULTS[type].agentLoad) delete extras['agentLoad'];
  if (node.kind === undefined) {
    if (container) problems.push(problem('warning', ITOPS_PROBLEM.exportApproximated, ['nodes', index], { context: 'container', node: nodeRef(node.nodeId) }, node.nodeId));
    else problems.push(problem('warning', ITOPS_PROBLEM.exportApproximated, ['nodes', index], { context: 'agent', node: nodeRef(node.nodeId), type, agentLoad: JSON.stringify(node.agentLoad ?? null) }, node.nodeId));
  }
  if (node.retry?.backoff !== undefined) extras['backoff'] = node.retry.backoff;
  const config = container ? node.containerConfig : node.agentConfig;
  return {
    id: node.nodeId,
    type,
    ...(node.name !== undefined && { name: node.name }),
    ...(config !== undefined && { config }),
    ...(node.timeoutMs !== undefined && { timeout: node.timeoutMs / 1000 }),
    ...(node.retry !== undefined && { retry_count: node.retry.maxRetries }),
    ...(container && { children: node.children }),
    ...(Object.keys(extras).length > 0 && { deduction: extras }),
  };
}

/** A node's fields outside `own`, with the normalizer's defaults left out. */
function pickExtras(node: NormalizedWorkflowNode, own: ReadonlySet<string>): Record<string, unknown> {
  const extras: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (own.has(key) || value === undefined) continue;
    if ((key === 'join' && value === 'all') || (key === 'priority' && value === 0)) continue;
    extras[key] = value;
  }
  return extras;
}

/** The expression when it reads back as the same JSON Logic, else the JSON Logic itself. */
function conditionText(condition: JsonLogic): JsonLogic {
  const text = jsonLogicToCondition(condition);
  return text !== undefined && jsonEqual(conditionToJsonLogic(text), condition) ? text : condition;
}
