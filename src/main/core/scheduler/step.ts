import type { Id } from '../../../shared/ids';
import type { NodeStatus, TriggerType } from '../../../shared/status';
import type { NodeChange, TaskChange } from '../../../shared/task/changes';
import { printableExecutionKey } from '../../../shared/engine/execution-key';
import type { RtExecution, RtNode, TaskImage } from './task-image';
import { EXECUTION_COLUMNS, pushRow, TRANSITION_COLUMNS, TRANSITION_WIDTH, type SchedulerStatements } from './statements';

/**
 * Everything one commit of the scheduler writes, collected while the step runs and written at
 * its end inside the same transaction: transition rows as they happened, and each changed node,
 * execution and task once, in its final state. Commands to Engines are held back until the
 * transaction has committed, so an Engine never acts on state a crash could take back.
 */
export class Step {
  readonly transitions: unknown[] = [];
  readonly nodes = new Set<RtNode>();
  readonly executions = new Set<RtExecution>();
  readonly tasks = new Set<TaskImage>();
  /** Tasks whose status or counters changed (a subset of `tasks`). */
  readonly taskChanges = new Set<TaskImage>();
  /** Tasks whose status, times or error message changed (a subset of `taskChanges`). */
  readonly taskStatusChanges = new Set<TaskImage>();
  readonly commands: (() => void)[] = [];
  /** Nodes started in this step, for the satisfied-to-start latency. */
  readonly started: RtNode[] = [];

  constructor(readonly now: number) {}

  node(node: RtNode): void {
    this.nodes.add(node);
    this.tasks.add(node.task);
  }

  execution(execution: RtExecution): void {
    execution.dirty = true;
    this.executions.add(execution);
  }

  task(task: TaskImage): void {
    this.tasks.add(task);
    this.taskChanges.add(task);
  }

  taskStatus(task: TaskImage): void {
    this.task(task);
    this.taskStatusChanges.add(task);
  }

  transition(id: bigint, node: RtNode, from: NodeStatus | null, to: NodeStatus, reason: string, trigger: TriggerType, operator: string | null): void {
    pushRow(this.transitions, TRANSITION_COLUMNS, {
      id,
      task_id: node.task.idBig,
      node_id: node.nodeId,
      batch: node.batch,
      from_status: from,
      to_status: to,
      reason,
      trigger_type: trigger,
      operator,
      created_at: this.now,
    });
  }

  after(command: () => void): void {
    this.commands.push(command);
  }

  /** Rows this step will write: what its flush and commit cost grows with. */
  get rows(): number {
    return this.transitions.length / TRANSITION_WIDTH + this.nodes.size + this.executions.size + this.taskChanges.size;
  }

  get empty(): boolean {
    return this.transitions.length === 0 && this.nodes.size === 0 && this.executions.size === 0 && this.taskChanges.size === 0;
  }
}

export function flushStep(statements: SchedulerStatements, step: Step): void {
  const now = step.now;
  if (step.executions.size > 0) {
    const inserts: unknown[] = [];
    for (const execution of step.executions) {
      const usage = usageColumns(execution);
      if (execution.persisted) {
        statements.updateExecution.run(
          {
            status: execution.status,
            engine_id: execution.engineId,
            result: execution.resultText,
            progress: execution.progress,
            exit_code: execution.exitCode,
            error_code: execution.errorCode,
            error_message: execution.errorMessage,
            end_time: execution.endTime,
            duration_ms: durationOf(execution),
            updated_at: now,
            ...usage,
          },
          execution.id,
        );
      } else {
        const node = execution.node;
        pushRow(inserts, EXECUTION_COLUMNS, {
          id: execution.id,
          task_id: node.task.idBig,
          node_id: node.nodeId,
          batch: execution.batch,
          engine_id: execution.engineId,
          status: execution.status,
          resolved_config: execution.resolvedConfig,
          result: execution.resultText,
          progress: execution.progress,
          exit_code: execution.exitCode,
          error_code: execution.errorCode,
          error_message: execution.errorMessage,
          start_time: execution.startTime,
          end_time: execution.endTime,
          duration_ms: durationOf(execution),
          created_at: now,
          updated_at: now,
          engine_node_id: printableExecutionKey({ taskId: node.task.id, nodeId: node.nodeId, batch: execution.batch }),
          queue_time_ms: execution.queueTimeMs,
          ...usage,
        });
        execution.persisted = true;
      }
      execution.dirty = false;
    }
    if (inserts.length > 0) statements.executions.insert(inserts);
  }
  const updateNode = statements.updateNode;
  for (const node of step.nodes) {
    updateNode.run(
      {
        status: node.status,
        current_batch: node.batch,
        progress: node.progress,
        result: node.resultText,
        error_code: node.errorCode,
        error_message: node.errorMessage,
        engine_id: node.engineId,
        not_before: node.notBefore,
        ready_time: node.readyTime,
        start_time: node.startTime,
        end_time: node.endTime,
        updated_at: now,
      },
      node.rowId,
    );
  }
  if (step.transitions.length > 0) statements.transitions.insert(step.transitions);
  for (const task of step.taskChanges) {
    const counters = task.counters;
    if (step.taskStatusChanges.has(task)) {
      statements.updateTask.run(
        {
          status: task.status,
          completed_nodes: counters.completed,
          failed_nodes: counters.failed,
          running_nodes: counters.running,
          skipped_nodes: counters.skipped,
          error_message: task.errorMessage,
          start_time: task.startTime,
          end_time: task.endTime,
          engine_task_id: task.engineTaskId,
          engine_url: task.engineUrl,
          updated_at: now,
        },
        task.idBig,
      );
    } else {
      statements.updateTaskCounters.run(
        { completed_nodes: counters.completed, failed_nodes: counters.failed, running_nodes: counters.running, skipped_nodes: counters.skipped, updated_at: now },
        task.idBig,
      );
    }
  }
}

/**
 * A container's nodes at any depth, and how many of them have completed; null for an agent.
 * Walked when the container's execution is written (its start, its initialization, its end),
 * not kept up to date as children move, which would cost every child transition a climb.
 */
/** What an execution reports of its subtree and its resource use: the same columns on insert and update. */
function usageColumns(execution: RtExecution) {
  const managed = managedCounts(execution.node);
  const usage = execution.usage?.figures() ?? null;
  return {
    managed_nodes_total: managed?.total ?? null,
    managed_nodes_completed: managed?.completed ?? null,
    cpu_peak: usage?.cpuPeak ?? null,
    cpu_mean: usage?.cpuMean ?? null,
    memory_peak: usage?.memoryPeak ?? null,
    memory_mean: usage?.memoryMean ?? null,
  };
}

function managedCounts(node: RtNode): { total: number; completed: number } | null {
  if (node.type !== 'container') return null;
  let total = 0;
  let completed = 0;
  const stack = [...node.children];
  for (let at = stack.pop(); at; at = stack.pop()) {
    total++;
    if (at.status === 'completed') completed++;
    for (const child of at.children) stack.push(child);
  }
  return { total, completed };
}

function durationOf(execution: RtExecution): number | null {
  if (execution.endTime === null || execution.startTime === null) return null;
  return Math.max(0, execution.endTime - execution.startTime);
}

export function describeStep(step: Step): TaskChange[] {
  const byTask = new Map<Id, TaskChange>();
  const changeOf = (task: TaskImage): TaskChange => {
    let change = byTask.get(task.id);
    if (!change) {
      change = { taskId: task.id, task: null, nodes: [] };
      byTask.set(task.id, change);
    }
    return change;
  };
  for (const task of step.taskChanges) {
    changeOf(task).task = {
      taskId: task.id,
      status: task.status,
      totalNodes: task.nodes.size,
      completedNodes: task.counters.completed,
      failedNodes: task.counters.failed,
      runningNodes: task.counters.running,
      skippedNodes: task.counters.skipped,
      startTime: task.startTime,
      endTime: task.endTime,
      errorMessage: task.errorMessage,
      engineTaskId: task.engineTaskId,
      engineUrl: task.engineUrl,
    };
  }
  for (const node of step.nodes) {
    changeOf(node.task).nodes.push({
      nodeId: node.nodeId,
      status: node.status,
      batch: node.batch,
      progress: node.progress,
      result: (node.result ?? null) as NodeChange['result'],
      errorCode: node.errorCode,
      errorMessage: node.errorMessage,
      engineId: node.engineId,
      notBefore: node.notBefore,
      readyTime: node.readyTime,
      startTime: node.startTime,
      endTime: node.endTime,
    });
  }
  return [...byTask.values()];
}
