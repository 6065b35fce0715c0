import { z } from 'zod';
import { checkInputs } from '../inputs-check';
import { NODE_KIND_DEFAULTS } from '../../status';
import type { DependencyDefinition, InputType, WorkflowDefinitionInput, WorkflowInput } from '../definition';
import { conditionToJsonLogic } from '../expression/el-condition';
import type { JsonLogic } from '../expression/logic';
import { problem, type Problem } from '../problems';
import { nodeRef } from '../problem-text';
import { WORKFLOW_PROBLEM } from '../problem-codes';
import { literal, zodIssueToProblem } from '../zod-problems';
import { decisionMerges } from './decision-joins';
import { findParallelChildren } from './parallel-children';
import { ITOPS_PROBLEM } from './problem-codes';
import {
  ITOPS_KEYS,
  itopsEdgeSchema,
  itopsHeaderSchema,
  itopsNodeSchema,
  itopsVariableSchema,
  VARIABLE_TYPE_ALIASES,
  type ItopsEdge,
  type ItopsNode,
} from './template-schema';
import { triggerSpecSchema } from '../../triggers/trigger-spec';
import { templatePath, type DefinitionPlaces, type NodePlace } from './paths';

/** An edge is taken once its source succeeds, as the design's engine moves on from a step. */
export const EDGE_TYPE = 'success';

/** The id the implied root container takes, unless a node of the template has it. */
export const ROOT_ID = 'workflow';

export interface ItopsConversion {
  /** The definition the template describes, when it could be built; still to be validated. */
  definition?: WorkflowDefinitionInput;
  /** Where each part of the definition came from, to put the validator's findings back on the template. */
  places: DefinitionPlaces;
  problems: Problem[];
}

/**
 * The definition an IT-ops template describes (docs/itops-format.md): an implied root
 * container named after the template; each node an agent of its kind's load, or a container
 * for a parallel node, holding its children; each edge a dependency of its target on its
 * source, its condition read as an expression or taken as JSON Logic; `variables` become the
 * declared inputs. Every problem is placed on the template (`nodes[3].type`, `edges[2].target`).
 */
export function itopsToDefinition(input: unknown): ItopsConversion {
  const places: DefinitionPlaces = { nodes: [], dependencies: new Map() };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { places, problems: [problem('error', ITOPS_PROBLEM.notAnObject, [], { received: literal(input) })] };
  }
  const record = input as Record<string, unknown>;
  const problems: Problem[] = [];
  unknownKeys(record, ITOPS_KEYS.template, [], 'template', problems);

  const header = parsePart(itopsHeaderSchema, pick(record, ['name', 'description', 'version', 'deduction']), [], problems);
  const nodes = parseList(record, 'nodes', itopsNodeSchema, ITOPS_KEYS.node, 'node', problems, true);
  const edges = parseList(record, 'edges', itopsEdgeSchema, ITOPS_KEYS.edge, 'edge', problems, true);
  const variables = parseList(record, 'variables', itopsVariableSchema, ITOPS_KEYS.variable, 'variable', problems, false);
  const triggers = Object.hasOwn(record, 'triggers') ? record['triggers'] : undefined;
  // Checked here as well as by the validator, so that they are reported beside the template's other errors.
  const inputs = variables.parsed.map(({ value }) => toInput(value));
  for (const found of checkInputs(inputs)) problems.push({ ...found, path: templatePath(found.path, places) });
  if (triggers !== undefined) parsePart(z.array(triggerSpecSchema).max(100), triggers, ['triggers'], problems);

  const byId = new Map<string, { node: ItopsNode; index: number }>();
  for (const { value: node, index } of nodes.parsed) {
    const first = byId.get(node.id);
    if (first) problems.push(problem('error', WORKFLOW_PROBLEM.duplicateNodeId, ['nodes', index, 'id'], { node: nodeRef(node.id), index: first.index }, node.id));
    else byId.set(node.id, { node, index });
  }
  const known = (id: string) => byId.has(id) || nodes.brokenIds.has(id);

  const kept: { edge: ItopsEdge; index: number; condition?: JsonLogic }[] = [];
  const pairs = new Map<string, number>();
  for (const { value: edge, index } of edges.parsed) {
    let usable = true;
    for (const end of ['source', 'target'] as const) {
      if (known(edge[end])) continue;
      problems.push(problem('error', ITOPS_PROBLEM.unknownNode, ['edges', index, end], { context: end, node: nodeRef(edge[end]) }));
      usable = false;
    }
    const pair = JSON.stringify([edge.source, edge.target]);
    const first = pairs.get(pair);
    if (first !== undefined) {
      problems.push(problem('error', ITOPS_PROBLEM.duplicateEdge, ['edges', index], { index: first, source: nodeRef(edge.source), target: nodeRef(edge.target) }));
      usable = false;
    } else pairs.set(pair, index);
    const condition = readCondition(edge.condition, ['edges', index, 'condition'], problems);
    if (condition === null) usable = false;
    if (usable && byId.has(edge.source) && byId.has(edge.target)) kept.push({ edge, index, ...(condition !== undefined && { condition }) });
  }

  const unique = [...byId.values()].sort((a, b) => a.index - b.index);
  const containment = findParallelChildren({
    nodes: unique.map(({ node, index }) => ({ id: node.id, index, parallel: node.type === 'parallel', ...(node.type === 'parallel' && node.children && { children: node.children }) })),
    edges: kept.map(({ edge, index }) => ({ source: edge.source, target: edge.target, index })),
  });
  problems.push(...containment.problems);
  for (const { node, index } of unique) {
    if (node.children && node.type !== 'parallel') problems.push(problem('warning', WORKFLOW_PROBLEM.ignoredSetting, ['nodes', index, 'children'], { context: 'childrenOnAgent', node: nodeRef(node.id), type: node.type }, node.id));
  }

  const dependencies = new Map<string, { dependency: DependencyDefinition; edge: number }[]>();
  for (const { edge, index, condition } of kept) {
    const source = byId.get(edge.source)!.node;
    if (source.type === 'decision' && condition === undefined) {
      problems.push(problem('warning', ITOPS_PROBLEM.decisionBranch, ['edges', index], { node: nodeRef(edge.source), target: nodeRef(edge.target) }));
    }
    // An edge from a parallel node into its own step only says its child starts with it.
    if (source.type === 'parallel' && containment.parent.get(edge.target) === edge.source) {
      if (condition !== undefined) problems.push(problem('error', ITOPS_PROBLEM.parallelStartCondition, ['edges', index, 'condition'], { parallel: nodeRef(edge.source), node: nodeRef(edge.target) }));
      continue;
    }
    const list = dependencies.get(edge.target) ?? [];
    list.push({
      dependency: { sourceNodeId: edge.source, type: edge.deduction?.type ?? EDGE_TYPE, ...(condition !== undefined && { condition }) },
      edge: index,
    });
    dependencies.set(edge.target, list);
  }

  if (!header || problems.some((found) => found.severity === 'error') || nodes.broken || edges.broken || variables.broken) return { places, problems };

  const merges = decisionMerges(
    unique.map(({ node }) => ({ id: node.id, decision: node.type === 'decision' })),
    kept.map(({ edge }) => edge),
  );
  const takenIds = new Set(byId.keys());
  const rootId = header.deduction?.rootId ?? freeRootId(takenIds);
  const rootChildren = unique.filter(({ node }) => !containment.parent.has(node.id)).map(({ node }) => node.id);
  const definitionNodes: WorkflowDefinitionInput['nodes'] = [
    { nodeId: rootId, nodeType: 'container', isRoot: true, containerName: header.name, ...header.deduction?.root, children: rootChildren },
  ];
  places.nodes.push({ kind: 'root' });
  for (const { node, index } of unique) {
    const defaults = NODE_KIND_DEFAULTS[node.type];
    const agent = defaults.nodeType === 'agent';
    const { backoff, ...extras } = node.deduction ?? {};
    const own = dependencies.get(node.id) ?? [];
    places.dependencies.set(definitionNodes.length, own.map(({ edge }) => edge));
    const place: NodePlace = { kind: 'node', index, extras: Object.keys(node.deduction ?? {}) };
    places.nodes.push(place);
    definitionNodes.push({
      nodeId: node.id,
      nodeType: defaults.nodeType,
      kind: node.type,
      parentId: containment.parent.get(node.id) ?? rootId,
      ...(!agent && { children: containment.children.get(node.id) ?? [] }),
      ...(node.name !== undefined && { name: node.name }),
      ...(agent && defaults.agentLoad !== null && { agentLoad: defaults.agentLoad }),
      ...(merges.has(node.id) && { join: 'one' as const }),
      ...extras,
      ...(node.config !== undefined && (agent ? { agentConfig: node.config } : { containerConfig: node.config })),
      ...(own.length > 0 && { dependencies: own.map(({ dependency }) => dependency) }),
      ...(node.retry_count !== undefined && { retry: { maxRetries: node.retry_count, ...(backoff && { backoff }) } }),
      ...(node.retry_count === undefined && backoff && { retry: { maxRetries: defaults.maxRetries, backoff } }),
      ...(node.timeout !== undefined && { timeoutMs: Math.round(node.timeout * 1000) }),
    });
  }

  const definition: WorkflowDefinitionInput = {
    name: header.name,
    ...(header.description !== undefined && { description: header.description }),
    ...(header.version !== undefined && { version: header.version }),
    ...(header.deduction?.variables !== undefined && { variables: header.deduction.variables }),
    ...(Object.hasOwn(record, 'variables') && { inputs }),
    ...(triggers !== undefined && { triggers: triggers as z.input<typeof triggerSpecSchema>[] }),
    nodes: definitionNodes,
  };
  return { definition, places, problems };
}

function toInput(variable: z.infer<typeof itopsVariableSchema>): WorkflowInput {
  return {
    name: variable.name,
    type: (VARIABLE_TYPE_ALIASES[variable.type] ?? variable.type) as InputType,
    ...(variable.default !== undefined && { default: variable.default }),
    ...(variable.required !== undefined && { required: variable.required }),
    ...(variable.description !== undefined && { description: variable.description }),
  };
}

/** The implied root's id: ROOT_ID, or the first ROOT_ID-n no node of the template has. */
export function freeRootId(taken: ReadonlySet<string>): string {
  if (!taken.has(ROOT_ID)) return ROOT_ID;
  let suffix = 2;
  while (taken.has(`${ROOT_ID}-${suffix}`)) suffix++;
  return `${ROOT_ID}-${suffix}`;
}

/**
 * An edge's condition as JSON Logic: text through the expression reader the BPMN import
 * uses for conditionExpressions; anything else is JSON Logic already (checked by the
 * validator). Undefined: no condition; null: unreadable, reported.
 */
function readCondition(condition: unknown, path: (string | number)[], problems: Problem[]): JsonLogic | undefined | null {
  if (condition === undefined || condition === null) return undefined;
  if (typeof condition !== 'string') return condition as JsonLogic;
  if (condition.trim() === '' || condition.trim() === 'true') return undefined;
  const logic = conditionToJsonLogic(condition);
  if (logic !== undefined) return logic;
  problems.push(problem('error', ITOPS_PROBLEM.condition, path, { condition: JSON.stringify(condition) }));
  return null;
}

function pick(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => Object.hasOwn(record, key)).map((key) => [key, record[key]]));
}

function parsePart<S extends z.ZodType>(schema: S, value: unknown, path: (string | number)[], problems: Problem[], nodeId?: string): z.infer<S> | undefined {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) problems.push(zodIssueToProblem(issue, path, nodeId));
  return undefined;
}

interface ParsedList<T> {
  parsed: { value: T; index: number }[];
  /** Ids of nodes that did not parse, so edges to them are not reported again. */
  brokenIds: Set<string>;
  broken: boolean;
}

/** Each item on its own, so that one bad node or edge hides none of the others' problems. */
function parseList<S extends z.ZodType>(
  record: Record<string, unknown>,
  key: 'nodes' | 'edges' | 'variables',
  schema: S,
  knownKeys: ReadonlySet<string>,
  context: 'node' | 'edge' | 'variable',
  problems: Problem[],
  required: boolean,
): ParsedList<z.infer<S>> {
  const result: ParsedList<z.infer<S>> = { parsed: [], brokenIds: new Set(), broken: false };
  const raw = Object.hasOwn(record, key) ? record[key] : undefined;
  if (raw === undefined) {
    if (required) {
      problems.push(problem('error', WORKFLOW_PROBLEM.schema, [key], { context: 'required', expected: 'array' }));
      result.broken = true;
    }
    return result;
  }
  if (!Array.isArray(raw)) {
    problems.push(problem('error', WORKFLOW_PROBLEM.schema, [key], { context: 'type', expected: 'array', received: literal(raw) }));
    result.broken = true;
    return result;
  }
  if (key === 'nodes' && raw.length === 0) {
    problems.push(problem('error', WORKFLOW_PROBLEM.schema, [key], { context: 'minItems', limit: 1 }));
    result.broken = true;
  }
  raw.forEach((item: unknown, index) => {
    const id = typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : undefined;
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) unknownKeys(item as Record<string, unknown>, knownKeys, [key, index], context, problems, id);
    const value = parsePart(schema, item, [key, index], problems, context === 'node' ? id : undefined);
    if (value === undefined) {
      result.broken = true;
      if (context === 'node' && id !== undefined) result.brokenIds.add(id);
      return;
    }
    result.parsed.push({ value, index });
  });
  return result;
}

function unknownKeys(
  record: Record<string, unknown>,
  known: ReadonlySet<string>,
  path: (string | number)[],
  context: 'template' | 'node' | 'edge' | 'variable',
  problems: Problem[],
  nodeId?: string,
): void {
  for (const key of Object.keys(record)) {
    if (!known.has(key)) problems.push(problem('warning', ITOPS_PROBLEM.unknownProperty, [...path, key], { context, property: JSON.stringify(key) }, nodeId));
  }
}
