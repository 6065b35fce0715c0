import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DigestChain, splitLink, withLink } from '../../src/main/core/bundles/bundle-format';
import type { Store } from '../../src/main/core/store/store';
import { insertNode, insertTask } from './rows';

/**
 * A task with a container of two agents, a dependency, an execution (with its queue time and
 * resource figures) with `logLines` lines (the first critical, with extra data; the second a
 * system line), a transition by an operator and a sample, all in the given statuses.
 */
export function seedRun(store: Store, options: { taskStatus?: string; nodeStatus?: string; executionStatus?: string; logLines?: number } = {}): string {
  const nodeStatus = options.nodeStatus ?? 'completed';
  const taskId = insertTask(store, store.ids.next(), options.taskStatus ?? 'completed');
  insertNode(store, taskId, 'root', { type: 'container', status: nodeStatus });
  insertNode(store, taskId, '侦察', { parent: 'root', status: nodeStatus });
  insertNode(store, taskId, 'strike', { parent: 'root', status: nodeStatus });
  const task = BigInt(taskId);
  store.db.prepare(`INSERT INTO node_dependency (task_id, node_id, source_node_id, condition, created_at) VALUES (?, 'strike', '侦察', '{"==":[1,1]}', 1)`).run(task);
  const execution = store.db
    .prepare(
      `INSERT INTO node_execution (task_id, node_id, batch, status, result, created_at, updated_at, engine_node_id, queue_time_ms, cpu_peak, cpu_mean, memory_peak, memory_mean)
       VALUES (?, '侦察', 1, ?, '{"route":"north"}', 1, 2, ?, 40, 12.5, 7.25, 1, 0.5)`,
    )
    .run(task, options.executionStatus ?? 'completed', `${taskId}/侦察/1`).lastInsertRowid;
  const log = store.db.prepare(
    `INSERT INTO node_execution_log (task_id, node_id, execution_id, message, log_time, created_at, log_level, log_type, log_category, extra_data) VALUES (?, '侦察', ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  for (let i = 0; i < (options.logLines ?? 100); i++) {
    const [level, type, category, extra] = i === 0 ? ['critical', 'stdout', 'network', '{"peer":"蓝方","retries":3}'] : i === 1 ? ['warn', 'system', 'system', null] : ['info', 'stdout', 'execution', null];
    log.run(task, execution, `敌情 line ${i} 🚩`, i, level, type, category, extra);
  }
  store.db.prepare(`INSERT INTO node_state_transition (task_id, node_id, from_status, to_status, trigger_type, operator, created_at) VALUES (?, 'strike', 'ready', 'running', 'user', '张三', 5)`).run(task);
  store.db.prepare(`INSERT INTO resource_sample (task_id, node_id, engine_id, cpu_percent, memory_bytes, sample_time) VALUES (?, '侦察', 'e1', 12.5, 1048576, 3)`).run(task);
  return taskId;
}

export function bundleLines(file: string): string[] {
  return readFileSync(file, 'utf8').trimEnd().split('\n');
}

/** The 1-based line number of the first line matching `pattern`. */
export function lineOf(lines: readonly string[], pattern: RegExp): number {
  const index = lines.findIndex((line) => pattern.test(line));
  if (index === -1) throw new Error(`no line matches ${pattern}`);
  return index + 1;
}

/**
 * What a careful forger does: recomputes every row's link and the end line's digest after
 * editing rows (the row count too), keeping the signature as it was unless told to drop it.
 */
export function rechain(lines: readonly string[], options: { dropSignature?: boolean } = {}): string[] {
  const chain = new DigestChain(lines[0]!);
  const out = [lines[0]!];
  let rows = 0;
  let end: { end: Record<string, unknown> } | null = null;
  for (const line of lines.slice(1)) {
    if (line.startsWith('{"end"')) {
      end = JSON.parse(line) as { end: Record<string, unknown> };
      continue;
    }
    const body = splitLink(line)?.body ?? line;
    out.push(withLink(body, chain.link(body)));
    rows++;
  }
  const signature = options.dropSignature ? undefined : end?.end['signature'];
  out.push(JSON.stringify({ end: { rows, sha256: chain.digest, ...(signature ? { signature } : {}) } }));
  return out;
}

export function writeLines(dir: string, name: string, lines: readonly string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** A row line (without link) for `table`, for adding forged rows. */
export function rowLine(table: string, row: Record<string, unknown>): string {
  return JSON.stringify({ t: table, r: row });
}
