import type { Statement } from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { alertQuerySchema, type Alert, type AlertKind, type AlertParams, type AlertQuery, type AlertSeverity } from '../../../shared/api/alerts';
import { ApiError } from '../../../shared/api/errors';
import { errorReason } from '../../../shared/api/error-reasons';
import { alertMessage } from '../../../shared/alerts/alert-wording';
import type { Id } from '../../../shared/ids';
import type { Store } from '../store/store';
import type { AlertTable } from '../store/tables';

/** What a rule (or another part of the core) raises: the condition and the values its wording places. */
export interface AlertSubject {
  kind: AlertKind;
  severity: AlertSeverity;
  taskId?: Id | null;
  nodeId?: string | null;
  engine?: string | null;
  params?: AlertParams;
}

/** Which unresolved alerts a cleared condition resolves. */
export interface AlertCondition {
  kinds: readonly AlertKind[];
  taskId?: Id;
  nodeId?: string;
  engine?: string;
}

const DEFAULT_LIST_LIMIT = 500;

function conditionKey(subject: AlertSubject): string {
  return JSON.stringify([subject.kind, subject.taskId ?? null, subject.nodeId ?? null, subject.engine ?? null]);
}

type Row = Selectable<AlertTable> & { task_name: string | null };

function toAlert(row: Row): Alert {
  const params = JSON.parse(row.params) as AlertParams;
  return {
    id: row.id,
    kind: row.rule,
    severity: row.severity,
    state: row.state,
    escalationLevel: row.escalation_level,
    taskId: row.task_id,
    taskName: row.task_name,
    nodeId: row.node_id,
    engine: row.engine_id,
    params,
    message: alertMessage(row.rule, params),
    count: row.fire_count,
    time: row.raised_at,
    lastFiredAt: row.last_fired_at,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    escalatedAt: row.escalated_at,
    notifyError: row.notify_error,
  };
}

/**
 * The alert table: one row per condition while it holds, so a repeated firing counts on the
 * open (or acknowledged) row instead of adding one; resolved rows are history, pruned by age
 * and count.
 */
export class AlertStore {
  private unresolvedOfTask: Statement<[bigint]> | undefined;

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  private select() {
    return this.store.kysely
      .selectFrom('alert')
      .leftJoin('deduction_task', 'deduction_task.id', 'alert.task_id')
      .selectAll('alert')
      .select('deduction_task.task_name');
  }

  get(id: Id): Alert {
    const row = this.store.first(this.select().where('alert.id', '=', id));
    if (!row) throw new ApiError('NOT_FOUND', errorReason('alert.notFound', { id }));
    return toAlert(row);
  }

  list(input: AlertQuery = {}): Alert[] {
    const query = alertQuerySchema.parse(input);
    let select = this.select();
    if (query.state) select = select.where('alert.state', 'in', query.state);
    if (query.taskId) select = select.where('alert.task_id', '=', query.taskId);
    return this.store.all(select.orderBy('alert.raised_at', 'desc').orderBy('alert.id', 'desc').limit(query.limit ?? DEFAULT_LIST_LIMIT)).map(toAlert);
  }

  /** Raises the condition, or counts one more firing on its unresolved alert; which of the two. */
  fire(subject: AlertSubject): { alert: Alert; change: 'raised' | 'repeated' } {
    const key = conditionKey(subject);
    const at = this.now();
    const params = JSON.stringify(subject.params ?? {});
    return this.store.transaction(() => {
      const existing = this.store.first(this.store.kysely.selectFrom('alert').select('id').where('condition_key', '=', key).where('state', '<>', 'resolved'));
      if (existing) {
        this.store.run(
          this.store.kysely
            .updateTable('alert')
            .set((eb) => ({ fire_count: eb('fire_count', '+', 1), last_fired_at: at, params, severity: subject.severity }))
            .where('id', '=', existing.id),
        );
        return { alert: this.get(existing.id), change: 'repeated' as const };
      }
      const id = this.store.ids.next();
      this.store.run(
        this.store.kysely.insertInto('alert').values({
          id,
          rule: subject.kind,
          severity: subject.severity,
          condition_key: key,
          task_id: subject.taskId ?? null,
          node_id: subject.nodeId ?? null,
          engine_id: subject.engine ?? null,
          params,
          raised_at: at,
          last_fired_at: at,
          acknowledged_by: null,
          acknowledged_at: null,
          resolved_by: null,
          resolved_at: null,
          escalated_at: null,
          notify_error: null,
        }),
      );
      return { alert: this.get(String(id)), change: 'raised' as const };
    });
  }

  acknowledge(id: Id, by: string): Alert {
    const alert = this.get(id);
    if (alert.state === 'resolved') throw new ApiError('CONFLICT', errorReason('alert.resolved', { id }));
    if (alert.state === 'acknowledged') return alert;
    this.store.run(this.store.kysely.updateTable('alert').set({ state: 'acknowledged', acknowledged_by: by, acknowledged_at: this.now() }).where('id', '=', id));
    return this.get(id);
  }

  /** Resolves one alert; `by` is the operator, or null when its condition cleared. */
  resolve(id: Id, by: string | null): Alert {
    const alert = this.get(id);
    if (alert.state === 'resolved') throw new ApiError('CONFLICT', errorReason('alert.resolved', { id }));
    this.store.run(this.store.kysely.updateTable('alert').set({ state: 'resolved', resolved_by: by, resolved_at: this.now() }).where('id', '=', id));
    return this.get(id);
  }

  /** Resolves, as cleared by themselves, the unresolved alerts of a condition; those it resolved. */
  /** Whether the task has any alert not resolved: when it has none, there is nothing to clear. */
  /** New values for an unresolved alert's wording (how late a forecast now is) without counting a firing. */
  refresh(id: Id, params: AlertParams): void {
    this.store.run(this.store.kysely.updateTable('alert').set({ params: JSON.stringify(params) }).where('id', '=', id).where('state', '<>', 'resolved'));
  }

  hasUnresolved(taskId: Id): boolean {
    this.unresolvedOfTask ??= this.store.db.prepare<[bigint]>(`SELECT 1 FROM alert WHERE task_id = ? AND state <> 'resolved' LIMIT 1`).pluck();
    return this.unresolvedOfTask.get(BigInt(taskId)) !== undefined;
  }

  clear(condition: AlertCondition): Alert[] {
    let select = this.store.kysely.selectFrom('alert').select('id').where('state', '<>', 'resolved').where('rule', 'in', condition.kinds);
    if (condition.taskId !== undefined) select = select.where('task_id', '=', condition.taskId);
    if (condition.nodeId !== undefined) select = select.where('node_id', '=', condition.nodeId);
    if (condition.engine !== undefined) select = select.where('engine_id', '=', condition.engine);
    return this.store.transaction(() => this.store.all(select).map((row) => this.resolve(row.id, null)));
  }

  /** Open alerts left unacknowledged for a whole period since they were raised or last escalated, below the top level. */
  dueForEscalation(periodMs: number, maxLevel: number): Alert[] {
    const before = this.now() - periodMs;
    return this.store
      .all(
        this.select()
          .where('alert.state', '=', 'open')
          .where('alert.escalation_level', '<', maxLevel)
          .where((eb) => eb(eb.fn.coalesce('alert.escalated_at', 'alert.raised_at'), '<=', before)),
      )
      .map(toAlert);
  }

  /**
   * One level up from `fromLevel`; null when the alert is no longer open at that level (another
   * process sharing the database escalated it first, or someone acknowledged it meanwhile).
   */
  escalate(id: Id, fromLevel: number): Alert | null {
    const { changes } = this.store.run(
      this.store.kysely
        .updateTable('alert')
        .set({ escalation_level: fromLevel + 1, escalated_at: this.now(), notify_error: null })
        .where('id', '=', id)
        .where('state', '=', 'open')
        .where('escalation_level', '=', fromLevel),
    );
    return changes === 0 ? null : this.get(id);
  }

  setNotifyError(id: Id, error: string): Alert {
    this.store.run(this.store.kysely.updateTable('alert').set({ notify_error: error }).where('id', '=', id));
    return this.get(id);
  }

  /** Deletes resolved alerts older than `keepDays`, then the oldest beyond `keepCount`; how many went. */
  prune(keepDays: number, keepCount: number): number {
    const cutoff = this.now() - keepDays * 86_400_000;
    return this.store.transaction(() => {
      const old = this.store.run(this.store.kysely.deleteFrom('alert').where('state', '=', 'resolved').where('resolved_at', '<', cutoff)).changes;
      const beyond = this.store.run(
        this.store.kysely
          .deleteFrom('alert')
          .where('state', '=', 'resolved')
          .where('id', 'not in', (eb) => eb.selectFrom('alert').select('id').where('state', '=', 'resolved').orderBy('resolved_at', 'desc').orderBy('id', 'desc').limit(keepCount)),
      ).changes;
      return old + beyond;
    });
  }
}
