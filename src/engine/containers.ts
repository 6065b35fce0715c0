import { isActiveNodeStatus } from '../shared/status';
import { nodeKey } from '../shared/engine/execution-key';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { NODE_ERROR_CODES, type EngineEvent, type EngineNodeState, type EngineNodeStatus, type InitContainerCommand, type NodeRef } from '../shared/engine/protocol';
import type { Logger } from '../shared/logger';
import { checkWorkflowEnv } from './agents/env-filter';
import type { TaskTrees } from './task-trees';
import { errorText } from '../shared/error-text';

/** What an Engine does with a containerConfig; other keys are left to other Engines. */
export const containerConfigSchema = z
  .object({
    /**
     * Environment variables for every process agent inside (inner containers override outer
     * ones); names that let a program run foreign code (NODE_OPTIONS…) fail the container.
     */
    env: z.record(z.string(), z.string()).default({}),
    /** Give the container a fresh working folder, the cwd of its process agents, removed at teardown. */
    workDir: z.boolean().default(false),
    /** Simulated initialization time, for demos. */
    initDelayMs: z.number().int().min(0).max(3600_000).default(0),
    /** Makes initialization fail with this message, for demos and tests of failure paths. */
    simulateFailure: z.string().max(1000).optional(),
  })
  .loose();

export interface ContainerContext {
  cwd?: string;
  env: Record<string, string>;
}

interface ContainerRecord {
  ref: NodeRef;
  status: EngineNodeStatus;
  env: Record<string, string>;
  cwd?: string;
  /** The folder is this container's own (not inherited from an outer one). */
  ownsFolder: boolean;
  errorMessage?: string;
  ready: Promise<boolean>;
  settle: (ok: boolean) => void;
  timer?: NodeJS.Timeout;
}


/**
 * Containers on this Engine: initialized per containerConfig (reported as node.status
 * initializing, then running or failed) and torn down on stop (reported as stopped). The
 * latest batch of a container is the one its children run in.
 */
export class Containers {
  private readonly records = new Map<string, ContainerRecord>();

  constructor(
    private readonly deps: { emit: (event: EngineEvent) => void; trees: TaskTrees; logger: Logger },
  ) {}

  /**
   * Starts initializing; a repeat of the same (task, node, batch) is acknowledged as a
   * duplicate, and a newer batch of a container still up tears the older one down first.
   */
  init(command: InitContainerCommand): { ok: true; duplicate: boolean } | { ok: false; message: string } {
    const existing = this.records.get(nodeKey(command.taskId, command.nodeId));
    if (existing && existing.ref.batch === command.batch) return { ok: true, duplicate: true };
    if (existing && isActiveNodeStatus(existing.status)) {
      if (existing.ref.batch > command.batch) {
        return { ok: false, message: `container ${command.nodeId} of task ${command.taskId} is up as batch ${existing.ref.batch}, newer than ${command.batch}` };
      }
      // A newer batch (a retry of the container, or of one around it) replaces the old instance.
      this.teardown(existing.ref, `replaced by batch ${command.batch}`);
    }
    const parsed = containerConfigSchema.safeParse(command.containerConfig);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, message: `containerConfig ${issue.path.join('.') || ''}: ${issue.message}` };
    }
    const config = parsed.data;
    const envProblem = checkWorkflowEnv(config.env, 'containerConfig env');
    const ref: NodeRef = { taskId: command.taskId, nodeId: command.nodeId, batch: command.batch };
    let settle: (ok: boolean) => void = () => undefined;
    const ready = new Promise<boolean>((resolve) => (settle = resolve));
    const father = this.deps.trees.father(command.taskId, command.nodeId);
    const outer = father === null ? undefined : this.records.get(nodeKey(command.taskId, father));
    const record: ContainerRecord = { ref, status: 'initializing', env: { ...outer?.env, ...config.env }, ownsFolder: false, ready, settle };
    if (outer?.cwd) record.cwd = outer.cwd;
    this.records.set(nodeKey(command.taskId, command.nodeId), record);
    this.status(record, 'initializing');
    if (envProblem) {
      this.fail(record, envProblem, NODE_ERROR_CODES.envRefused);
      return { ok: true, duplicate: false };
    }
    record.timer = setTimeout(() => this.finishInit(record, config), config.initDelayMs);
    return { ok: true, duplicate: false };
  }

  private finishInit(record: ContainerRecord, config: z.infer<typeof containerConfigSchema>): void {
    if (record.status !== 'initializing') return;
    if (config.simulateFailure !== undefined) {
      this.fail(record, config.simulateFailure);
      return;
    }
    if (config.workDir) {
      try {
        record.cwd = mkdtempSync(join(tmpdir(), 'deduction-container-'));
        record.ownsFolder = true;
      } catch (error) {
        this.fail(record, `cannot create the working folder: ${errorText(error)}`);
        return;
      }
    }
    record.status = 'running';
    record.settle(true);
    this.status(record, 'running');
  }

  private fail(record: ContainerRecord, message: string, errorCode: string = NODE_ERROR_CODES.containerFailed): void {
    record.status = 'failed';
    record.errorMessage = message;
    record.settle(false);
    this.status(record, 'failed', { errorCode, errorMessage: message });
  }

  has(taskId: string, nodeId: string): boolean {
    return this.records.has(nodeKey(taskId, nodeId));
  }

  isContainer(ref: NodeRef): boolean {
    return this.records.get(nodeKey(ref.taskId, ref.nodeId))?.ref.batch === ref.batch;
  }

  /** Waits for the container to be up; what its children get from it, or why they cannot run. */
  async context(taskId: string, nodeId: string): Promise<{ ok: true; context: ContainerContext } | { ok: false; message: string }> {
    const record = this.records.get(nodeKey(taskId, nodeId));
    if (!record) return { ok: false, message: `container ${nodeId} is not initialized on this Engine` };
    if (!(await record.ready) || record.status !== 'running') {
      return { ok: false, message: `container ${nodeId} is ${record.status}${record.errorMessage ? `: ${record.errorMessage}` : ''}` };
    }
    const context: ContainerContext = { env: record.env };
    if (record.cwd) context.cwd = record.cwd;
    return { ok: true, context };
  }

  state(ref: NodeRef): EngineNodeState | undefined {
    const record = this.records.get(nodeKey(ref.taskId, ref.nodeId));
    if (!record || record.ref.batch !== ref.batch) return undefined;
    const state: EngineNodeState = { status: record.status };
    if (record.errorMessage) state.errorMessage = record.errorMessage;
    return state;
  }

  /** Tears a container down (its children must already be stopped): removes its folder, reports stopped. */
  teardown(ref: NodeRef, reason: string): void {
    const record = this.records.get(nodeKey(ref.taskId, ref.nodeId));
    if (!record || record.ref.batch !== ref.batch) return;
    clearTimeout(record.timer);
    const wasUp = isActiveNodeStatus(record.status);
    this.removeFolder(record);
    if (!wasUp) return;
    record.status = 'stopped';
    record.settle(false);
    this.status(record, 'stopped', { errorCode: NODE_ERROR_CODES.stopped, errorMessage: reason });
  }

  refsOfTask(taskId: string): NodeRef[] {
    return [...this.records.values()].filter((record) => record.ref.taskId === taskId).map((record) => record.ref);
  }

  all(): NodeRef[] {
    return [...this.records.values()].map((record) => record.ref);
  }

  forget(taskId: string): void {
    for (const [id, record] of this.records) {
      if (record.ref.taskId !== taskId) continue;
      clearTimeout(record.timer);
      this.removeFolder(record);
      this.records.delete(id);
    }
  }

  private removeFolder(record: ContainerRecord): void {
    if (!record.cwd || !record.ownsFolder) return;
    record.ownsFolder = false;
    try {
      rmSync(record.cwd, { recursive: true, force: true });
    } catch (error) {
      this.deps.logger.warn(`container ${record.ref.nodeId}: cannot remove ${record.cwd}: ${errorText(error)}`);
    }
  }

  private status(record: ContainerRecord, status: EngineNodeStatus, extra: { errorCode?: string; errorMessage?: string } = {}): void {
    this.deps.emit({ type: 'node.status', ...record.ref, status, ...extra, time: Date.now() });
  }
}
