import { z } from 'zod';
import { LOG_LEVELS } from '../status';

/**
 * The Engine protocol: what the console and an Engine service say to each other over
 * socket.io. Versioned; an Engine refuses a console speaking another major version.
 * Commands go console → Engine with acknowledgements and are idempotent by
 * (task, node, batch); events go Engine → console, each wrapped with a per-connection
 * increasing sequence number that the console acknowledges cumulatively.
 */
export const ENGINE_PROTOCOL_VERSION = 1;

const json = z.json();
const jsonObject = z.record(z.string(), z.json());
const taskId = z.string().regex(/^[0-9]{1,19}$/, 'must be a decimal id');
const nodeId = z.string().min(1).max(200);

/** The Deduction design's task submission (its section 5.1): `requestType: 1` and the node tree. */
export const engineNodeSchema = z.object({
  id: nodeId,
  isBox: z.boolean(),
  father: nodeId.nullable(),
  isRoot: z.boolean(),
  agentLoad: z.string().min(1).max(200).optional(),
  agentConfig: jsonObject.optional(),
  containerConfig: jsonObject.optional(),
});

export const engineTaskRequestSchema = z.object({
  requestType: z.literal(1),
  taskId,
  body: z.array(engineNodeSchema),
});

export type EngineNode = z.infer<typeof engineNodeSchema>;
export type EngineTaskRequest = z.infer<typeof engineTaskRequestSchema>;

export const nodeRefSchema = z.object({ taskId, nodeId, batch: z.int().min(0) });
export type NodeRef = z.infer<typeof nodeRefSchema>;

export const initContainerSchema = nodeRefSchema.extend({
  containerConfig: jsonObject,
});

export const startNodeSchema = nodeRefSchema.extend({
  agentLoad: z.string().min(1).max(200),
  /** The agent config with references already resolved. */
  config: jsonObject,
  /** The container the node runs in; the Engine that initialized it runs its children. */
  parentId: nodeId.nullable(),
  timeoutMs: z.int().positive().optional(),
});

export const stopNodeSchema = nodeRefSchema.extend({ reason: z.string().max(1000).optional() });
export const stopTaskSchema = z.object({ taskId, reason: z.string().max(1000).optional() });
export const queryNodeSchema = nodeRefSchema;
/** An operator's decision on a manual agent (human approval). */
export const decideManualSchema = nodeRefSchema.extend({
  approved: z.boolean(),
  operator: z.string().max(200),
  comment: z.string().max(10_000).optional(),
});

export type InitContainerCommand = z.infer<typeof initContainerSchema>;
export type StartNodeCommand = z.infer<typeof startNodeSchema>;
export type StopNodeCommand = z.infer<typeof stopNodeSchema>;
export type StopTaskCommand = z.infer<typeof stopTaskSchema>;
export type QueryNodeCommand = z.infer<typeof queryNodeSchema>;
export type DecideManualCommand = z.infer<typeof decideManualSchema>;

/** What an Engine reports of a node it ran or is running. */
export const ENGINE_NODE_STATUSES = ['initializing', 'running', 'completed', 'failed', 'stopped', 'timeout'] as const;
export type EngineNodeStatus = (typeof ENGINE_NODE_STATUSES)[number];

export const nodeStateSchema = z.object({
  /** `unknown`: the Engine has no record of this (task, node, batch). */
  status: z.enum([...ENGINE_NODE_STATUSES, 'unknown']),
  progress: z.number().min(0).max(1).optional(),
  result: json.optional(),
  errorCode: z.string().max(100).optional(),
  errorMessage: z.string().max(10_000).optional(),
  exitCode: z.int().optional(),
});
export type EngineNodeState = z.infer<typeof nodeStateSchema>;

const time = z.int().min(0);

export const nodeStatusEventSchema = nodeRefSchema.extend({
  type: z.literal('node.status'),
  status: z.enum(ENGINE_NODE_STATUSES),
  result: json.optional(),
  errorCode: z.string().max(100).optional(),
  errorMessage: z.string().max(10_000).optional(),
  exitCode: z.int().optional(),
  time,
});

export const nodeProgressEventSchema = nodeRefSchema.extend({
  type: z.literal('node.progress'),
  progress: z.number().min(0).max(1),
  message: z.string().max(10_000).optional(),
  time,
});

export const LOG_STREAMS = ['stdout', 'stderr', 'system'] as const;

export const nodeLogEventSchema = nodeRefSchema.extend({
  type: z.literal('node.log'),
  level: z.enum(LOG_LEVELS),
  stream: z.enum(LOG_STREAMS),
  source: z.string().max(200).optional(),
  message: z.string().max(65_536),
  time,
});

export const resourceSampleEventSchema = z.object({
  type: z.literal('resource.sample'),
  /** Absent for a sample of the Engine host as a whole. */
  taskId: taskId.optional(),
  nodeId: nodeId.optional(),
  batch: z.int().min(0).optional(),
  cpuPercent: z.number().min(0),
  memoryBytes: z.number().min(0),
  time,
});

export const agentCatalogEntrySchema = z.object({
  agentLoad: z.string().min(1).max(200),
  kind: z.enum(['process', 'http', 'manual', 'sim']),
  name: z.string().max(500),
  description: z.string().max(10_000).optional(),
  version: z.string().max(100).optional(),
  /** JSON Schema of the agent config, for the editor. */
  configSchema: jsonObject.optional(),
});
export type AgentCatalogEntry = z.infer<typeof agentCatalogEntrySchema>;

export const heartbeatEventSchema = z.object({
  type: z.literal('engine.heartbeat'),
  engineId: z.string().min(1).max(200),
  capacity: z.int().min(0),
  running: z.int().min(0),
  load: z.number().min(0),
  agents: z.array(agentCatalogEntrySchema),
  time,
});

export const engineEventSchema = z.discriminatedUnion('type', [
  nodeStatusEventSchema,
  nodeProgressEventSchema,
  nodeLogEventSchema,
  resourceSampleEventSchema,
  heartbeatEventSchema,
]);
export type EngineEvent = z.infer<typeof engineEventSchema>;
export type NodeStatusEvent = z.infer<typeof nodeStatusEventSchema>;
export type NodeProgressEvent = z.infer<typeof nodeProgressEventSchema>;
export type NodeLogEvent = z.infer<typeof nodeLogEventSchema>;
export type ResourceSampleEvent = z.infer<typeof resourceSampleEventSchema>;
export type HeartbeatEvent = z.infer<typeof heartbeatEventSchema>;
