import type { Id } from '../../../shared/ids';
import { isActiveNodeStatus, isEndedExecutionStatus, isNotStartedNodeStatus, type JoinMode, type NodeStatus, type NodeType } from '../../../shared/status';
import type { Pin, RetryPolicy } from '../../../shared/workflow/definition';
import { ExecutionUsage } from '../resources/execution-usage';
import type { Store } from '../store/store';
import type { SchedulerState } from './state';
import { moveChild, moveCounters } from './counters';
import { evaluateEdge } from '../../../shared/dependency/evaluator';
import { containsReference, type JsonObject } from './references';
import { RtEdge, RtExecution, RtNode, TaskImage } from './task-image';
import { attach } from './on-error';
import { RULE_REASON_PATTERN, chooseRule, effectiveRules, handlerNodeIds, type EffectiveRules } from '../../../shared/workflow/on-error';
import type { NormalizedWorkflowDefinition } from '../../../shared/workflow/normalized';

/**
 * A task's nodes as arrays rather than objects: a 10,000-node task reads in a third of the time
 * without a property map per row. Integers arrive as bigint (the connection runs with safe
 * integers), the row id staying one.
 */
const NODE_QUERY = `SELECT id, node_id, node_type, node_name, parent_node_id, level, join_mode, priority, agent_load, agent_config,
  container_config, retry_policy, timeout_ms, pin, activation, status, current_batch, progress, result, error_code,
  error_message, engine_id, not_before, ready_time, start_time, end_time, required_skills
  FROM workflow_node WHERE task_id = ? ORDER BY id`;

type Text = string | null;
type Int = bigint | null;
type NodeRow = [
  rowId: bigint,
  nodeId: string,
  type: NodeType,
  name: Text,
  parentId: Text,
  level: bigint,
  join: JoinMode,
  priority: bigint,
  agentLoad: Text,
  agentConfig: Text,
  containerConfig: Text,
  retryPolicy: Text,
  timeoutMs: Int,
  pin: Text,
  activation: Text,
  status: NodeStatus,
  batch: bigint,
  progress: number,
  result: Text,
  errorCode: Text,
  errorMessage: Text,
  engineId: Text,
  notBefore: Int,
  readyTime: Int,
  startTime: Int,
  endTime: Int,
  requiredSkills: Text,
];

/** The columns from `status` on: what the scheduler changes. */
type StateColumns = [NodeStatus, bigint, number, Text, Text, Text, Text, Int, Int, Int, Int];

const numberOrNull = (value: Int): number | null => (value === null ? null : Number(value));

/**
 * Builds a task's in-memory image from the store: nodes, both tree directions, edges indexed
 * by source and target with their states counted, container children counts, task counters,
 * each node's current execution, and what the transition history says of retries spent and of
 * operator-forced starts. Runs once per task (at start, after a restart, or when an operator
 * acts on a task that had ended), never per event.
 */
export function loadTask(store: Store, taskId: Id): TaskImage | undefined {
  const taskRow = store.first(store.kysely.selectFrom('deduction_task').selectAll().where('id', '=', taskId));
  if (!taskRow) return undefined;
  const task = new TaskImage(taskRow.id, taskRow.task_name, parseJson(taskRow.variables) as JsonObject);
  task.status = taskRow.status;
  task.startTime = taskRow.start_time;
  task.endTime = taskRow.end_time;
  task.errorMessage = taskRow.error_message;
  task.engineTaskId = taskRow.engine_task_id;
  task.engineUrl = taskRow.engine_url;

  const rules = recoveryRules(store, taskId);
  const parents: [RtNode, string | null][] = [];
  for (const row of store.db.prepare(NODE_QUERY).raw().all(BigInt(taskId)) as NodeRow[]) {
    const [rowId, nodeId, type, name, parentId, level, join, priority, agentLoad, agentConfig, containerConfig, retryPolicy, timeoutMs, pin, activation] = row;
    const [status, batch, progress, result, errorCode, errorMessage, engineId, notBefore, readyTime, startTime, endTime] = row.slice(15, 26) as StateColumns;
    const config = (type === 'agent' ? agentConfig : containerConfig) ?? null;
    const parsedConfig = config === null ? undefined : (parseJson(config) as JsonObject);
    const node = new RtNode(task, {
      rowId,
      nodeId,
      type,
      name,
      level: Number(level),
      join,
      priority: Number(priority),
      agentLoad,
      config: parsedConfig,
      configText: config ?? '{}',
      hasReferences: parsedConfig !== undefined && containsReference(parsedConfig),
      retry: retryPolicy === null ? undefined : (parseJson(retryPolicy) as RetryPolicy),
      timeoutMs: numberOrNull(timeoutMs),
      pin: pin === null ? undefined : (parseJson(pin) as Pin),
      activation: activation === null ? undefined : parseJson(activation),
      ...(type === 'agent' && rules && { onError: effectiveRules(rules.byNode.get(nodeId), rules.workflow), isHandler: rules.handlers.has(nodeId) }),
      requiredSkills: row[26] === null ? [] : (parseJson(row[26]) as string[]),
    });
    node.status = status;
    node.scope.status = status;
    node.batch = Number(batch);
    node.progress = progress;
    node.resultText = result;
    node.result = result === null ? undefined : parseJson(result);
    node.scope.result = node.result;
    node.errorCode = errorCode;
    node.errorMessage = errorMessage;
    node.engineId = engineId;
    node.notBefore = numberOrNull(notBefore);
    node.readyTime = numberOrNull(readyTime);
    node.startTime = numberOrNull(startTime);
    node.endTime = numberOrNull(endTime);
    task.add(node);
    parents.push([node, parentId]);
    moveCounters(task.counters, null, node.status);
  }
  for (const [node, parentId] of parents) {
    if (parentId === null) {
      task.root = node;
      continue;
    }
    const parent = task.nodes.get(parentId)!;
    node.parent = parent;
    parent.children.push(node);
    moveChild(parent, null, node.status);
    if (node.isHandler && node.status === 'pending') parent.idleHandlers++;
  }

  const dependencies = store.all(
    store.kysely.selectFrom('node_dependency').select(['node_id', 'source_node_id', 'dependency_type', 'condition']).where('task_id', '=', taskId).orderBy('id'),
  );
  for (const row of dependencies) {
    const source = task.nodes.get(row.source_node_id)!;
    const target = task.nodes.get(row.node_id)!;
    const edge = new RtEdge(source, target, row.dependency_type, row.condition === null ? undefined : parseJson(row.condition));
    const outcome = evaluateEdge({ type: edge.type, source: source.status, condition: edge.condition, result: source.result }, task.variables);
    edge.state = outcome.state;
    edge.error = outcome.error;
    if (outcome.state === 'satisfied') target.satisfied++;
    else if (outcome.state === 'unsatisfiable') target.unsatisfiable++;
    source.out.push(edge);
    target.deps.push(edge);
  }

  loadExecutions(store, task);
  loadHistory(store, task);
  if (rules) relinkRecoveries(task);
  return task;
}

interface TaskRules {
  workflow: EffectiveRules['rules'] | undefined;
  byNode: Map<string, EffectiveRules['rules']>;
  handlers: Set<string>;
}

/** The onError rules live in the task's workflow snapshot only; most tasks have none, and skip the parse. */
function recoveryRules(store: Store, taskId: Id): TaskRules | undefined {
  const row = store.first(store.kysely.selectFrom('deduction_task_snapshot').select('workflow_snapshot').where('task_id', '=', taskId));
  if (!row || !row.workflow_snapshot.includes('"onError"')) return undefined;
  const definition = parseJson(row.workflow_snapshot) as NormalizedWorkflowDefinition;
  const byNode = new Map<string, EffectiveRules['rules']>();
  for (const node of definition.nodes) if (node.onError !== undefined) byNode.set(node.nodeId, node.onError);
  return { workflow: definition.onError, byNode, handlers: handlerNodeIds(definition) };
}

/**
 * A running agent whose execution has ended waits for the handler its rule invoked: the rule
 * is chosen again from the stored error code (the choice is a pure function of the two), and
 * the handler learns again which failure it handles.
 */
function relinkRecoveries(task: TaskImage): void {
  for (const node of task.nodes.values()) {
    const execution = node.exec;
    if (node.type !== 'agent' || node.status !== 'running' || !execution || (execution.status !== 'failed' && execution.status !== 'timeout')) continue;
    const chosen = chooseRule(node.onError, execution.errorCode ?? '');
    const handler = chosen?.rule.action === 'handler' ? task.nodes.get(chosen.rule.handlerNodeId!) : undefined;
    if (chosen && handler) attach(node, handler, chosen, execution.errorCode ?? '', execution.errorMessage ?? '');
  }
}

function loadExecutions(store: Store, task: TaskImage): void {
  const rows = store.all(
    store.kysely
      .selectFrom('node_execution as e')
      .innerJoin('workflow_node as n', (join) => join.onRef('n.task_id', '=', 'e.task_id').onRef('n.node_id', '=', 'e.node_id').onRef('n.current_batch', '=', 'e.batch'))
      .select([
        'e.id',
        'e.node_id',
        'e.batch',
        'e.status',
        'e.engine_id',
        'e.resolved_config',
        'e.result',
        'e.progress',
        'e.exit_code',
        'e.error_code',
        'e.error_message',
        'e.start_time',
        'e.end_time',
        'e.queue_time_ms',
        'e.cpu_peak',
        'e.cpu_mean',
        'e.memory_peak',
        'e.memory_mean',
      ])
      .where('e.task_id', '=', task.id),
  );
  for (const row of rows) {
    const node = task.nodes.get(row.node_id)!;
    const execution = new RtExecution(BigInt(row.id), node, row.batch, row.status, row.start_time, row.resolved_config, true);
    execution.engineId = row.engine_id;
    execution.resultText = row.result;
    execution.result = row.result === null ? undefined : parseJson(row.result);
    execution.progress = row.progress;
    execution.exitCode = row.exit_code;
    execution.errorCode = row.error_code;
    execution.errorMessage = row.error_message;
    execution.endTime = row.end_time;
    execution.queueTimeMs = row.queue_time_ms;
    if (row.cpu_peak !== null && row.cpu_mean !== null && row.memory_peak !== null && row.memory_mean !== null && isEndedExecutionStatus(row.status)) {
      execution.usage = ExecutionUsage.stored({ cpuPeak: row.cpu_peak, cpuMean: row.cpu_mean, memoryPeak: row.memory_peak, memoryMean: row.memory_mean });
    }
    node.exec = execution;
  }
  loadUsage(store, task);
}

/**
 * The samples of executions still under way, gathered before this image was loaded (by this
 * process before a restart, or by the process that ran the task before): an ended execution's
 * figures were written at its end and are taken from its row instead.
 */
function loadUsage(store: Store, task: TaskImage): void {
  const underWay = [...task.nodes.values()].some((node) => node.exec !== null && !isEndedExecutionStatus(node.exec.status));
  if (!underWay) return;
  const rows = store.db
    .prepare(
      `SELECT node_id, batch, count(*), max(cpu_percent), sum(cpu_percent), max(memory_bytes), sum(memory_bytes)
       FROM resource_sample WHERE task_id = ? AND node_id IS NOT NULL AND batch IS NOT NULL GROUP BY node_id, batch`,
    )
    .raw()
    .all(BigInt(task.id)) as Array<[string, bigint, bigint, number, number, bigint | number, bigint | number]>;
  for (const [nodeId, batch, count, cpuPeak, cpuSum, memoryPeak, memorySum] of rows) {
    const execution = task.nodes.get(nodeId)?.exec;
    if (!execution || execution.batch !== Number(batch) || isEndedExecutionStatus(execution.status)) continue;
    execution.usage = ExecutionUsage.aggregated(Number(count), cpuPeak, cpuSum, Number(memoryPeak), Number(memorySum));
  }
}

/**
 * Retries spent count the automatic running (or, for containers, initializing) → ready
 * transitions (trigger error or timeout) since the node last became ready any other way, those
 * whose reason names an onError rule counting for that rule instead of the retry policy; a
 * ready node whose last transition was an operator's is forced (it starts whatever its
 * dependencies say).
 */
function loadHistory(store: Store, task: TaskImage): void {
  const wanted = [...task.nodes.values()]
    .filter((node) => node.status === 'ready' || (isActiveNodeStatus(node.status) && (node.retry !== undefined || node.onError !== undefined)))
    .map((node) => node.nodeId);
  for (let at = 0; at < wanted.length; at += 500) {
    const rows = store.all(
      store.kysely
        .selectFrom('node_state_transition')
        .select(['node_id', 'from_status', 'to_status', 'trigger_type', 'reason'])
        .where('task_id', '=', task.id)
        .where('node_id', 'in', wanted.slice(at, at + 500))
        .orderBy('node_id')
        .orderBy('id'),
    );
    for (const row of rows) {
      if (row.from_status === row.to_status) continue;
      const node = task.nodes.get(row.node_id)!;
      const automatic = row.from_status !== null && isActiveNodeStatus(row.from_status) && (row.trigger_type === 'error' || row.trigger_type === 'timeout');
      const rule = automatic && row.to_status === 'ready' ? RULE_REASON_PATTERN.exec(row.reason ?? '') : null;
      if (rule) node.ruleRetries[Number(rule[1]) - 1] = (node.ruleRetries[Number(rule[1]) - 1] ?? 0) + 1;
      else if (row.to_status === 'ready' && automatic) node.retriesUsed++;
      else if (row.to_status === 'ready' || row.to_status === 'pending') {
        node.retriesUsed = 0;
        node.ruleRetries = [];
      }
      node.forced = row.to_status === 'ready' && row.trigger_type === 'user';
    }
  }
}

/**
 * Puts a running task's image to work (after a load, or when an ended task runs again): every
 * node that has not started is decided again (its container may have started meanwhile),
 * running containers are checked for their end, and the moments the task waits for (pins,
 * backoffs, deadlines) are armed again from the stored times.
 */
export function activateTask(core: SchedulerState, task: TaskImage): void {
  for (const node of task.nodes.values()) {
    if (isNotStartedNodeStatus(node.status)) {
      core.work.add(node);
      continue;
    }
    if (node.type === 'container' && node.status === 'running') core.work.add(node);
    const started = node.exec?.startTime;
    if (isActiveNodeStatus(node.status) && started !== null && started !== undefined) core.armDeadline(node, started);
  }
}

function parseJson(text: string): unknown {
  return JSON.parse(text) as unknown;
}
