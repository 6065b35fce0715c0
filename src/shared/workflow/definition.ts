import { z } from 'zod';
import { skillsSchema } from '../engine/skills';
import { DEFAULT_DEPENDENCY_TYPE, DEPENDENCY_TYPES, JOIN_MODES, NODE_KINDS, NODE_TYPES } from '../status';
import { idSchema } from '../ids';
import { WORKFLOW_LIMITS } from './limits';
import { wordingText } from './problem-wordings';
import { triggerSpecSchema } from '../triggers/trigger-spec';
import { INJECT_LIMITS, injectSchema } from '../injects/inject-spec';

/**
 * The workflow definition: the create-task JSON of the Deduction design (nodeId, nodeType,
 * isRoot, parentId, children, containerName, agentLoad, agentConfig, containerConfig,
 * dependencies, and the design's node columns agentMetaId, agentUrl, containerType, envConfig
 * and bizValue) plus what this console adds (failure edges, join mode, priority, retry,
 * timeout, pin, activation, recovery rules (onError), workflow name/description/version/variables, editor layout).
 *
 * This zod schema is the single source of the definition's shape; the TypeScript types below
 * are inferred from it. Graph rules (one root, no cycles, …) live in validate.ts.
 */

/** Node ids are what users type and what BPMN files carry: any printable text, CJK included. */
export const NODE_ID_MAX_LENGTH = WORKFLOW_LIMITS.idLength;
const nodeId = z
  .string()
  .min(1, wordingText('SCHEMA_empty', {}))
  .max(NODE_ID_MAX_LENGTH, wordingText('SCHEMA_maxLength', { limit: NODE_ID_MAX_LENGTH }))
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { message: wordingText('SCHEMA_controlCharacters', {}), params: { context: 'controlCharacters' } });

const jsonObject = z.record(z.string(), z.json());

/** A JSON Logic expression; whether its operators exist is checked by the validator. */
export const jsonLogicSchema = z.json();

export const dependencySchema = z.object({
  sourceNodeId: nodeId,
  type: z.enum(DEPENDENCY_TYPES).default(DEFAULT_DEPENDENCY_TYPE),
  condition: jsonLogicSchema.optional(),
});

export const backoffSchema = z.object({
  initialMs: z.int().min(0).max(86_400_000).default(1000),
  factor: z.number().min(1).max(10).default(2),
  maxMs: z.int().min(0).max(86_400_000).default(60_000),
});

export const retrySchema = z.object({
  maxRetries: z.int().min(0).max(100),
  backoff: backoffSchema.optional(),
});

export const ON_ERROR_ACTIONS = ['retry', 'skip', 'handler', 'escalate'] as const;
export type OnErrorAction = (typeof ON_ERROR_ACTIONS)[number];

/**
 * A recovery rule of the IT-ops design's exception handling: the first rule of a node (or of
 * the workflow, for nodes that declare none) whose code pattern matches a failed attempt's
 * error code decides what follows (on-error.ts). `*` in a pattern stands for any characters.
 */
export const onErrorRuleSchema = z.object({
  code: z.string().max(200),
  action: z.enum(ON_ERROR_ACTIONS),
  /** retry: this rule's own budget of attempts, beside the node's retry policy. */
  maxRetries: z.int().min(0).max(100).optional(),
  backoff: backoffSchema.optional(),
  /** handler: the node run to handle the failure; it starts only when a rule invokes it. */
  handlerNodeId: nodeId.optional(),
});

export const onErrorSchema = z.array(onErrorRuleSchema).max(50);

/** Start not before an absolute time (ISO 8601 or epoch ms), or a delay after the task starts. */
export const pinSchema = z.union([
  z.object({ at: z.union([z.iso.datetime({ offset: true }), z.int().min(0)]) }),
  z.object({ delayMs: z.int().min(0).max(365 * 86_400_000) }),
]);

export const layoutSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});

export const workflowNodeSchema = z.object({
  nodeId,
  nodeType: z.enum(NODE_TYPES),
  /** The IT-ops design's node kind (manual, script, api_call, decision, parallel); see NODE_KIND_DEFAULTS. */
  kind: z.enum(NODE_KINDS).optional(),
  isRoot: z.boolean().optional(),
  parentId: nodeId.nullable().optional(),
  children: z.array(nodeId).optional(),
  /** Display name; the design calls a container's name containerName. */
  name: z.string().max(500).optional(),
  containerName: z.string().max(500).optional(),
  agentLoad: z.string().min(1).max(200).optional(),
  agentConfig: jsonObject.optional(),
  containerConfig: jsonObject.optional(),
  /** The agent_meta row describing the agent (agents only); recorded, not checked against this database's catalog. */
  agentMetaId: idSchema.optional(),
  /** Where the agent's package is downloaded from (agents only). */
  agentUrl: z.string().min(1).max(2000).optional(),
  /** The kind of container (containers only), a free label such as "docker" or "sandbox". */
  containerType: z.string().min(1).max(200).optional(),
  /** The environment the node runs in (variables, resources…), passed to the Engine as given. */
  envConfig: jsonObject.optional(),
  /** Business parameters of the node, passed to the Engine as given. */
  bizValue: jsonObject.optional(),
  dependencies: z.array(dependencySchema).optional(),
  join: z.enum(JOIN_MODES).optional(),
  priority: z.int().min(-1_000_000).max(1_000_000).optional(),
  retry: retrySchema.optional(),
  /** Recovery rules chosen by a failed attempt's error code (agents only). */
  onError: onErrorSchema.optional(),
  timeoutMs: z.int().positive().max(30 * 86_400_000).optional(),
  pin: pinSchema.optional(),
  activation: jsonLogicSchema.optional(),
  layout: layoutSchema.optional(),
  /** Agents: skills an Engine must advertise to run it; manual steps: skills of the operator who decides it. */
  requiredSkills: skillsSchema.optional(),
  /** Manual steps: the operator (by name) who decides it; only they or a supervisor may. */
  assignee: z.string().trim().min(1).max(200).optional(),
});

/** The types a declared input takes (the IT-ops template's variable types); `integer` is a whole number. */
export const INPUT_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array'] as const;
export type InputType = (typeof INPUT_TYPES)[number];

/** A variable the workflow declares: checked, and its default filled in, when a task starts. */
export const inputSchema = z.object({
  name: z.string().min(1, wordingText('SCHEMA_empty', {})).max(200),
  type: z.enum(INPUT_TYPES),
  default: z.json().optional(),
  required: z.boolean().optional(),
  description: z.string().max(2000).optional(),
});

export const workflowDefinitionSchema = z.object({
  name: z.string().min(1, wordingText('SCHEMA_empty', {})).max(500),
  description: z.string().max(10_000).optional(),
  version: z.union([z.string().max(100), z.int()]).optional(),
  variables: jsonObject.optional(),
  /** The variables a task of this workflow takes, declared with their type, default and whether they are required. */
  inputs: z.array(inputSchema).max(200).optional(),
  /** What starts a task of this workflow by itself once it is saved as a template. */
  triggers: z.array(triggerSpecSchema).max(100).optional(),
  /** The exercise's master scenario event list: what happens to a running task of this workflow, when (see inject-spec.ts). */
  injects: z.array(injectSchema).max(INJECT_LIMITS.perWorkflow).optional(),
  /** The default recovery rules: they apply to every agent that declares no onError of its own. */
  onError: onErrorSchema.optional(),
  nodes: z.array(workflowNodeSchema).min(1, 'a workflow needs at least its root container'),
});

export type DependencyDefinition = z.infer<typeof dependencySchema>;
export type WorkflowInput = z.infer<typeof inputSchema>;
export type RetryPolicy = z.infer<typeof retrySchema>;
export type Backoff = z.infer<typeof backoffSchema>;
export type OnErrorRule = z.infer<typeof onErrorRuleSchema>;
export type Pin = z.infer<typeof pinSchema>;
export type NodeLayout = z.infer<typeof layoutSchema>;
export type WorkflowNodeDefinition = z.infer<typeof workflowNodeSchema>;
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;
/** What a file or the editor hands in before validation. */
export type WorkflowDefinitionInput = z.input<typeof workflowDefinitionSchema>;

/** A node's display name: its name, its containerName, or its id. */
export function nodeDisplayName(node: Pick<WorkflowNodeDefinition, 'nodeId' | 'name' | 'containerName'>): string {
  return node.name ?? node.containerName ?? node.nodeId;
}
