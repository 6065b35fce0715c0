import { append } from './append';
import type { DependencyDefinition, WorkflowDefinition, WorkflowNodeDefinition } from './definition';
import { canonicalJson, jsonEqual } from './json-equal';

/**
 * What changed between two versions of a workflow: nodes and dependency edges added, removed
 * and changed, and the workflow's own fields. Pure, so the editor shows the same diff the
 * console computes for templates. Compare normalized definitions (validateWorkflow's output):
 * otherwise a parent given as parentId in one and as children in the other reads as a change.
 */

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface NodeChange {
  nodeId: string;
  changes: FieldChange[];
}

/** A dependency edge: `targetNodeId` depends on `sourceNodeId`. */
export interface Edge {
  sourceNodeId: string;
  targetNodeId: string;
  type: DependencyDefinition['type'];
  condition?: DependencyDefinition['condition'];
}

export interface EdgeChange {
  sourceNodeId: string;
  targetNodeId: string;
  before: Edge;
  after: Edge;
}

export interface WorkflowDiff {
  /** Changes to name, description, version and variables. */
  workflow: FieldChange[];
  nodes: { added: WorkflowNodeDefinition[]; removed: WorkflowNodeDefinition[]; changed: NodeChange[] };
  edges: { added: Edge[]; removed: Edge[]; changed: EdgeChange[] };
  identical: boolean;
}

const WORKFLOW_FIELDS = ['name', 'description', 'version', 'variables'] as const;

export function diffWorkflows(before: WorkflowDefinition, after: WorkflowDefinition): WorkflowDiff {
  const workflow = WORKFLOW_FIELDS.flatMap((field) => fieldChange(field, before[field], after[field]));
  const nodes = diffNodes(before.nodes, after.nodes);
  const edges = diffEdges(edgesOf(before), edgesOf(after));
  const identical =
    workflow.length === 0 &&
    nodes.added.length + nodes.removed.length + nodes.changed.length === 0 &&
    edges.added.length + edges.removed.length + edges.changed.length === 0;
  return { workflow, nodes, edges, identical };
}

function diffNodes(before: readonly WorkflowNodeDefinition[], after: readonly WorkflowNodeDefinition[]): WorkflowDiff['nodes'] {
  const old = new Map(before.map((node) => [node.nodeId, node]));
  const fresh = new Map(after.map((node) => [node.nodeId, node]));
  const changed: NodeChange[] = [];
  for (const node of after) {
    const previous = old.get(node.nodeId);
    if (!previous) continue;
    const fields = new Set([...Object.keys(previous), ...Object.keys(node)]);
    fields.delete('nodeId');
    fields.delete('dependencies');
    const changes = [...fields].flatMap((field) => fieldChange(field, read(previous, field), read(node, field)));
    if (changes.length > 0) changed.push({ nodeId: node.nodeId, changes });
  }
  return {
    added: after.filter((node) => !old.has(node.nodeId)),
    removed: before.filter((node) => !fresh.has(node.nodeId)),
    changed,
  };
}

function edgesOf(definition: WorkflowDefinition): Edge[] {
  return definition.nodes.flatMap((node) =>
    (node.dependencies ?? []).map((dependency) => ({
      sourceNodeId: dependency.sourceNodeId,
      targetNodeId: node.nodeId,
      type: dependency.type,
      ...(dependency.condition !== undefined && { condition: dependency.condition }),
    })),
  );
}

/**
 * Edges between the same two nodes are matched identical ones first, then the rest in order
 * as changes (a new condition on an existing edge), and what is left over was added or removed.
 */
function diffEdges(before: readonly Edge[], after: readonly Edge[]): WorkflowDiff['edges'] {
  const pairKey = (edge: Edge) => JSON.stringify([edge.sourceNodeId, edge.targetNodeId]);
  const contentKey = (edge: Edge) => `${edge.type}|${canonicalJson(edge.condition)}`;
  const grouped = new Map<string, { before: Edge[]; after: Edge[] }>();
  const group = (edge: Edge) => {
    const key = pairKey(edge);
    let entry = grouped.get(key);
    if (!entry) grouped.set(key, (entry = { before: [], after: [] }));
    return entry;
  };
  for (const edge of before) group(edge).before.push(edge);
  for (const edge of after) group(edge).after.push(edge);

  const result: WorkflowDiff['edges'] = { added: [], removed: [], changed: [] };
  for (const entry of grouped.values()) {
    const unmatched = [...entry.after];
    const leftBefore: Edge[] = [];
    for (const edge of entry.before) {
      const match = unmatched.findIndex((candidate) => contentKey(candidate) === contentKey(edge));
      if (match === -1) leftBefore.push(edge);
      else unmatched.splice(match, 1);
    }
    const paired = Math.min(leftBefore.length, unmatched.length);
    for (let index = 0; index < paired; index++) {
      const old = leftBefore[index]!;
      result.changed.push({ sourceNodeId: old.sourceNodeId, targetNodeId: old.targetNodeId, before: old, after: unmatched[index]! });
    }
    append(result.removed, leftBefore.slice(paired));
    append(result.added, unmatched.slice(paired));
  }
  return result;
}

function fieldChange(field: string, before: unknown, after: unknown): FieldChange[] {
  return jsonEqual(before, after) ? [] : [{ field, before, after }];
}

function read(node: WorkflowNodeDefinition, field: string): unknown {
  return (node as Record<string, unknown>)[field];
}
