import type { EngineEvent } from '../../../shared/engine/protocol';
import { consoleLogger, type Logger } from '../../../shared/logger';
import type { Store } from '../store/store';
import type { EnginePort } from './engine-port';
import { createLogIngest } from './ingest-logs';
import { createSampleIngest } from './ingest-samples';

/**
 * The console's own ingestion of Engine events that are not the scheduler's business: log
 * lines and resource samples. Subscribed to an EnginePort, it runs inside the client's batch
 * transaction (as a savepoint), so rows and the event cursor commit together.
 */
export function createEventIngest(store: Store, logger: Logger = consoleLogger): (events: EngineEvent[]) => void {
  const logs = createLogIngest(store, logger);
  const samples = createSampleIngest(store, logger);
  return (events) => {
    store.transaction(() => {
      logs(events);
      samples(events);
    });
  };
}

export function attachEventIngest(port: EnginePort, store: Store, logger?: Logger): () => void {
  return port.onEvents(createEventIngest(store, logger));
}
