import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ApiError } from '../../../shared/api/errors';
import { isId, type Id } from '../../../shared/ids';
import { mapRow } from '../store/rows';
import type { Store } from '../store/store';
import type { ProcessRole } from '../store/tables';
import type { LeaseTiming } from './lease-timing';

/** A process that has the database open, as other processes see it. */
export interface ProcessInfo {
  ownerId: string;
  pid: number;
  host: string;
  command: string;
  role: ProcessRole;
  startedAt: number;
  heartbeatAt: number;
}

export interface LeaseOptions {
  store: Store;
  timing: LeaseTiming;
  /** What the process is, in the words other processes show ("deduction serve", …). */
  command: string;
  /** The app or `serve`: it wants the scheduler role. `deduction run` runs only its own task. */
  wantsScheduler: boolean;
  now?: () => number;
}

export interface HeartbeatOutcome {
  /** Tasks this process held but another process took over while its heartbeat was late. */
  lost: Id[];
  /** This process was watching and now holds the scheduler role. */
  promoted: boolean;
}

const ACTIVE = `('initializing', 'running', 'paused')`;

/** "pid 4242 on host ws-7 (deduction serve), heartbeat 0.4 s ago" */
export function describeProcess(process: ProcessInfo, now: number): string {
  const age = Math.max(0, now - process.heartbeatAt) / 1000;
  return `pid ${process.pid} on host ${process.host} (${process.command}), heartbeat ${age.toFixed(1)} s ago`;
}

/**
 * This process's lease on the database: its row in console_process, renewed every heartbeat,
 * and the tasks it owns in task_owner. Claims and sweeps run in IMMEDIATE transactions, so two
 * processes deciding at once cannot both win a task. A connection-local trigger (the fence)
 * refuses any state transition this process would write into a task another process owns,
 * so even a process whose heartbeat stalled past the bound cannot write into a task taken
 * over meanwhile.
 */
export class ProcessLease {
  readonly ownerId = randomUUID();
  private currentRole: ProcessRole = 'runner';
  private readonly claimed = new Set<Id>();
  private readonly now: () => number;
  private readonly identity: { pid: number; host: string; command: string };

  constructor(private readonly options: LeaseOptions) {
    this.now = options.now ?? Date.now;
    this.identity = { pid: process.pid, host: hostname(), command: options.command };
    this.options.store.db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS deduction_owner_fence BEFORE INSERT ON main.node_state_transition
      WHEN EXISTS (SELECT 1 FROM main.task_owner WHERE task_id = new.task_id AND owner_id <> '${this.ownerId}')
      BEGIN SELECT RAISE(ABORT, 'task owned by another process: this process no longer holds its lease'); END`);
    this.register();
  }

  get role(): ProcessRole {
    return this.currentRole;
  }

  /** The other live process holding the scheduler role, if any. */
  schedulerHolder(): ProcessInfo | null {
    this.reapDead();
    const row = this.db
      .prepare(`SELECT * FROM console_process WHERE role = 'scheduler' AND owner_id <> ? AND heartbeat_at >= ? ORDER BY started_at LIMIT 1`)
      .get(this.ownerId, this.now() - this.options.timing.expiryMs) as Record<string, unknown> | undefined;
    return row ? toInfo(row) : null;
  }

  /** The other live process that owns the task, if any. */
  ownerOf(taskId: Id): ProcessInfo | null {
    if (!isId(taskId)) return null;
    this.reapDead();
    const row = this.db
      .prepare(`SELECT p.* FROM task_owner o JOIN console_process p ON p.owner_id = o.owner_id WHERE o.task_id = ? AND o.owner_id <> ? AND p.heartbeat_at >= ?`)
      .get(BigInt(taskId), this.ownerId, this.now() - this.options.timing.expiryMs) as Record<string, unknown> | undefined;
    return row ? toInfo(row) : null;
  }

  owns(taskId: Id): boolean {
    return this.claimed.has(taskId);
  }

  /**
   * Makes this process the task's owner, taking it from a process whose lease expired;
   * refuses, naming the owner, when another live process owns it. Ids that name no task are
   * left for the caller to refuse in its own words.
   */
  claim(taskId: Id): void {
    if (!isId(taskId)) return;
    this.immediate(() => {
      const exists = this.db.prepare('SELECT 1 FROM deduction_task WHERE id = ?').get(BigInt(taskId));
      if (!exists) return;
      const owner = this.ownerOf(taskId);
      if (owner) {
        this.claimed.delete(taskId);
        throw new ApiError(
          'CONFLICT',
          `task ${taskId} is run by another process: ${describeProcess(owner, this.now())}. Control it there; this console watches it live and takes it over only if that process stops (no heartbeat for ${this.options.timing.expiryMs / 1000} s).`,
        );
      }
      this.db.prepare('INSERT OR REPLACE INTO task_owner (task_id, owner_id, claimed_at) VALUES (?, ?, ?)').run(BigInt(taskId), this.ownerId, this.now());
      this.claimed.add(taskId);
    });
  }

  /** Gives the task up unless it is active: a refused start or control leaves no claim behind. */
  releaseIfIdle(taskId: Id): void {
    if (!this.claimed.has(taskId)) return;
    const row = this.db.prepare(`SELECT 1 FROM deduction_task WHERE id = ? AND status IN ${ACTIVE}`).get(BigInt(taskId));
    if (!row) this.release(taskId);
  }

  /** Gives up an ended task, so that any process may act on it again. */
  release(taskId: Id): void {
    if (!this.claimed.delete(taskId)) return;
    this.db.prepare('DELETE FROM task_owner WHERE task_id = ? AND owner_id = ?').run(BigInt(taskId), this.ownerId);
  }

  /**
   * Renews the heartbeat. A process whose row is gone was taken for dead: it registers again
   * and hands back the tasks it held. A watcher whose scheduler went away takes its role.
   */
  heartbeat(): HeartbeatOutcome {
    const renewed = this.db.prepare('UPDATE console_process SET heartbeat_at = ? WHERE owner_id = ?').run(this.now(), this.ownerId).changes > 0;
    const lost = renewed ? [] : [...this.claimed];
    if (!renewed) {
      this.claimed.clear();
      this.register();
    }
    const promoted = this.currentRole === 'watcher' && this.takeSchedulerRole();
    return { lost, promoted };
  }

  /**
   * Scheduler only: forgets processes whose lease expired (their tasks lose their owner) and
   * claims every active task without a live owner. Returns the tasks claimed, for recovery.
   */
  sweep(): Id[] {
    if (this.currentRole !== 'scheduler') return [];
    return this.immediate(() => {
      this.reapDead();
      this.db.prepare('DELETE FROM console_process WHERE owner_id <> ? AND heartbeat_at < ?').run(this.ownerId, this.now() - this.options.timing.expiryMs);
      const orphans = (
        this.db
          .prepare(`SELECT id FROM deduction_task t WHERE status IN ${ACTIVE} AND NOT EXISTS (SELECT 1 FROM task_owner o WHERE o.task_id = t.id) ORDER BY id`)
          .all() as Record<string, unknown>[]
      ).map((row) => mapRow<{ id: Id }>(row).id);
      const insert = this.db.prepare('INSERT INTO task_owner (task_id, owner_id, claimed_at) VALUES (?, ?, ?)');
      for (const taskId of orphans) {
        insert.run(BigInt(taskId), this.ownerId, this.now());
        this.claimed.add(taskId);
      }
      return orphans;
    });
  }

  /** Leaves the database: this process's tasks are free for the scheduler to take over. */
  close(): void {
    if (!this.db.open) return;
    this.db.prepare('DELETE FROM console_process WHERE owner_id = ?').run(this.ownerId);
    this.db.exec('DROP TRIGGER IF EXISTS temp.deduction_owner_fence');
    this.claimed.clear();
  }

  private get db() {
    return this.options.store.db;
  }

  /**
   * A process on this host whose pid no longer exists is gone at once, without waiting for its
   * lease to expire: the app restarted after a crash takes its role and tasks back straight away.
   * (A reused pid only makes it wait for the lease bound, as for another host.)
   */
  private reapDead(): void {
    const others = this.db.prepare('SELECT owner_id, pid FROM console_process WHERE host = ? AND owner_id <> ?').all(this.identity.host, this.ownerId) as { owner_id: string; pid: bigint }[];
    const remove = this.db.prepare('DELETE FROM console_process WHERE owner_id = ?');
    for (const other of others) if (!pidExists(Number(other.pid))) remove.run(other.owner_id);
  }

  private immediate<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  private register(): void {
    const now = this.now();
    this.immediate(() => {
      this.db
        .prepare('INSERT OR REPLACE INTO console_process (owner_id, pid, host, command, role, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(this.ownerId, this.identity.pid, this.identity.host, this.identity.command, 'runner', now, now);
      this.currentRole = 'runner';
      if (this.options.wantsScheduler && !this.takeSchedulerRole()) this.setRole('watcher');
    });
  }

  private takeSchedulerRole(): boolean {
    return this.immediate(() => {
      if (this.schedulerHolder()) return false;
      this.setRole('scheduler');
      return true;
    });
  }

  private setRole(role: ProcessRole): void {
    this.db.prepare('UPDATE console_process SET role = ? WHERE owner_id = ?').run(role, this.ownerId);
    this.currentRole = role;
  }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function toInfo(row: Record<string, unknown>): ProcessInfo {
  const mapped = mapRow<{ owner_id: string; pid: number; host: string; command: string; role: ProcessRole; started_at: number; heartbeat_at: number }>({ ...row });
  return {
    ownerId: mapped.owner_id,
    pid: mapped.pid,
    host: mapped.host,
    command: mapped.command,
    role: mapped.role,
    startedAt: mapped.started_at,
    heartbeatAt: mapped.heartbeat_at,
  };
}
