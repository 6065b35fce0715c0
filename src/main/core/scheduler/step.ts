import type { Id } from '../../../shared/ids';
import type { NodeStatus, TriggerType } from '../../../shared/status';
import type { NodeChange, TaskChange } from '../../../shared/task/changes';
import type { RtExecution, RtNode, TaskRuntime } from './runtime';
import type { SchedulerStatements } from './statements';

const TRANSITION_WIDTH = 10;

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
  readonly tasks = new Set<TaskRuntime>();
  /** Tasks whose status or counters changed (a subset of `tasks`). */
  readonly taskChanges = new Set<TaskRuntime>();
  /** Tasks whose status, times or error message changed (a subset of `taskChanges`). */
  readonly taskStatusChanges = new Set<TaskRuntime>();
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

  task(task: TaskRuntime): void {
    this.tasks.add(task);
    this.taskChanges.add(task);
  }

  taskStatus(task: TaskRuntime): void {
    this.task(task);
    this.taskStatusChanges.add(task);
  }

  transition(id: bigint, node: RtNode, from: NodeStatus | null, to: NodeStatus, reason: string, trigger: TriggerType, operator: string | null): void {
    this.transitions.push(id, node.task.idBig, node.nodeId, node.batch, from, to, reason, trigger, operator, this.now);
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
      if (execution.persisted) {
        statements.updateExecution.run(
          execution.status,
          execution.engineId,
          execution.resultText,
          execution.progress,
          execution.exitCode,
          execution.errorCode,
          execution.errorMessage,
          execution.endTime,
          durationOf(execution),
          now,
          execution.id,
        );
      } else {
        const node = execution.node;
        inserts.push(
          execution.id,
          node.task.idBig,
          node.nodeId,
          execution.batch,
          execution.engineId,
          execution.status,
          execution.resolvedConfig,
          execution.resultText,
          execution.progress,
          execution.exitCode,
          execution.errorCode,
          execution.errorMessage,
          execution.startTime,
          execution.endTime,
          durationOf(execution),
          now,
          now,
        );
        execution.persisted = true;
      }
      execution.dirty = false;
    }
    if (inserts.length > 0) statements.executions.insert(inserts);
  }
  const updateNode = statements.updateNode;
  for (const node of step.nodes) {
    updateNode.run(
      node.status,
      node.batch,
      node.progress,
      node.resultText,
      node.errorCode,
      node.errorMessage,
      node.engineId,
      node.notBefore,
      node.readyTime,
      node.startTime,
      node.endTime,
      now,
      node.rowId,
    );
  }
  if (step.transitions.length > 0) statements.transitions.insert(step.transitions);
  for (const task of step.taskChanges) {
    const counters = task.counters;
    if (step.taskStatusChanges.has(task)) {
      statements.updateTask.run(task.status, counters.completed, counters.failed, counters.running, counters.skipped, task.errorMessage, task.startTime, task.endTime, now, task.idBig);
    } else {
      statements.updateTaskCounters.run(counters.completed, counters.failed, counters.running, counters.skipped, now, task.idBig);
    }
  }
}

function durationOf(execution: RtExecution): number | null {
  if (execution.endTime === null || execution.startTime === null) return null;
  return Math.max(0, execution.endTime - execution.startTime);
}

export function describeStep(step: Step): TaskChange[] {
  const byTask = new Map<Id, TaskChange>();
  const changeOf = (task: TaskRuntime): TaskChange => {
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
