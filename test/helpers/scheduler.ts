import type { Logger } from '../../src/shared/logger';
import { TERMINAL_TASK_STATUSES, type TaskStatus } from '../../src/shared/status';
import type { WorkflowDefinitionInput } from '../../src/shared/workflow/definition';
import { TestEngine, type TestEngineOptions } from './test-engine';
import { Scheduler, type SchedulerOptions } from '../../src/main/core/scheduler/scheduler';
import type { Store } from '../../src/main/core/store/store';
import { openTestStore } from './store';

type NodeInput = Partial<WorkflowDefinitionInput['nodes'][number]> & { nodeId: string };

/** A workflow under one root container; agents by default, `sim` load. */
export function workflow(nodes: NodeInput[], extra: Partial<WorkflowDefinitionInput> = {}): WorkflowDefinitionInput {
  return {
    name: 'test workflow',
    ...extra,
    nodes: [
      { nodeId: 'root', nodeType: 'container', isRoot: true },
      ...nodes.map((node) => ({
        nodeType: 'agent' as const,
        parentId: 'root',
        ...(node.nodeType === 'container' ? {} : { agentLoad: 'sim' }),
        ...node,
      })),
    ],
  };
}

/** Records what the scheduler logs, so that tests can assert on errors. */
export function recordingLogger(): Logger & { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  return {
    errors,
    warnings,
    debug: () => undefined,
    info: () => undefined,
    warn: (message) => warnings.push(message),
    error: (message) => errors.push(message),
  };
}

export interface Harness {
  store: Store;
  engine: TestEngine;
  scheduler: Scheduler;
  logger: ReturnType<typeof recordingLogger>;
  close(): void;
}

export async function harness(engineOptions: TestEngineOptions = {}, options: Partial<SchedulerOptions> & { dir?: string } = {}): Promise<Harness> {
  const store = options.store ?? (await openTestStore(options.dir));
  const engine = new TestEngine(engineOptions);
  const logger = recordingLogger();
  const scheduler = new Scheduler({ store, engine: options.engine ?? engine, logger, ...options });
  return {
    store,
    engine,
    scheduler,
    logger,
    close() {
      scheduler.close();
      engine.close();
      store.close();
    },
  };
}

export function taskStatus(store: Store, taskId: string): TaskStatus {
  return store.first(store.kysely.selectFrom('deduction_task').select('status').where('id', '=', taskId))!.status;
}

/** Resolves once the task's status is one of `statuses` (by default: ended), as committed. */
export function waitForTask(scheduler: Scheduler, store: Store, taskId: string, statuses: readonly TaskStatus[] = TERMINAL_TASK_STATUSES, timeoutMs = 20_000): Promise<TaskStatus> {
  return new Promise((resolve, reject) => {
    const done = (status: TaskStatus) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(status);
    };
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`task ${taskId} did not reach ${statuses.join('/')} within ${timeoutMs} ms; it is ${taskStatus(store, taskId)}`));
    }, timeoutMs);
    const unsubscribe = scheduler.onChange((changes) => {
      for (const change of changes) if (change.taskId === taskId && change.task && statuses.includes(change.task.status)) done(change.task.status);
    });
    const now = taskStatus(store, taskId);
    if (statuses.includes(now)) done(now);
  });
}

/** Resolves once `predicate` holds after a commit (checked at once too). */
export function waitUntil(scheduler: Scheduler, predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve();
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`condition not reached within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = scheduler.onChange(() => {
      if (!predicate()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

export function nodeStatuses(store: Store, taskId: string): Record<string, string> {
  const rows = store.all(store.kysely.selectFrom('workflow_node').select(['node_id', 'status']).where('task_id', '=', taskId));
  return Object.fromEntries(rows.map((row) => [row.node_id, row.status]));
}
