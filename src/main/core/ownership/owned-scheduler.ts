import { ApiError } from '../../../shared/api/errors';
import type { Id } from '../../../shared/ids';
import type { RetryFailedResult } from '../../../shared/task/retry-failed';
import type { AddNodesResult, NodeAddition, RemoveNodeResult, RerunNodeResult, RerunOptions, VariableChange, VariablesPatch } from '../../../shared/task/live-changes';
import { Scheduler, type SchedulerOptions } from '../scheduler/scheduler';
import { describeProcess, type ProcessLease } from './process-lease';

/**
 * The scheduler of a process that shares its database with others: every start and control
 * first makes this process the task's owner (see ProcessLease.claim), so a task run by
 * another live process is refused with that process named, never driven from two places.
 * A watching console (another holds the scheduler role) starts and controls nothing.
 */
export class OwnedScheduler extends Scheduler {
  constructor(
    options: SchedulerOptions,
    private readonly lease: ProcessLease,
    private readonly dbFile: string,
  ) {
    super(options);
  }

  override async startTask(taskId: Id): Promise<void> {
    await this.guardedAsync(taskId, () => super.startTask(taskId));
  }

  override pauseTask(taskId: Id, operator: string): void {
    this.guarded(taskId, () => super.pauseTask(taskId, operator));
  }

  override resumeTask(taskId: Id, operator: string): void {
    this.guarded(taskId, () => super.resumeTask(taskId, operator));
  }

  override stopTask(taskId: Id, operator: string, reason?: string): void {
    this.guarded(taskId, () => super.stopTask(taskId, operator, reason));
  }

  override stopNode(taskId: Id, nodeId: string, operator: string, reason?: string): void {
    this.guarded(taskId, () => super.stopNode(taskId, nodeId, operator, reason));
  }

  override restartNode(taskId: Id, nodeId: string, operator: string): void {
    this.guarded(taskId, () => super.restartNode(taskId, nodeId, operator));
  }

  override skipNode(taskId: Id, nodeId: string, operator: string): void {
    this.guarded(taskId, () => super.skipNode(taskId, nodeId, operator));
  }

  override rerunFrom(taskId: Id, nodeId: string, operator: string): number {
    return this.guarded(taskId, () => super.rerunFrom(taskId, nodeId, operator));
  }

  override retryFailed(taskId: Id, operator: string): RetryFailedResult {
    return this.guarded(taskId, () => super.retryFailed(taskId, operator));
  }

  override async decideManual(taskId: Id, nodeId: string, decision: { approved: boolean; operator: string; comment?: string }): Promise<void> {
    await this.guardedAsync(taskId, () => super.decideManual(taskId, nodeId, decision));
  }

  override setTaskVariables(taskId: Id, patch: VariablesPatch, operator: string, reason?: string): VariableChange[] {
    return this.guarded(taskId, () => super.setTaskVariables(taskId, patch, operator, reason));
  }

  override addNodes(taskId: Id, addition: NodeAddition, operator: string): AddNodesResult {
    return this.guarded(taskId, () => super.addNodes(taskId, addition, operator));
  }

  override removeNode(taskId: Id, nodeId: string, operator: string): RemoveNodeResult {
    return this.guarded(taskId, () => super.removeNode(taskId, nodeId, operator));
  }

  override rerunNode(taskId: Id, nodeId: string, options: RerunOptions, operator: string): RerunNodeResult {
    return this.guarded(taskId, () => super.rerunNode(taskId, nodeId, options, operator));
  }

  override async holdNode(taskId: Id, nodeId: string, operator: string, reason?: string): Promise<void> {
    await this.guardedAsync(taskId, () => super.holdNode(taskId, nodeId, operator, reason));
  }

  override async releaseNode(taskId: Id, nodeId: string, operator: string): Promise<void> {
    await this.guardedAsync(taskId, () => super.releaseNode(taskId, nodeId, operator));
  }

  private guarded<T>(taskId: Id, body: () => T): T {
    this.own(taskId);
    try {
      return body();
    } catch (error) {
      this.lease.releaseIfIdle(taskId);
      throw error;
    }
  }

  private async guardedAsync(taskId: Id, body: () => Promise<void>): Promise<void> {
    this.own(taskId);
    try {
      await body();
    } catch (error) {
      this.lease.releaseIfIdle(taskId);
      throw error;
    }
  }

  private own(taskId: Id): void {
    if (this.lease.role === 'watcher') {
      const holder = this.lease.schedulerHolder();
      if (holder) {
        throw new ApiError(
          'CONFLICT',
          `this console only watches ${this.dbFile}: its scheduler is held by ${describeProcess(holder, Date.now())}. Start and control tasks there; this console takes the scheduler role over if that process stops.`,
        );
      }
    }
    this.lease.claim(taskId);
  }
}
