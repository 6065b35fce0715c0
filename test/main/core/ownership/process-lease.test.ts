import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/shared/api/errors';
import { ProcessLease } from '../../../../src/main/core/ownership/process-lease';
import type { Store } from '../../../../src/main/core/store/store';
import { insertNode, insertTask } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
const timing = { heartbeatMs: 100, expiryMs: 500, watchMs: 50 };
const opened: Store[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

/** Two connections to one file stand for two processes; each lease has its own clock. */
async function twoProcesses() {
  const dir = tempDir();
  const first = await openTestStore(dir);
  const second = await openTestStore(dir);
  opened.push(first, second);
  const clock = { a: 1_000_000, b: 1_000_000 };
  return { first, second, clock };
}

function transition(store: Store, taskId: string): void {
  store.db
    .prepare(`INSERT INTO node_state_transition (id, task_id, node_id, batch, from_status, to_status, trigger_type, created_at) VALUES (?, ?, 'root', 0, 'pending', 'running', 'system', 1)`)
    .run(BigInt(store.ids.next()), BigInt(taskId));
}

describe('ProcessLease', () => {
  it('gives the scheduler role to one process; a second app or serve watches, `run` only runs', async () => {
    const { first, second } = await twoProcesses();
    const a = new ProcessLease({ store: first, timing, command: 'deduction serve', wantsScheduler: true });
    const b = new ProcessLease({ store: second, timing, command: 'Deduction Console', wantsScheduler: true });
    const c = new ProcessLease({ store: second, timing, command: 'deduction run x.json', wantsScheduler: false });
    expect([a.role, b.role, c.role]).toEqual(['scheduler', 'watcher', 'runner']);
    expect(b.schedulerHolder()).toMatchObject({ pid: process.pid, command: 'deduction serve', role: 'scheduler' });
    a.close();
    expect(b.heartbeat()).toEqual({ lost: [], promoted: true });
    expect(b.role).toBe('scheduler');
  });

  it('refuses a claim on a task a live process owns, naming it, and grants it once that lease expired', async () => {
    const { first, second, clock } = await twoProcesses();
    const a = new ProcessLease({ store: first, timing, command: 'deduction run slow.json', wantsScheduler: false, now: () => clock.a });
    const b = new ProcessLease({ store: second, timing, command: 'deduction serve', wantsScheduler: true, now: () => clock.b });
    const taskId = insertTask(first, undefined, 'running');
    insertNode(first, taskId, 'root', { type: 'container', status: 'running' });
    a.claim(taskId);
    expect(b.sweep()).toEqual([]);
    let refusal: unknown;
    try {
      b.claim(taskId);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).code).toBe('CONFLICT');
    expect((refusal as ApiError).message).toMatch(new RegExp(`task ${taskId} is run by another process: pid ${process.pid} on host \\S+ \\(deduction run slow\\.json\\)`));

    clock.b += 400;
    expect(() => b.claim(taskId)).toThrow(/run by another process/);
    clock.b += 200;
    expect(b.sweep()).toEqual([taskId]);
    expect(b.owns(taskId)).toBe(true);
    expect(() => a.claim(taskId)).toThrow(/run by another process: pid \d+ on host \S+ \(deduction serve\)/);
  });

  it('fences a process that lost its lease: its transitions are refused, and its next heartbeat hands the task back', async () => {
    const { first, second, clock } = await twoProcesses();
    const a = new ProcessLease({ store: first, timing, command: 'deduction serve', wantsScheduler: true, now: () => clock.a });
    const b = new ProcessLease({ store: second, timing, command: 'deduction serve', wantsScheduler: true, now: () => clock.b });
    const taskId = insertTask(first, undefined, 'running');
    insertNode(first, taskId, 'root', { type: 'container', status: 'running' });
    expect(a.sweep()).toEqual([taskId]);
    transition(first, taskId);

    clock.b += 600;
    expect(b.heartbeat().promoted).toBe(true);
    expect(b.sweep()).toEqual([taskId]);
    expect(() => transition(first, taskId)).toThrow(/task owned by another process/);
    transition(second, taskId);

    expect(a.heartbeat()).toEqual({ lost: [taskId], promoted: false });
    expect(a.role).toBe('watcher');
    expect(a.owns(taskId)).toBe(false);
  });

  it('frees an ended task for any process, and all of its tasks when it closes', async () => {
    const { first, second } = await twoProcesses();
    const a = new ProcessLease({ store: first, timing, command: 'deduction run a.json', wantsScheduler: false });
    const b = new ProcessLease({ store: second, timing, command: 'deduction serve', wantsScheduler: true });
    const ended = insertTask(first, undefined, 'completed');
    const running = insertTask(first, undefined, 'running');
    a.claim(ended);
    a.claim(running);
    a.release(ended);
    expect(() => b.claim(ended)).not.toThrow();
    expect(b.sweep()).toEqual([]);
    a.close();
    expect(b.sweep()).toEqual([running]);
    expect(first.db.prepare('SELECT count(*) FROM task_owner WHERE owner_id = ?').pluck().get(a.ownerId)).toBe(0n);
  });

  it('takes a crashed process on this host for gone at once (its pid is gone); one on another host only once its lease expired', async () => {
    const { first, second, clock } = await twoProcesses();
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    const insert = first.db.prepare(`INSERT INTO console_process (owner_id, pid, host, command, role, started_at, heartbeat_at) VALUES (?, ?, ?, 'deduction serve', 'scheduler', ?, ?)`);
    insert.run('crashed-here', deadPid, hostname(), clock.b, clock.b);
    const here = new ProcessLease({ store: second, timing, command: 'Deduction Console', wantsScheduler: true, now: () => clock.b });
    expect(here.role).toBe('scheduler');
    here.close();

    insert.run('elsewhere', deadPid, 'another-host', clock.b, clock.b);
    const there = new ProcessLease({ store: second, timing, command: 'Deduction Console', wantsScheduler: true, now: () => clock.b });
    expect(there.role).toBe('watcher');
    expect(there.schedulerHolder()).toMatchObject({ host: 'another-host', pid: deadPid });
    clock.b += 600;
    expect(there.heartbeat().promoted).toBe(true);
  });
});
