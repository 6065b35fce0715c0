import type { EngineEvent, ResourceSampleEvent } from '../../../shared/engine/protocol';
import type { Logger } from '../../../shared/logger';
import type { Store } from '../store/store';
import { NodeLookup } from './node-lookup';

/**
 * Writes resource.sample events into resource_sample, one transaction per batch. A sample
 * names its Engine (stamped by the client); one of a task the store does not know is dropped.
 * Returns how many samples were written.
 */
export function createSampleIngest(store: Store, logger: Logger): (events: readonly EngineEvent[]) => number {
  const insert = store.db.prepare(
    `INSERT INTO resource_sample (id, task_id, node_id, batch, engine_id, cpu_percent, memory_bytes, sample_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const lookup = new NodeLookup(store);
  return (events) => {
    const samples = events.filter((event): event is ResourceSampleEvent => event.type === 'resource.sample');
    if (samples.length === 0) return 0;
    return store.transaction(() => {
      let written = 0;
      let dropped = 0;
      for (const sample of samples) {
        const perNode = sample.taskId !== undefined && sample.nodeId !== undefined;
        if ((sample.taskId !== undefined && !lookup.hasTask(sample.taskId)) || (sample.taskId === undefined) !== (sample.nodeId === undefined)) {
          dropped++;
          continue;
        }
        insert.run(
          store.ids.nextBigInt(),
          perNode ? BigInt(sample.taskId!) : null,
          perNode ? sample.nodeId! : null,
          sample.batch ?? null,
          sample.engineId ?? 'unknown',
          sample.cpuPercent,
          Math.round(sample.memoryBytes),
          sample.time,
        );
        written++;
      }
      if (dropped > 0) logger.warn(`sample ingest: ${dropped} of ${samples.length} samples dropped: unknown task, or a node without its task`);
      return written;
    });
  };
}
