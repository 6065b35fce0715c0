import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { AlertKind, AlertSeverity, AlertState } from '../../../shared/api/alerts';
import type { EnvironmentStatus } from '../../../shared/environments/environments';
import type { SchemeStatus } from '../../../shared/environments/schemes';
import type { Id } from '../../../shared/ids';
import type { TemplateStatus } from '../../../shared/workflow/templates';
import type { BookmarkKind } from '../../../shared/review/bookmarks';
import type { InjectState } from '../../../shared/injects/inject-spec';
import type { ClockAction, TimeBase } from '../../../shared/clock/clock-model';
import type { BalancingStrategy } from '../../../shared/engine/endpoints';
import type { AssigneeSource } from '../../../shared/task/assignment';
import type { TriggerKind } from '../../../shared/triggers/trigger-spec';
import type {
  DependencyType,
  ExecutionStatus,
  JoinMode,
  LogCategory,
  LogLevel,
  LogType,
  NodeKind,
  NodeStatus,
  NodeType,
  TaskStatus,
  TriggerType,
} from '../../../shared/status';

/**
 * Typed tables for kysely, one interface per table of migrations/. Ids are decimal strings
 * (see shared/ids.ts); the store converts SQLite's 64-bit integers on the way out.
 * JSON columns hold JSON text.
 */
type Json = string;
type Millis = number;
type WithDefault<T> = ColumnType<T, T | undefined, T>;
/** An id the core generates as a bigint (store.ids) and writes as one; read back as a decimal string. */
type GeneratedId = ColumnType<Id, Id | bigint, Id | bigint>;

export interface SchemeTable {
  id: Id;
  scheme_name: string;
  description: string | null;
  config: WithDefault<Json>;
  created_by: string | null;
  created_at: Millis;
  updated_at: Millis;
  status: WithDefault<SchemeStatus>;
}

export type EngineStrategy = BalancingStrategy;

export interface EnvInstanceTable {
  id: Id;
  env_name: string;
  description: string | null;
  engines: WithDefault<Json>;
  strategy: WithDefault<EngineStrategy>;
  status: WithDefault<EnvironmentStatus>;
  created_at: Millis;
  updated_at: Millis;
}

export interface AgentMetaTable {
  id: Id;
  agent_load: string;
  agent_kind: string;
  agent_name: string;
  description: string | null;
  version: string | null;
  config_schema: Json | null;
  engine_ids: WithDefault<Json>;
  created_at: Millis;
  updated_at: Millis;
}

export interface WorkflowTemplateTable {
  id: Id;
  name: string;
  version: number;
  description: string | null;
  definition: Json;
  created_by: string | null;
  created_at: Millis;
  /** The template name's status and tags (a JSON array), the same on every version; see migrations/014. */
  status: WithDefault<TemplateStatus>;
  tags: WithDefault<Json>;
}

export interface DeductionTaskTable {
  id: GeneratedId;
  task_name: string;
  scheme_id: Id | null;
  env_instance_id: Id | null;
  template_id: Id | null;
  status: WithDefault<TaskStatus>;
  variables: WithDefault<Json>;
  root_node_id: string;
  total_nodes: WithDefault<number>;
  total_containers: WithDefault<number>;
  total_agents: WithDefault<number>;
  completed_nodes: WithDefault<number>;
  failed_nodes: WithDefault<number>;
  running_nodes: WithDefault<number>;
  skipped_nodes: WithDefault<number>;
  error_message: string | null;
  created_by: string | null;
  start_time: Millis | null;
  end_time: Millis | null;
  created_at: Millis;
  updated_at: Millis;
  /** Set on a task imported from a run bundle: history, never scheduled (see migrations/006). */
  imported_at: Millis | null;
  import_digest: string | null;
  description: string | null;
  /** The id the Engine knows the task by, and the URL of the Engine it was submitted to (NULL for the in-process Engine); see migrations/007. */
  engine_task_id: string | null;
  engine_url: string | null;
  /** Set while the task is archived: out of the default task list, kept whole (migrations/014). */
  archived_at: Millis | null;
  /** When the task should have ended by, if it has a deadline (migrations/019). */
  deadline: Millis | null;
}

/** deduction_task.workflow_snapshot of the design, kept one-to-one beside the task row. */
export interface DeductionTaskSnapshotTable {
  task_id: GeneratedId;
  workflow_snapshot: Json;
}

export interface WorkflowNodeTable {
  id: Id;
  task_id: Id;
  node_id: string;
  node_type: NodeType;
  node_name: string | null;
  parent_node_id: string | null;
  is_root: WithDefault<0 | 1>;
  level: WithDefault<number>;
  agent_load: string | null;
  agent_config: Json | null;
  container_config: Json | null;
  join_mode: WithDefault<JoinMode>;
  priority: WithDefault<number>;
  retry_policy: Json | null;
  timeout_ms: number | null;
  pin: Json | null;
  activation: Json | null;
  status: WithDefault<NodeStatus>;
  current_batch: WithDefault<number>;
  engine_id: string | null;
  progress: WithDefault<number>;
  result: Json | null;
  error_code: string | null;
  error_message: string | null;
  not_before: Millis | null;
  ready_time: Millis | null;
  start_time: Millis | null;
  end_time: Millis | null;
  created_at: Millis;
  updated_at: Millis;
  agent_meta_id: Id | null;
  agent_url: string | null;
  container_type: string | null;
  env_config: Json | null;
  biz_value: Json | null;
  kind: NodeKind | null;
  /** Migration 012. */
  required_skills: Json | null;
  assignee: string | null;
}

export interface NodeDependencyTable {
  id: Id;
  task_id: Id;
  node_id: string;
  source_node_id: string;
  dependency_type: WithDefault<DependencyType>;
  condition: Json | null;
  created_at: Millis;
}

export interface NodeExecutionTable {
  id: Id;
  task_id: Id;
  node_id: string;
  batch: number;
  engine_id: string | null;
  status: WithDefault<ExecutionStatus>;
  resolved_config: Json | null;
  result: Json | null;
  progress: WithDefault<number>;
  exit_code: number | null;
  error_code: string | null;
  error_message: string | null;
  start_time: Millis | null;
  end_time: Millis | null;
  duration_ms: number | null;
  created_at: Millis;
  updated_at: Millis;
  /** See migrations/008 for what these hold and their units. */
  engine_node_id: string | null;
  queue_time_ms: number | null;
  managed_nodes_total: number | null;
  managed_nodes_completed: number | null;
  /** Percent of one core. */
  cpu_peak: number | null;
  cpu_mean: number | null;
  /** MB (MiB). */
  memory_peak: number | null;
  memory_mean: number | null;
}

export interface NodeExecutionLogTable {
  id: Id;
  task_id: Id;
  node_id: string;
  execution_id: Id | null;
  batch: number | null;
  engine_id: string | null;
  seq: number | null;
  log_level: WithDefault<LogLevel>;
  log_type: WithDefault<LogType>;
  source: string | null;
  message: string;
  log_time: Millis;
  created_at: Millis;
  /** The line's number within its execution run, when the Engine numbers lines. */
  line: number | null;
  /** The design's log type (log_type here says which stream the line came from). */
  log_category: WithDefault<LogCategory>;
  /** A JSON object the agent attached to the line. */
  extra_data: Json | null;
}

export interface NodeStateTransitionTable {
  id: Id;
  task_id: Id;
  node_id: string;
  batch: WithDefault<number>;
  from_status: NodeStatus | null;
  to_status: NodeStatus;
  reason: string | null;
  trigger_type: TriggerType;
  operator: string | null;
  created_at: Millis;
}

export interface ResourceSampleTable {
  id: Id;
  task_id: Id | null;
  node_id: string | null;
  batch: number | null;
  engine_id: string;
  cpu_percent: number;
  memory_bytes: number;
  sample_time: Millis;
}

export interface EngineCursorTable {
  engine_id: string;
  session_id: string;
  last_seq: number;
  updated_at: Millis;
}

/** One row (id 1): this console's session id towards Engines. */
export interface EngineConsoleTable {
  id: Id;
  session_id: string;
  created_at: Millis;
}

export interface AppSettingTable {
  key: string;
  value: Json;
  updated_at: Millis;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Millis;
  app_version: string;
}

export type ProcessRole = 'scheduler' | 'watcher' | 'runner';

export interface ConsoleProcessTable {
  owner_id: string;
  pid: number;
  host: string;
  command: string;
  role: ProcessRole;
  started_at: Millis;
  heartbeat_at: Millis;
}

export interface TaskOwnerTable {
  task_id: Id;
  owner_id: string;
  claimed_at: Millis;
}

/** Alerts that persist (migrations/013); states and severities are src/shared/api/alerts.ts's lists. */
export interface AlertTable {
  id: GeneratedId;
  rule: AlertKind;
  severity: AlertSeverity;
  escalation_level: WithDefault<number>;
  state: WithDefault<AlertState>;
  condition_key: string;
  task_id: Id | null;
  node_id: string | null;
  engine_id: string | null;
  params: WithDefault<Json>;
  fire_count: WithDefault<number>;
  raised_at: Millis;
  last_fired_at: Millis;
  acknowledged_by: string | null;
  acknowledged_at: Millis | null;
  resolved_by: string | null;
  resolved_at: Millis | null;
  escalated_at: Millis | null;
  notify_error: string | null;
}

/** A backup the schedule or "back up now" wrote; a scheduled one claims its slot (migrations/014). */
export interface BackupRunTable {
  id: GeneratedId;
  slot: string | null;
  file: string | null;
  started_at: Millis;
  finished_at: Millis | null;
  bytes: number | null;
  sha256: string | null;
  verified: WithDefault<0 | 1>;
  error: string | null;
  claimed_by: string;
}

export interface NodeAssignmentTable {
  id: GeneratedId;
  task_id: Id;
  node_id: string;
  batch: number;
  engine_id: string;
  strategy: BalancingStrategy;
  score: number | null;
  candidates: WithDefault<Json>;
  created_at: Millis;
}

export interface OperatorTable {
  id: GeneratedId;
  name: string;
  skills: WithDefault<Json>;
  supervisor: WithDefault<0 | 1>;
  created_at: Millis;
  updated_at: Millis;
}

export type TriggerSource = 'declared' | 'manual';
export type TriggerFiringOutcome = 'started' | 'missed' | 'failed';

/** What starts a task of a template by itself; see migrations/011. */
export interface WorkflowTriggerTable {
  id: GeneratedId;
  template_name: string;
  kind: TriggerKind;
  spec: Json;
  source: WithDefault<TriggerSource>;
  owner: string | null;
  paused: WithDefault<0 | 1>;
  next_fire_at: Millis | null;
  checked_until: Millis | null;
  last_fired_at: Millis | null;
  last_task_id: Id | null;
  last_error: string | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface ManualAssignmentTable {
  id: GeneratedId;
  task_id: Id;
  node_id: string;
  batch: number;
  assignee: string | null;
  source: AssigneeSource;
  required_skills: WithDefault<Json>;
  created_at: Millis;
}

export interface TriggerFiringTable {
  id: GeneratedId;
  trigger_id: Id;
  fired_at: Millis;
  due_at: Millis | null;
  outcome: TriggerFiringOutcome;
  missed: WithDefault<number>;
  task_id: Id | null;
  detail: string | null;
}

/** Bookmarks and annotations of the after-action review; see migrations/015. */
export interface TaskBookmarkTable {
  id: Id;
  task_id: Id;
  kind: BookmarkKind;
  task_time_ms: number;
  node_id: string | null;
  text: string;
  author: string | null;
  created_at: Millis;
}

/** Injects that fired, one row per (task, inject); see migrations/018. */
export interface TaskInjectFireTable {
  id: Id;
  task_id: Id;
  inject_id: string;
  state: Exclude<InjectState, 'pending'> | 'requested';
  fired_at: Millis;
  task_time_ms: number;
  /** Who fired it by hand; null when its moment fired it. */
  operator: string | null;
  detail: string | null;
}

/** The exercise clock of a task and its audited changes; see migrations/017. */
export interface TaskClockTable {
  task_id: Id;
  time_base: TimeBase;
  sim_ms: number;
  wall_ms: Millis;
  rate: number;
  paused: 0 | 1;
  updated_at: Millis;
}

export interface TaskClockChangeTable {
  id: Id;
  task_id: Id;
  action: ClockAction;
  operator: string | null;
  at_ms: Millis;
  step_ms: number | null;
  old_sim_ms: number;
  old_rate: number;
  old_paused: 0 | 1;
  new_sim_ms: number;
  new_rate: number;
  new_paused: 0 | 1;
}

export interface Database {
  scheme: SchemeTable;
  env_instance: EnvInstanceTable;
  agent_meta: AgentMetaTable;
  workflow_template: WorkflowTemplateTable;
  deduction_task: DeductionTaskTable;
  deduction_task_snapshot: DeductionTaskSnapshotTable;
  workflow_node: WorkflowNodeTable;
  node_dependency: NodeDependencyTable;
  node_execution: NodeExecutionTable;
  node_execution_log: NodeExecutionLogTable;
  node_state_transition: NodeStateTransitionTable;
  resource_sample: ResourceSampleTable;
  engine_cursor: EngineCursorTable;
  engine_console: EngineConsoleTable;
  app_setting: AppSettingTable;
  console_process: ConsoleProcessTable;
  task_owner: TaskOwnerTable;
  alert: AlertTable;
  node_assignment: NodeAssignmentTable;
  operator: OperatorTable;
  manual_assignment: ManualAssignmentTable;
  schema_migration: SchemaMigrationTable;
  backup_run: BackupRunTable;
  workflow_trigger: WorkflowTriggerTable;
  trigger_firing: TriggerFiringTable;
  task_bookmark: TaskBookmarkTable;
  task_inject_fire: TaskInjectFireTable;
  task_clock: TaskClockTable;
  task_clock_change: TaskClockChangeTable;
}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
export type RowUpdate<T extends keyof Database> = Updateable<Database[T]>;
