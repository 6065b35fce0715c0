import { idSchema } from '../ids';
import { z } from 'zod';
import { ENDED_EXECUTION_STATUSES, LOG_CATEGORIES, LOG_LEVELS } from '../status';
import { skillsSchema } from './skills';
import { CLOCK_RATE_LIMITS } from '../clock/clock-model';

/**
 * The Engine protocol: what the console and an Engine service say to each other over
 * socket.io. Versioned; an Engine refuses a console speaking another major version.
 * Commands go console → Engine with acknowledgements and are idempotent by
 * (task, node, batch); events go Engine → console, each wrapped with a per-connection
 * increasing sequence number that the console acknowledges cumulatively.
 */
export const ENGINE_PROTOCOL_VERSION = 1;
/** The oldest console protocol version an Engine of this version still serves. */
export const ENGINE_PROTOCOL_MIN_VERSION = 1;

export function isCompatibleProtocol(version: number): boolean {
  return Number.isInteger(version) && version >= ENGINE_PROTOCOL_MIN_VERSION && version <= ENGINE_PROTOCOL_VERSION;
}

const json = z.json();
const jsonObject = z.record(z.string(), z.json());
const taskId = idSchema;
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
  /** The design's node columns the Engine may use, each present only when the workflow gives it: agents. */
  agentMetaId: idSchema.optional(),
  agentUrl: z.string().min(1).max(2000).optional(),
  /** Containers. */
  containerType: z.string().min(1).max(200).optional(),
  /** Any node. */
  envConfig: jsonObject.optional(),
  bizValue: jsonObject.optional(),
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

/**
 * Optional protocol features an Engine names in its welcome (`features`); a console uses one
 * only with an Engine that named it, and speaks the single-message forms to any other.
 * - `startMany`: the startMany command (many startNode payloads, one acknowledgement).
 * - `clock`: the setClock command and startNode's `clock` (the task's exercise clock).
 * - `pauseNode`: the pauseNode and resumeNode commands (an operator's hold of a running agent).
 */
export const ENGINE_FEATURES = ['startMany', 'clock', 'pauseNode'] as const;
export type EngineFeature = (typeof ENGINE_FEATURES)[number];

export const ENGINE_BATCH_LIMITS = {
  /** Starts in one startMany command; a console sends larger steps in several. */
  maxStartsPerCommand: 1000,
} as const;

/**
 * A task's exercise clock as an Engine keeps it: `simMs` of task time now, running at `rate`
 * times real time unless `paused`. The Engine anchors it on its own clock when it receives it,
 * so the two hosts' clocks need not agree.
 */
export const engineClockSchema = z.object({
  simMs: z.number().min(0),
  rate: z.number().min(CLOCK_RATE_LIMITS.min).max(CLOCK_RATE_LIMITS.max),
  paused: z.boolean(),
});
export type EngineClock = z.infer<typeof engineClockSchema>;

/** A change of a task's clock: agents that follow it (sim) take it at once, newly started ones by startNode's `clock`. */
export const setClockSchema = z.object({ taskId, clock: engineClockSchema });
export type SetClockCommand = z.infer<typeof setClockSchema>;

export const startNodeSchema = nodeRefSchema.extend({
  agentLoad: z.string().min(1).max(200),
  /** The agent config with references already resolved. */
  config: jsonObject,
  /** The container the node runs in; the Engine that initialized it runs its children. */
  parentId: nodeId.nullable(),
  timeoutMs: z.int().positive().optional(),
  /** Skills the Engine must advertise to run the node; one without them refuses it with MISSING_SKILL. */
  requiredSkills: skillsSchema.optional(),
  /** The node's priority, as the console placed it; an Engine may ignore it. */
  priority: z.int().optional(),
  /** The task's exercise clock when the node starts; absent: real time. */
  clock: engineClockSchema.optional(),
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

/** A message to a running agent (an inject's); agents that handle messages take it, others refuse it as NOT_HANDLED. */
export const messageNodeSchema = nodeRefSchema.extend({
  message: json,
  /** Who sends it, for the agent's log: an inject's id. */
  from: z.string().max(200).optional(),
});

/**
 * Many starts in one message (the `startMany` feature): what one scheduler step committed goes
 * out together instead of one message and one acknowledgement per node. Each start is carried
 * out as if sent alone; the acknowledgement answers each in order (`results`).
 */
export const startManySchema = z.object({ nodes: z.array(startNodeSchema).min(1).max(ENGINE_BATCH_LIMITS.maxStartsPerCommand) });

/**
 * Pauses one running execution where its agent can pause (its work and its timeout wait), or
 * refuses with CANNOT_PAUSE and the reason; resumeNode lets it go on. Both are idempotent: a
 * paused execution paused again, or a running one resumed, is acknowledged as it is.
 */
export const pauseNodeSchema = nodeRefSchema;
export const resumeNodeSchema = nodeRefSchema;

export type InitContainerCommand = z.infer<typeof initContainerSchema>;
export type StartNodeCommand = z.infer<typeof startNodeSchema>;
export type StartManyCommand = z.infer<typeof startManySchema>;
export type StopNodeCommand = z.infer<typeof stopNodeSchema>;
export type StopTaskCommand = z.infer<typeof stopTaskSchema>;
export type QueryNodeCommand = z.infer<typeof queryNodeSchema>;
export type DecideManualCommand = z.infer<typeof decideManualSchema>;
export type MessageNodeCommand = z.infer<typeof messageNodeSchema>;

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

/**
 * The Engine that sent an event and the event's sequence number in its stream. The console
 * stamps both on every node event and sample it ingests (whatever the Engine wrote there), so
 * the scheduler can record where each execution ran and log lines keep the Engine's order.
 */
const engineIdField = z.string().min(1).max(200).optional();
const seqField = z.int().positive().optional();

export const nodeStatusEventSchema = nodeRefSchema.extend({
  type: z.literal('node.status'),
  engineId: engineIdField,
  seq: seqField,
  status: z.enum(ENGINE_NODE_STATUSES),
  result: json.optional(),
  errorCode: z.string().max(100).optional(),
  errorMessage: z.string().max(10_000).optional(),
  exitCode: z.int().optional(),
  time,
});

export const nodeProgressEventSchema = nodeRefSchema.extend({
  type: z.literal('node.progress'),
  engineId: engineIdField,
  seq: seqField,
  progress: z.number().min(0).max(1),
  message: z.string().max(10_000).optional(),
  time,
});

export const LOG_STREAMS = ['stdout', 'stderr', 'system'] as const;

/** The most JSON text a log line's extra data may take; the agent line protocol refuses more. */
export const LOG_EXTRA_MAX_CHARS = 16_384;

export const logExtraSchema = z.record(z.string(), z.json(), { error: 'must be a JSON object' }).refine((extra) => JSON.stringify(extra).length <= LOG_EXTRA_MAX_CHARS, {
  message: `must be at most ${LOG_EXTRA_MAX_CHARS} characters as JSON`,
});

export const nodeLogEventSchema = nodeRefSchema.extend({
  type: z.literal('node.log'),
  engineId: engineIdField,
  seq: seqField,
  level: z.enum(LOG_LEVELS),
  stream: z.enum(LOG_STREAMS),
  source: z.string().max(200).optional(),
  message: z.string().max(65_536),
  /**
   * The line's number within its run of (task, node, batch), from 1. A batch run again under
   * the same number (after the Engine restarted) counts from 1 again, so the console keeps
   * only lines beyond those it already holds.
   */
  line: z.int().positive().optional(),
  /** What the line is about; absent: system for the system stream, execution otherwise. */
  category: z.enum(LOG_CATEGORIES).optional(),
  /** Structured data the agent attached to the line (node_execution_log.extra_data). */
  extra: logExtraSchema.optional(),
  time,
});

export const resourceSampleEventSchema = z.object({
  type: z.literal('resource.sample'),
  engineId: engineIdField,
  seq: seqField,
  /** Absent for a sample of the Engine host as a whole. */
  taskId: taskId.optional(),
  nodeId: nodeId.optional(),
  batch: z.int().min(0).optional(),
  cpuPercent: z.number().min(0),
  memoryBytes: z.number().min(0),
  time,
});

/** How an Engine runs an agent load; the editor's palette groups the catalog in this order. */
export const AGENT_KINDS = ['sim', 'process', 'http', 'manual'] as const;
export type AgentKind = (typeof AGENT_KINDS)[number];

/**
 * What an agent's manifest says in one more language: its name, its description and the
 * descriptions of its config fields (by property name of `configSchema`).
 */
export const agentTranslationSchema = z.object({
  name: z.string().max(500).optional(),
  description: z.string().max(10_000).optional(),
  fields: z.record(z.string().max(200), z.string().max(10_000)).optional(),
});
export type AgentTranslation = z.infer<typeof agentTranslationSchema>;

export const agentCatalogEntrySchema = z.object({
  agentLoad: z.string().min(1).max(200),
  kind: z.enum(AGENT_KINDS),
  name: z.string().max(500),
  description: z.string().max(10_000).optional(),
  /** By language tag (`zh-CN`, `zh`, `en`…); a console shows the one of its language, else the fields above. */
  translations: z.record(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as zh-CN'), agentTranslationSchema).optional(),
  version: z.string().max(100).optional(),
  /** JSON Schema of the agent config, for the editor. */
  configSchema: jsonObject.optional(),
  /** Config values the agent uses where the node's config is silent. */
  defaults: jsonObject.optional(),
});
export type AgentCatalogEntry = z.infer<typeof agentCatalogEntrySchema>;

export const heartbeatEventSchema = z.object({
  type: z.literal('engine.heartbeat'),
  engineId: z.string().min(1).max(200),
  capacity: z.int().min(0),
  running: z.int().min(0),
  load: z.number().min(0),
  agents: z.array(agentCatalogEntrySchema),
  /** Tags beyond the agent loads (gpu, linux…) that nodes may require. */
  skills: skillsSchema.optional(),
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

/* ------------------------------------------------------------------------------------------
 * The wire: socket.io event names, the handshake, command and event envelopes, acks.
 * ---------------------------------------------------------------------------------------- */

/** socket.io event names of the protocol; nothing else is spoken on an Engine socket. */
export const ENGINE_SOCKET = {
  /** Engine → console, once per connection before any events: who the Engine is. */
  welcome: 'engine:welcome',
  /** console → Engine, with an acknowledgement callback. */
  command: 'engine:command',
  /** Engine → console: a batch of sequenced events. */
  events: 'engine:events',
  /** console → Engine: every event up to `seq` of `stream` is ingested. */
  ack: 'engine:ack',
} as const;

/** Limits both sides enforce; an event beyond them is logged and ignored, never ingested. */
export const ENGINE_LIMITS = {
  maxEventsPerEnvelope: 1000,
  /** Serialized size of one event; a log line's message is capped far below by its schema. */
  maxEventBytes: 1024 * 1024,
  /** Largest socket.io message an Engine accepts (a submitted task tree fits). */
  maxCommandBytes: 16 * 1024 * 1024,
} as const;

const sessionId = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'must be 8–100 letters, digits, _ or -');

/**
 * socket.io `auth` of the handshake. `consoleSession` names the console (stable across its
 * restarts), so the Engine hands the events it kept for that console back to it and to no other.
 */
export const engineHandshakeSchema = z.object({
  protocol: z.int(),
  token: z.string().max(4096),
  consoleSession: sessionId,
  consoleName: z.string().max(200).optional(),
});
export type EngineHandshake = z.infer<typeof engineHandshakeSchema>;

/** Why an Engine refused a handshake; sent as the `data` of socket.io's connect_error. */
export const HANDSHAKE_REFUSALS = ['UNAUTHORIZED', 'INCOMPATIBLE_PROTOCOL', 'INVALID_HANDSHAKE'] as const;
export const handshakeRefusalSchema = z.object({
  code: z.enum(HANDSHAKE_REFUSALS),
  engineProtocol: z.int().optional(),
  engineMinProtocol: z.int().optional(),
});
export type HandshakeRefusal = z.infer<typeof handshakeRefusalSchema>;

export const engineWelcomeSchema = z.object({
  protocol: z.int(),
  engineId: z.string().min(1).max(200),
  /** Random per Engine process: a different run after a reconnect means the Engine restarted. */
  engineRun: sessionId,
  /**
   * This console's event stream on this Engine run; sequence numbers count within it and the
   * console keeps its cursor per (engineId, stream).
   */
  stream: z.string().min(1).max(250),
  /** The highest sequence number the Engine holds as acknowledged for this stream. */
  ackedSeq: z.int().min(0),
  capacity: z.int().min(0),
  running: z.int().min(0),
  agents: z.array(agentCatalogEntrySchema),
  /** Tags beyond the agent loads (gpu, linux…) that nodes may require. */
  skills: skillsSchema.optional(),
  /** Optional features this Engine serves (ENGINE_FEATURES; unknown names are ignored); absent on older Engines. */
  features: z.array(z.string().max(100)).max(100).optional(),
  time,
});
export type EngineWelcome = z.infer<typeof engineWelcomeSchema>;

export const sequencedEventSchema = z.object({ seq: z.int().positive(), event: z.unknown() });

/** Events are validated one by one after the envelope, so one bad event spoils no other. */
export const eventEnvelopeSchema = z.object({
  stream: z.string().min(1).max(250),
  events: z.array(sequencedEventSchema).min(1).max(ENGINE_LIMITS.maxEventsPerEnvelope),
});
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

export const eventAckSchema = z.object({ stream: z.string().min(1).max(250), seq: z.int().min(0) });
export type EventAck = z.infer<typeof eventAckSchema>;

/** Commands by name; each is idempotent by (task, node, batch) (submit and stop task: by task). */
export const engineCommandSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('submitTask'), payload: engineTaskRequestSchema }),
  z.object({ name: z.literal('initContainer'), payload: initContainerSchema }),
  z.object({ name: z.literal('startNode'), payload: startNodeSchema }),
  z.object({ name: z.literal('startMany'), payload: startManySchema }),
  z.object({ name: z.literal('stopNode'), payload: stopNodeSchema }),
  z.object({ name: z.literal('stopTask'), payload: stopTaskSchema }),
  z.object({ name: z.literal('queryNode'), payload: queryNodeSchema }),
  z.object({ name: z.literal('decideManual'), payload: decideManualSchema }),
  z.object({ name: z.literal('messageNode'), payload: messageNodeSchema }),
  z.object({ name: z.literal('setClock'), payload: setClockSchema }),
  z.object({ name: z.literal('pauseNode'), payload: pauseNodeSchema }),
  z.object({ name: z.literal('resumeNode'), payload: resumeNodeSchema }),
  /** Measures latency; the ack carries the Engine's time. */
  z.object({ name: z.literal('ping'), payload: z.object({}) }),
]);
export type EngineCommand = z.infer<typeof engineCommandSchema>;
export type EngineCommandName = EngineCommand['name'];

/** Why a command was refused (or, console-side, could not be delivered). */
export const ENGINE_ERROR_CODES = [
  'INVALID_COMMAND',
  'UNSUPPORTED_AGENT',
  /** The Engine lacks a skill the node requires (startNode's requiredSkills). */
  'MISSING_SKILL',
  'AT_CAPACITY',
  'UNKNOWN_NODE',
  'NOT_MANUAL',
  'ALREADY_DECIDED',
  /** messageNode: the node's agent does not handle messages. */
  'NOT_HANDLED',
  /** pauseNode: this execution's agent cannot pause (the message says why), or it is not running. */
  'CANNOT_PAUSE',
  'CONFLICT',
  'INTERNAL',
  /** Console-side: no acknowledgement within the command timeout. */
  'TIMEOUT',
  /** Console-side: the Engine is unreachable and its nodes were declared lost. */
  'ENGINE_LOST',
  /** Console-side: the Engine refused the handshake (token or protocol version). */
  'REFUSED',
  /** Console-side: no connected Engine offers the agent load. */
  'NO_ENGINE',
  /** Console-side: the acknowledgement did not match the protocol. */
  'PROTOCOL',
  /** Console-side: the client was closed. */
  'CLOSED',
] as const;
export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

/** Codes where repeating the same command later may succeed. */
export const RETRYABLE_ENGINE_ERRORS: readonly EngineErrorCode[] = ['AT_CAPACITY', 'TIMEOUT', 'ENGINE_LOST', 'NO_ENGINE', 'INTERNAL'];

const commandErrorSchema = z.object({ code: z.enum(ENGINE_ERROR_CODES), message: z.string().max(10_000) });

/** startMany's answer for one of its starts: what a startNode acknowledgement would have said. */
export const startResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), duplicate: z.boolean().optional() }),
  z.object({ ok: z.literal(false), error: commandErrorSchema }),
]);
export type StartResult = z.infer<typeof startResultSchema>;

export const commandAckSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** startMany's answers, one per start in the order sent. */
    results: z.array(startResultSchema).max(ENGINE_BATCH_LIMITS.maxStartsPerCommand).optional(),
    /** The Engine already had this (task, node, batch); nothing new was started. */
    duplicate: z.boolean().optional(),
    /** queryNode's answer. */
    state: nodeStateSchema.optional(),
    /** The Engine's clock, for ping. */
    time: time.optional(),
    /** setClock's answer: the task's running agents on this Engine that keep real time. */
    notHonouring: z.array(z.object({ nodeId, batch: z.int().min(0), agentLoad: z.string().max(200), kind: z.string().max(100) })).max(100_000).optional(),
  }),
  z.object({
    ok: z.literal(false),
    error: commandErrorSchema,
  }),
]);
export type CommandAck = z.infer<typeof commandAckSchema>;

/** `errorCode` values of failed, timed-out and stopped node.status events. */
export const NODE_ERROR_CODES = {
  /** The Engine running the node became unreachable or restarted. */
  engineLost: 'ENGINE_LOST',
  timeout: 'TIMEOUT',
  stopped: 'STOPPED',
  exitCode: 'EXIT_CODE',
  spawnFailed: 'SPAWN_FAILED',
  httpStatus: 'HTTP_STATUS',
  httpError: 'HTTP_ERROR',
  httpTimeout: 'HTTP_TIMEOUT',
  rejected: 'REJECTED',
  deadline: 'MANUAL_DEADLINE',
  simulated: 'SIMULATED_FAILURE',
  invalidConfig: 'INVALID_CONFIG',
  containerFailed: 'CONTAINER_FAILED',
  agentError: 'AGENT_ERROR',
  /** The Engine's command policy does not allow the program; nothing was started. */
  commandRefused: 'COMMAND_REFUSED',
  /** An environment variable the Engine never lets a workflow set (NODE_OPTIONS, LD_PRELOAD…). */
  envRefused: 'ENV_REFUSED',
  /** The script's interpreter is not installed on the Engine's host. */
  interpreterUnavailable: 'INTERPRETER_UNAVAILABLE',
  /** A docker run was asked for, and the Engine's host has no docker (or no daemon). */
  dockerUnavailable: 'DOCKER_UNAVAILABLE',
} as const;

/** The Engine reports no status after one of these: the execution has ended. */
export const TERMINAL_ENGINE_STATUSES: readonly EngineNodeStatus[] = ENDED_EXECUTION_STATUSES;
