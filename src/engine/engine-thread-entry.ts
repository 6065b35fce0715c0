import { parentPort, workerData } from 'node:worker_threads';
import type { Logger } from '../shared/logger';
import { startEngine } from './server';
import type { EngineThreadOptions, EngineThreadReport, EngineThreadRequest } from './thread-messages';
import { errorText } from '../shared/error-text';

/**
 * The reference Engine on a worker thread of the console (the embedded Engine): its agents,
 * event streams and socket.io server then run beside the console's scheduler and store
 * instead of taking turns with them on one event loop.
 */
if (!parentPort) throw new Error('engine-thread-entry runs as a worker thread started by the console');
const port = parentPort;
const report = (message: EngineThreadReport): void => port.postMessage(message);
const logger: Logger = {
  debug: (message) => report({ type: 'log', level: 'debug', message }),
  info: (message) => report({ type: 'log', level: 'info', message }),
  warn: (message) => report({ type: 'log', level: 'warn', message }),
  error: (message) => report({ type: 'log', level: 'error', message }),
};

startEngine({ ...(workerData as EngineThreadOptions), logger }).then(
  (engine) => {
    report({ type: 'ready', url: engine.url, port: engine.port });
    port.on('message', (request: EngineThreadRequest) => {
      if (request.type !== 'close') return;
      void engine
        .close()
        .catch((error: unknown) => logger.error(`the embedded Engine did not close cleanly: ${errorText(error)}`))
        // Ends this thread only; timers of finished agents must not keep it alive.
        .finally(() => process.exit(0));
    });
  },
  (error: unknown) => {
    report({ type: 'failed', message: errorText(error) });
    process.exit(1);
  },
);
