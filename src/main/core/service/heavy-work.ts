import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/api/errors';
import { errorText } from '../../../shared/error-text';
import type { WorkflowFormat } from '../../../shared/workflow/read-result';
import type { ReportRequest } from '../../../shared/report/run-report';
import { renderRunReport, type RenderedReport } from '../report/export-report';
import type { Store } from '../store/store';
import { exportWorkflowText } from './export-workflow';
import type { HeavyJob, HeavyReply, HeavyRequest, HeavyResults } from './heavy-work-messages';

/** The file the builds emit beside the console's entry (vite.node.config.ts, electron.vite.config.ts). */
export const HEAVY_WORK_THREAD_FILE = 'heavy-work-thread.js';

/** The built heavy-work entry beside the running bundle, or undefined when running from sources (tests). */
export function builtHeavyWorkEntry(from: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  const file = join(from, HEAVY_WORK_THREAD_FILE);
  return existsSync(file) ? file : undefined;
}

export interface HeavyWork {
  exportWorkflow(definition: unknown, format: WorkflowFormat): Promise<string>;
  /** Gathers and renders a validated run report request from `store`'s database file. */
  renderReport(store: Store, request: ReportRequest, now?: number): Promise<RenderedReport>;
  close(): Promise<void>;
}

export interface HeavyWorkOptions {
  /** Heap the thread may use: a definition too large for it fails alone instead of the whole console. */
  maxHeapMb?: number;
}

/**
 * Work whose cost grows with what a caller sends (exporting a 100,000-node definition takes
 * tens of seconds) runs on a worker thread, so the console keeps serving its operators and
 * scheduling its tasks meanwhile. The thread starts on first use, and again after it died.
 */
export function startHeavyWork(entry: string, options: HeavyWorkOptions = {}): HeavyWork {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (result: HeavyResults[HeavyJob['kind']]) => void; reject: (error: Error) => void }>();

  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const thread = (): Worker => {
    if (worker) return worker;
    const started = new Worker(entry, { name: 'heavy work', resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 2048 } });
    started.on('message', ({ id, ...outcome }: HeavyReply) => {
      const waiting = pending.get(id);
      pending.delete(id);
      if (pending.size === 0) started.unref();
      if (!waiting) return;
      if (outcome.ok) waiting.resolve(outcome.result);
      else waiting.reject(new ApiError(outcome.error.code, outcome.error.message, { details: outcome.error.details, reason: outcome.error.reason }));
    });
    started.on('error', (error) => failAll(new ApiError('INTERNAL', `the heavy-work thread failed: ${errorText(error)}`)));
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      failAll(new ApiError('INTERNAL', `the heavy-work thread stopped (exit code ${code}) before it answered`));
    });
    worker = started;
    return started;
  };
  const run = <J extends HeavyJob>(job: J): Promise<HeavyResults[J['kind']]> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const target = thread();
      // The thread answers each kind of job with that kind's result (heavy-work-thread-entry.ts).
      pending.set(id, { resolve: resolve as (result: HeavyResults[HeavyJob['kind']]) => void, reject });
      // While it works for someone, the thread keeps the process alive; idle, it does not.
      target.ref();
      target.postMessage({ id, job } satisfies HeavyRequest);
    });

  return {
    exportWorkflow: (definition, format) => run({ kind: 'exportWorkflow', definition, format }),
    // Another thread cannot open an in-memory database: that one is read where it lives.
    renderReport: (store, request, now) =>
      store.file === ':memory:' ? inlineHeavyWork.renderReport(store, request, now) : run({ kind: 'renderReport', file: store.file, request, now }),
    close: async () => {
      const stopping = worker;
      worker = undefined;
      if (stopping) await stopping.terminate();
    },
  };
}

/** Runs the same work on the calling thread: where no built thread entry exists (running from sources). */
export const inlineHeavyWork: HeavyWork = {
  exportWorkflow: (definition, format) => exportWorkflowText(definition, format),
  renderReport: async (store, request, now) => renderRunReport(store, request, now),
  close: async () => undefined,
};

let shared: HeavyWork | undefined;

/** The process's heavy-work thread, started from the built entry beside the bundle, or inline work without one. */
export function sharedHeavyWork(): HeavyWork {
  if (!shared) {
    const entry = builtHeavyWorkEntry();
    shared = entry ? startHeavyWork(entry) : inlineHeavyWork;
  }
  return shared;
}
