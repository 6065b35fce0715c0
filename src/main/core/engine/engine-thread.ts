import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EngineThreadOptions, EngineThreadReport, EngineThreadRequest } from '../../../engine/thread-messages';
import type { Logger } from '../../../shared/logger';
import { errorText } from '../../../shared/error-text';

/** The file the builds emit beside the console's entry (vite.node.config.ts, electron.vite.config.ts). */
export const ENGINE_THREAD_FILE = 'engine-thread.js';

/**
 * The built Engine thread entry next to the running bundle (out/node, out/main, inside the
 * packaged app), or undefined when the console runs from its sources (tests), where the
 * Engine then runs on the console's own thread.
 */
export function builtEngineThreadEntry(from: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  const file = join(from, ENGINE_THREAD_FILE);
  return existsSync(file) ? file : undefined;
}

export interface EngineThread {
  readonly url: string;
  readonly port: number;
  /** Stops the Engine (its agents' process trees included) and ends the thread. */
  close(): Promise<void>;
}

export interface EngineThreadTimeouts {
  startMs?: number;
  /** After this, a thread that has not ended on its own is terminated. */
  closeMs?: number;
}

/**
 * Starts the reference Engine on a worker thread from its built entry, and resolves once it
 * listens. Its log lines come back through `logger`; a thread that fails to start rejects
 * with why, and one that dies later is reported there (its console connection then goes
 * down like any lost Engine's).
 */
export function startEngineThread(entry: string, options: EngineThreadOptions, logger: Logger, timeouts: EngineThreadTimeouts = {}): Promise<EngineThread> {
  const startMs = timeouts.startMs ?? 20_000;
  const closeMs = timeouts.closeMs ?? 15_000;
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(entry, { workerData: options, name: 'embedded Engine' });
    } catch (error) {
      reject(new Error(`could not start the embedded Engine thread from ${entry}: ${errorText(error)}`));
      return;
    }
    let ready = false;
    let closing = false;
    const exited = new Promise<void>((done) => worker.once('exit', () => done()));
    const fail = (reason: string): void => {
      clearTimeout(timer);
      void worker.terminate();
      reject(new Error(`the embedded Engine thread did not start: ${reason}`));
    };
    const timer = setTimeout(() => fail(`no answer within ${startMs} ms`), startMs);
    worker.on('message', (report: EngineThreadReport) => {
      if (report.type === 'log') logger[report.level](report.message);
      else if (report.type === 'failed') fail(report.message);
      else if (report.type === 'ready') {
        ready = true;
        clearTimeout(timer);
        resolve({ url: report.url, port: report.port, close });
      }
    });
    worker.on('error', (error) => (ready ? logger.error(`the embedded Engine thread failed: ${errorText(error)}`) : fail(errorText(error))));
    worker.on('exit', (code) => {
      if (!ready) fail(`it exited with code ${code}`);
      else if (!closing) logger.error(`the embedded Engine thread ended unexpectedly (exit code ${code})`);
    });

    async function close(): Promise<void> {
      if (!closing) {
        closing = true;
        worker.postMessage({ type: 'close' } satisfies EngineThreadRequest);
      }
      let timeout: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((done) => (timeout = setTimeout(() => done('late'), closeMs)));
      const outcome = await Promise.race([exited, late]);
      clearTimeout(timeout);
      if (outcome === 'late') {
        logger.warn(`the embedded Engine thread did not end within ${closeMs} ms of being closed; terminating it`);
        await worker.terminate();
      }
    }
  });
}
