import { z } from 'zod';
import { DEPENDENCY_TYPES, NODE_KINDS } from '../../status';
import { triggerSpecSchema } from '../../triggers/trigger-spec';
import { backoffSchema, INPUT_TYPES, workflowNodeSchema, type InputType } from '../definition';
import { wordingText } from '../problem-wordings';

/**
 * The IT-ops design's workflow template (itops-workflow-engine.md §1.2): `name`, `description`,
 * `version`, `nodes` (`id`, `type` one of the design's node kinds, …), `edges` (`source`,
 * `target`, `condition`), `variables` and `triggers`. What the design leaves open is settled
 * here and in docs/itops-format.md: a node's `config` is its agent's config (its container's
 * for a parallel node), `timeout` (seconds) and `retry_count` override its kind's defaults, a
 * parallel node may list its `children`, and `deduction` carries what only this console has,
 * so that a file it wrote reads back the same.
 */

const text = z.string().min(1, wordingText('SCHEMA_empty', {}));
const jsonObject = z.record(z.string(), z.json());

/** The variable types the design's Python templates may spell the Python way. */
export const VARIABLE_TYPE_ALIASES: Readonly<Record<string, InputType>> = { str: 'string', int: 'integer', float: 'number', bool: 'boolean', dict: 'object', list: 'array' };
const variableTypes = [...INPUT_TYPES, ...Object.keys(VARIABLE_TYPE_ALIASES)] as [string, ...string[]];

/** What a node of this console has that the design's node does not: kept under the node's `deduction`. */
export const nodeExtrasSchema = workflowNodeSchema
  .pick({ containerName: true, agentLoad: true, agentMetaId: true, agentUrl: true, containerType: true, envConfig: true, bizValue: true, join: true, priority: true, pin: true, activation: true, layout: true })
  .extend({ backoff: backoffSchema.optional() });

/** The root container, implied by the design's file, and the workflow's variable values. */
export const templateExtrasSchema = z.object({
  rootId: workflowNodeSchema.shape.nodeId.optional(),
  root: workflowNodeSchema.omit({ nodeId: true, nodeType: true, isRoot: true, parentId: true, children: true, dependencies: true }).partial().optional(),
  variables: jsonObject.optional(),
});

export const edgeExtrasSchema = z.object({ type: z.enum(DEPENDENCY_TYPES).optional() });

export const itopsHeaderSchema = z.object({
  name: text.max(500),
  description: z.string().max(10_000).optional(),
  version: z.union([z.string().max(100), z.int()]).optional(),
  deduction: templateExtrasSchema.optional(),
});

export const itopsNodeSchema = z.object({
  id: workflowNodeSchema.shape.nodeId,
  type: z.enum(NODE_KINDS),
  name: z.string().max(500).optional(),
  /** The agent's config (script, url, …); a parallel node's container config. */
  config: jsonObject.optional(),
  /** Seconds, as the design's TASK_NODE_TYPES count them; fractions allowed. */
  timeout: z.number().positive().max(30 * 86_400).optional(),
  retry_count: z.int().min(0).max(100).optional(),
  /** A parallel node's children; without it they are found from the edges (docs/itops-format.md). */
  children: z.array(workflowNodeSchema.shape.nodeId).optional(),
  deduction: nodeExtrasSchema.optional(),
});

export const itopsEdgeSchema = z.object({
  source: workflowNodeSchema.shape.nodeId,
  target: workflowNodeSchema.shape.nodeId,
  /** An expression (`variables.needPatch == true`, `${ok}`) or JSON Logic. */
  condition: z.json().optional(),
  deduction: edgeExtrasSchema.optional(),
});

export const itopsVariableSchema = z.object({
  name: text.max(200),
  type: z.enum(variableTypes),
  default: z.json().optional(),
  required: z.boolean().optional(),
  description: z.string().max(2000).optional(),
});

/** The whole template, for tools (the editor) that want it in one piece; the import reads it part by part. */
export const itopsTemplateSchema = itopsHeaderSchema.extend({
  nodes: z.array(itopsNodeSchema).min(1),
  edges: z.array(itopsEdgeSchema),
  variables: z.array(itopsVariableSchema).optional(),
  triggers: z.array(triggerSpecSchema).max(100).optional(),
});

export type ItopsTemplate = z.infer<typeof itopsTemplateSchema>;
export type ItopsNode = z.infer<typeof itopsNodeSchema>;
export type ItopsEdge = z.infer<typeof itopsEdgeSchema>;
export type ItopsVariable = z.infer<typeof itopsVariableSchema>;
/** The keys each part of a template may have; any other is reported and ignored. */
export const ITOPS_KEYS = {
  template: new Set([...Object.keys(itopsTemplateSchema.shape)]),
  node: new Set(Object.keys(itopsNodeSchema.shape)),
  edge: new Set(Object.keys(itopsEdgeSchema.shape)),
  variable: new Set(Object.keys(itopsVariableSchema.shape)),
};
