import BetterSqlite3 from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallResult } from '../../src/shared/api/errors';
import { HOST_SOCKET } from '../../src/shared/api/host-protocol';
import type { TaskChange } from '../../src/shared/task/changes';
import { LEASE_ENV } from '../../src/main/core/ownership/lease-timing';
import { exitOf, spawnCli, waitForOutput } from '../helpers/built-cli';
import { useTempDirs } from '../helpers/temp';
import { flat, workflow, container, agent } from '../helpers/workflow';

/**
 * Short leases so that an owner's death is seen in three seconds, not ten; the bound stays well
 * above what a busy machine may hold an event loop (storing a 1,000-node task, say).
 */
const FAST = { [LEASE_ENV.heartbeatMs]: '200', [LEASE_ENV.expiryMs]: '3000', [LEASE_ENV.watchMs]: '100' };

const tempDir = useTempDirs();
const children: ReturnType<typeof spawnCli>[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exitOf(child);
    }
  }
});

function cli(args: string[]): ReturnType<typeof spawnCli> {
  const child = spawnCli(args, FAST);
  children.push(child);
  return child;
}

interface Host {
  child: ReturnType<typeof spawnCli>;
  socket: Socket;
  changes: TaskChange[];
  stderr: () => string;
  call<T = unknown>(method: string, ...args: unknown[]): Promise<CallResult<T>>;
}

/** `deduction serve` on the database, with a WebSocket subscribed to its live task changes. */
async function serve(db: string): Promise<Host> {
  const child = cli(['serve', '--port', '0', '--db', db]);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [, url, token] = await waitForOutput(child, /operator: (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/);
  const socket = connect(url!, { auth: { token }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  const changes: TaskChange[] = [];
  socket.on(HOST_SOCKET.event, (event: string, payload: TaskChange[]) => {
    if (event === 'taskChanged') changes.push(...payload);
  });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.emit(HOST_SOCKET.subscribe, 'taskChanged');
  const call = <T,>(method: string, ...args: unknown[]) => new Promise<CallResult<T>>((resolve) => socket.emit(HOST_SOCKET.call, method, args, resolve));
  // A call answered after the subscription proves the subscription is in place.
  await call('getAppStatus');
  return { child, socket, changes, stderr: () => stderr, call };
}

async function result<T>(outcome: Promise<CallResult<T>>): Promise<T> {
  const settled = await outcome;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.result;
}

function taskStatusSeen(host: Host, taskId: string): string[] {
  return host.changes.filter((change) => change.taskId === taskId && change.task).map((change) => change.task!.status);
}

function ownerPid(db: string, taskId: string): number | null {
  const connection = new BetterSqlite3(db, { readonly: true });
  try {
    const pid = connection.prepare('SELECT p.pid FROM task_owner o JOIN console_process p USING (owner_id) WHERE o.task_id = ?').pluck().get(BigInt(taskId)) as number | undefined;
    return pid ?? null;
  } finally {
    connection.close();
  }
}

/**
 * What the database says after a run: every node's transitions chain (each starts where the
 * previous ended), none repeats, and the task's counters equal its rows.
 */
function checkConsistent(db: string, taskId: string): { nodes: number; transitions: number } {
  const connection = new BetterSqlite3(db, { readonly: true });
  try {
    const transitions = connection
      .prepare('SELECT node_id, batch, from_status, to_status FROM node_state_transition WHERE task_id = ? ORDER BY id')
      .all(BigInt(taskId)) as { node_id: string; batch: number; from_status: string | null; to_status: string }[];
    const last = new Map<string, string>();
    for (const row of transitions) {
      const previous = last.get(row.node_id) ?? null;
      expect({ node: row.node_id, from: row.from_status }).toEqual({ node: row.node_id, from: previous ?? row.from_status });
      if (previous !== null) expect(`${row.node_id}: ${row.from_status}→${row.to_status}`).not.toBe(`${row.node_id}: ${row.to_status}→${row.to_status}`);
      last.set(row.node_id, row.to_status);
    }
    const task = connection
      .prepare('SELECT status, total_nodes, completed_nodes, failed_nodes, running_nodes, skipped_nodes FROM deduction_task WHERE id = ?')
      .get(BigInt(taskId)) as Record<string, number | string>;
    const counts = Object.fromEntries(
      (connection.prepare('SELECT status, count(*) AS n FROM workflow_node WHERE task_id = ? GROUP BY status').all(BigInt(taskId)) as { status: string; n: number }[]).map((row) => [row.status, row.n]),
    );
    const nodes = Object.values(counts).reduce((sum, n) => sum + n, 0);
    expect({ total: task['total_nodes'], completed: task['completed_nodes'], failed: task['failed_nodes'], running: task['running_nodes'], skipped: task['skipped_nodes'] }).toEqual({
      total: nodes,
      completed: counts['completed'] ?? 0,
      failed: counts['failed'] ?? 0,
      running: counts['running'] ?? 0,
      skipped: counts['skipped'] ?? 0,
    });
    for (const [nodeId, status] of last) expect({ nodeId, status }).toEqual({ nodeId, status: (connection.prepare('SELECT status FROM workflow_node WHERE task_id = ? AND node_id = ?').pluck().get(BigInt(taskId), nodeId) as string) });
    return { nodes, transitions: transitions.length };
  } finally {
    connection.close();
  }
}

describe('processes sharing one database', () => {
  it('a browser on `serve --db X` watches a task run by `deduction run --db X` live to its end', async () => {
    const dir = tempDir();
    const db = join(dir, 'db.sqlite');
    const file = join(dir, 'flow.json');
    writeFileSync(file, JSON.stringify(flat(['a', { agentConfig: { durationMs: 600, steps: 3 } }], ['b', { agentConfig: { durationMs: 600 }, dependencies: [{ sourceNodeId: 'a' }] }])));
    const host = await serve(db);

    const run = cli(['run', file, '--db', db, '--json']);
    let report = '';
    run.stdout.on('data', (chunk: Buffer) => (report += chunk.toString()));
    expect(await exitOf(run)).toBe(0);
    const taskId = (JSON.parse(report) as { task: { id: string } }).task.id;

    await expect.poll(() => taskStatusSeen(host, taskId), { timeout: 10_000 }).toContain('completed');
    expect(taskStatusSeen(host, taskId)).toContain('running');
    const progress = host.changes.filter((change) => change.taskId === taskId).flatMap((change) => change.nodes.filter((node) => node.nodeId === 'a').map((node) => node.status));
    expect(progress).toContain('running');
    expect(progress.at(-1)).toBe('completed');
    expect(await result(host.call('getTask', taskId))).toMatchObject({ status: 'completed', completedNodes: 3 });
  }, 60_000);

  it('`serve` never recovers a task a live `run` owns, refuses to control it naming the owner, and takes it over once the owner is killed', async () => {
    const dir = tempDir();
    const db = join(dir, 'db.sqlite');
    const file = join(dir, 'gate.json');
    // A manual node waits for a decision, so the task stays running for as long as the test needs.
    writeFileSync(file, JSON.stringify(flat(['gate', { agentLoad: 'manual', agentConfig: { prompt: 'go?' } }])));
    const host = await serve(db);
    const run = cli(['run', file, '--db', db]);
    const [, taskId] = await waitForOutput(run, /task (\d+):/);
    await expect.poll(() => host.changes.some((change) => change.taskId === taskId && change.nodes.some((node) => node.nodeId === 'gate' && node.status === 'running')), { timeout: 20_000 }).toBe(true);

    const owner = new RegExp(`is run by another process: pid ${run.pid} on host \\S+ \\(deduction run ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`);
    for (const refused of [await host.call('stopTask', taskId), await host.call('decideManual', taskId, 'gate', { approved: true })]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(!refused.ok && refused.error.message).toMatch(owner);
    }
    // Past a lease bound, the owner is still the live `run`.
    await new Promise((resolve) => setTimeout(resolve, 3200));
    expect(ownerPid(db, taskId!)).toBe(run.pid);

    run.kill('SIGKILL');
    await exitOf(run);
    await expect.poll(() => ownerPid(db, taskId!), { timeout: 20_000 }).toBe(host.child.pid);
    // The node is running again, on this console's Engine: deciding it here ends the task.
    await expect.poll(async () => (await host.call('decideManual', taskId, 'gate', { approved: true })).ok, { timeout: 20_000 }).toBe(true);
    await expect.poll(() => taskStatusSeen(host, taskId!), { timeout: 30_000 }).toContain('completed');
    expect(await result(host.call('getTask', taskId))).toMatchObject({ status: 'completed', completedNodes: 2 });
    expect(ownerPid(db, taskId!)).toBeNull();
    checkConsistent(db, taskId!);
  }, 90_000);

  it('two `serve` on one database: the second watches and says who schedules; it takes over when that one is killed; no duplicate or impossible transition, counters equal to rows', async () => {
    const dir = tempDir();
    const db = join(dir, 'db.sqlite');
    const first = await serve(db);
    const second = await serve(db);
    await expect.poll(() => second.stderr(), { timeout: 5_000 }).toMatch(new RegExp(`watch mode: the scheduler of .*db\\.sqlite is held by pid ${first.child.pid} on host \\S+ \\(deduction serve\\)`));

    const waves = Array.from({ length: 10 }, (_, wave) => [
      container(`wave-${wave}`, { parentId: 'root', ...(wave > 0 ? { dependencies: [{ sourceNodeId: `wave-${wave - 1}`, type: 'finish' }] } : {}) }),
      ...Array.from({ length: 99 }, (_, index) => agent(`w${wave}-${index}`, `wave-${wave}`, { agentConfig: { durationMs: 60 + (index % 7) * 20, steps: 2 } })),
    ]).flat();
    const definition = workflow([container('root'), ...waves]);
    const created = await result(first.call<{ task_id: string }>('createTask', definition));
    const taskId = created.task_id;
    await result(first.call('startTask', taskId));
    const refused = await second.call('pauseTask', taskId);
    expect(!refused.ok && refused.error.message).toMatch(new RegExp(`only watches .*: its scheduler is held by pid ${first.child.pid}`));

    await expect.poll(() => second.changes.filter((change) => change.taskId === taskId && change.nodes.some((node) => node.nodeId === 'wave-2' && node.status === 'running')).length, { timeout: 60_000 }).toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    await exitOf(first.child);
    await expect.poll(() => taskStatusSeen(second, taskId), { timeout: 90_000 }).toContain('completed');
    expect(ownerPid(db, taskId)).toBeNull();
    const { nodes } = checkConsistent(db, taskId);
    expect(nodes).toBe(1001);

    second.child.kill('SIGTERM');
    expect(await exitOf(second.child)).toBe(0);
  }, 180_000);
});
