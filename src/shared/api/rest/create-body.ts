import { z } from 'zod';
import { isId, type Id } from '../../ids';
import type { CreateTaskOptions } from '../../task/create';
import { taskDeadlineSchema } from '../../task/deadline';
import { workflowDefinitionSchema, workflowNodeSchema, type WorkflowDefinitionInput } from '../../workflow/definition';
import { WORKFLOW_PROBLEM } from '../../workflow/problem-codes';
import { formatPath } from '../../workflow/problems';
import { validateWorkflow } from '../../workflow/validate';

/**
 * The Deduction design's create-task body (section 4.1: `name`, `description`, `scheme_id`,
 * `env_instance_id`, `workflow: { nodes }`) read into our workflow definition and createTask
 * options. This is the one place the design's names meet ours: its node fields are our
 * definition's (nodeId, nodeType, isRoot, parentId, children, containerName, agentLoad,
 * agentConfig, dependencies, …) except where its tables spell them otherwise
 * (DESIGN_NODE_ALIASES). Unlike a workflow file, whose unknown keys are only warned about, a
 * field this body does not know is refused, naming it.
 */

export const CREATE_BODY_FIELDS = ['name', 'description', 'scheme_id', 'env_instance_id', 'workflow', 'deadline'] as const;

/** The workflow object carries the tree and what else a definition holds; its name and description are the body's. */
const WORKFLOW_FIELDS: readonly string[] = Object.keys(workflowDefinitionSchema.shape).filter((key) => key !== 'name' && key !== 'description');

/**
 * Node fields named after the design's columns (workflow_node.pin_config, pin_time,
 * activation_config), as what they are in our definition.
 */
export const DESIGN_NODE_ALIASES: Readonly<Record<string, (value: unknown) => { field: string; value: unknown }>> = {
  pinConfig: (value) => ({ field: 'pin', value }),
  pinTime: (value) => ({ field: 'pin', value: { at: value } }),
  activationConfig: (value) => ({ field: 'activation', value }),
};

/**
 * Node fields that hold a row id (the design's workflow_node.agent_meta_id, an integer there):
 * a JSON number is taken as the decimal string every id is here, as scheme_id is.
 */
const NODE_ID_FIELDS: ReadonlySet<string> = new Set(['agentMetaId']);

/** The largest integer a JSON number carries exactly; larger ids must come as strings. */
const MAX_EXACT_INTEGER = Number.MAX_SAFE_INTEGER;

export interface BodyProblem {
  /** Where in the body, e.g. `workflow.nodes[1].agentConfg`. */
  path: string;
  message: string;
}

/** What createTask takes. `description` is the task's; createTaskOptionsSchema drops it until it has the field. */
export interface CreateRequest {
  definition: WorkflowDefinitionInput;
  options: CreateTaskOptions & { description?: string };
}

export type CreateBodyResult = { ok: true; request: CreateRequest } | { ok: false; problems: BodyProblem[] };

const headerSchema = z.object({
  name: z.string().min(1, 'must not be empty').max(500),
  description: z.string().max(10_000).optional(),
  workflow: z.record(z.string(), z.unknown()),
  deadline: taskDeadlineSchema.optional(),
});

export function readCreateBody(body: unknown): CreateBodyResult {
  if (!isRecord(body)) return { ok: false, problems: [{ path: '(body)', message: `must be a JSON object with ${CREATE_BODY_FIELDS.join(', ')}` }] };
  const problems: BodyProblem[] = unknownFields(body, CREATE_BODY_FIELDS, '', 'the body');
  const header = headerSchema.safeParse(body);
  if (!header.success) {
    for (const issue of header.error.issues) problems.push({ path: issue.path.length === 0 ? '(body)' : formatPath(issue.path as (string | number)[]), message: issue.message });
    return { ok: false, problems };
  }
  const { name, description, workflow, deadline } = header.data;
  const schemeId = readId(body.scheme_id, 'scheme_id', problems);
  const envInstanceId = readId(body.env_instance_id, 'env_instance_id', problems);
  problems.push(...unknownFields(workflow, WORKFLOW_FIELDS, 'workflow.', 'workflow'));
  const nodes = Array.isArray(workflow.nodes) ? workflow.nodes.map((node, index) => designNode(node, index, problems)) : workflow.nodes;
  const definition = { ...workflow, name, ...(description !== undefined && { description }), nodes } as WorkflowDefinitionInput;
  problems.push(...nestedUnknownFields(definition));
  if (problems.length > 0) return { ok: false, problems };
  const options: CreateRequest['options'] = {
    name,
    ...(description !== undefined && { description }),
    ...(schemeId !== undefined && { schemeId }),
    ...(envInstanceId !== undefined && { envInstanceId }),
    ...(deadline !== undefined && { deadline }),
  };
  return { ok: true, request: { definition, options } };
}

/** An id as a decimal string (how every id crosses our edges) or a JSON number small enough to be exact; null is none. */
function readId(value: unknown, path: string, problems: BodyProblem[]): Id | undefined {
  const field = path.slice(path.lastIndexOf('.') + 1);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1) {
      problems.push({ path, message: `must be a positive integer id, not ${value}` });
      return undefined;
    }
    if (value > MAX_EXACT_INTEGER) {
      problems.push({ path, message: `is a number beyond 2^53 − 1, which a JSON number cannot carry exactly; send the id as a decimal string ("${field}": "…")` });
      return undefined;
    }
    return String(value);
  }
  if (isId(value)) return value;
  problems.push({ path, message: `must be an id: a decimal string or a whole number, not ${JSON.stringify(value) ?? typeof value}` });
  return undefined;
}

function designNode(node: unknown, index: number, problems: BodyProblem[]): unknown {
  if (!isRecord(node)) return node;
  const mapped: [string, unknown][] = [];
  const from = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    const alias = Object.hasOwn(DESIGN_NODE_ALIASES, key) ? DESIGN_NODE_ALIASES[key] : undefined;
    const { field, value: mappedValue } = alias ? alias(value) : { field: key, value: NODE_ID_FIELDS.has(key) && typeof value === 'number' ? readId(value, `workflow.nodes[${index}].${key}`, problems) : value };
    const earlier = from.get(field);
    if (earlier !== undefined) {
      problems.push({ path: `workflow.nodes[${index}].${key}`, message: `gives ${field} a second time (also as ${earlier}); give one of them` });
      continue;
    }
    from.set(field, key);
    mapped.push([field, mappedValue]);
  }
  // fromEntries defines each key as an own property, "__proto__" included, as JSON.parse does.
  return Object.fromEntries(mapped);
}

/**
 * The workflow validator knows which keys each level of a node takes (dependencies, retry,
 * pin, layout …) and warns of the others; here they are refused.
 */
function nestedUnknownFields(definition: WorkflowDefinitionInput): BodyProblem[] {
  const known = [...Object.keys(workflowNodeSchema.shape), ...Object.keys(DESIGN_NODE_ALIASES)].join(', ');
  return validateWorkflow(definition)
    .problems.filter((problem) => problem.code === WORKFLOW_PROBLEM.unknownProperty && problem.path[0] === 'nodes')
    .map((problem) => {
      const field = String(problem.path[problem.path.length - 1]);
      const nodeLevel = problem.path.length === 3;
      return { path: `workflow.${formatPath(problem.path)}`, message: `unknown field ${JSON.stringify(field)}${nodeLevel ? ` (a node takes ${known})` : ''}` };
    });
}

function unknownFields(value: Record<string, unknown>, known: readonly string[], prefix: string, owner: string): BodyProblem[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => ({ path: `${prefix}${key}`, message: `unknown field ${JSON.stringify(key)} (${owner} takes ${known.join(', ')})` }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
