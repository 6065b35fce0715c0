import { healthOf, type NodeEndCounts, type TaskHealth } from '../../../shared/api/alerts';
import type { Id } from '../../../shared/ids';
import { NODE_REASON } from '../../../shared/task/reasons';
import { sql } from 'kysely';
import type { Store } from '../store/store';

const BYTES_PER_MB = 1024 * 1024;
/** Resource use is judged on the task's latest minute of samples, not its whole history. */
export const RESOURCE_WINDOW_MS = 60_000;

/** An agent's share of its resources: CPU (100% = one core), and memory against its limit when one is set. */
export function resourceShare(cpuPercent: number, memoryBytes: number, memoryLimitMb: number | null): { use: number; resource: 'cpu' | 'memory' } {
  const cpu = cpuPercent / 100;
  const memory = memoryLimitMb === null ? 0 : memoryBytes / (memoryLimitMb * BYTES_PER_MB);
  return memory > cpu ? { use: memory, resource: 'memory' } : { use: cpu, resource: 'cpu' };
}

/** A task's agents as they ended: skipped ones aside, timeouts counted among the failed. */
export function nodeEndCounts(store: Store, taskId: Id): NodeEndCounts {
  // Through kysely, so the Store's statement cache holds it: the rate rules ask after every batch in which an agent ended.
  const row = store.first(
    store.kysely
      .selectFrom('workflow_node')
      .select((eb) => [
        eb.fn.countAll<number>().as('ended'),
        sql<number>`coalesce(sum(status = 'failed'), 0)`.as('failed'),
        sql<number>`coalesce(sum(status = 'failed' AND error_code = ${NODE_REASON.timeout}), 0)`.as('timedOut'),
      ])
      .where('task_id', '=', taskId)
      .where('node_type', '=', 'agent')
      .where('status', 'in', ['completed', 'failed']),
  );
  return { ended: Number(row?.ended ?? 0), failed: Number(row?.failed ?? 0), timedOut: Number(row?.timedOut ?? 0) };
}

/** The highest share any of the task's agents used in its latest minute of samples; 0 without samples. */
export function taskResourceUse(store: Store, taskId: Id, memoryLimitMb: number | null): number {
  const row = store.db
    .prepare(
      `SELECT max(cpu_percent) AS cpu, max(memory_bytes) AS memory FROM resource_sample
        WHERE task_id = @task AND node_id IS NOT NULL
          AND sample_time >= (SELECT max(sample_time) FROM resource_sample WHERE task_id = @task) - @window`,
    )
    .get({ task: BigInt(taskId), window: RESOURCE_WINDOW_MS }) as { cpu: number | bigint | null; memory: number | bigint | null };
  if (row.cpu === null) return 0;
  const cpu = resourceShare(Number(row.cpu), 0, null).use;
  const memory = resourceShare(0, Number(row.memory ?? 0), memoryLimitMb).use;
  return Math.max(cpu, memory);
}

/** A task's health as the design analyses it, from what the store holds now. */
export function taskHealth(store: Store, taskId: Id, now: number, memoryLimitMb: number | null): TaskHealth {
  const task = store.first(store.kysely.selectFrom('deduction_task').select(['start_time', 'end_time']).where('id', '=', taskId));
  const executionTimeMs = task?.start_time == null ? 0 : Math.max(0, (task.end_time ?? now) - task.start_time);
  return healthOf(taskId, nodeEndCounts(store, taskId), executionTimeMs, taskResourceUse(store, taskId, memoryLimitMb));
}
