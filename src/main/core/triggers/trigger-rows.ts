import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';
import type { Id } from '../../../shared/ids';
import { nextFiring, readSchedule } from '../../../shared/triggers/cron';
import { triggerSpecSchema, type TriggerSpec, type TriggerSpecInput } from '../../../shared/triggers/trigger-spec';
import type { TriggerListQuery, TriggerSource, TriggerView } from '../../../shared/triggers/trigger-view';
import { jsonEqual } from '../../../shared/workflow/json-equal';
import { formatPath } from '../../../shared/workflow/problems';
import { checkTriggers } from '../../../shared/workflow/trigger-check';
import type { Store } from '../store/store';
import type { Row, TriggerFiringOutcome } from '../store/tables';
import { loadTemplate } from '../workflow/templates';

/**
 * Triggers in `workflow_trigger`: made by hand or declared by a template's definition,
 * edited, paused and resumed, deleted. A schedule's next firing is computed here whenever its
 * spec changes or it is resumed; the trigger service fires it.
 */

export type TriggerRow = Row<'workflow_trigger'>;

export interface NewTrigger {
  templateName: string;
  spec: TriggerSpecInput;
  source: TriggerSource;
  owner: string | null;
}

export function createTrigger(store: Store, input: NewTrigger, now: number): TriggerView {
  if (!loadTemplate(store, { name: input.templateName })) throw new ApiError('NOT_FOUND', errorReason('template.notFound', { name: input.templateName }));
  const spec = checkedSpec(input.spec);
  const id = store.ids.next();
  store.run(
    store.kysely.insertInto('workflow_trigger').values({
      id,
      template_name: input.templateName,
      kind: spec.type,
      spec: JSON.stringify(spec),
      source: input.source,
      owner: input.owner,
      next_fire_at: firstFiring(spec, now),
      checked_until: now,
      created_at: now,
      updated_at: now,
    }),
  );
  return getTrigger(store, String(id));
}

/** Replaces a trigger's spec (its kind may change); a schedule's next firing is computed afresh. */
export function updateTrigger(store: Store, id: Id, input: TriggerSpecInput, now: number): TriggerView {
  const row = triggerRow(store, id);
  const spec = checkedSpec(input);
  store.run(
    store.kysely
      .updateTable('workflow_trigger')
      .set({ kind: spec.type, spec: JSON.stringify(spec), next_fire_at: row.paused ? null : firstFiring(spec, now), checked_until: now, last_error: null, updated_at: now })
      .where('id', '=', id),
  );
  return getTrigger(store, id);
}

/**
 * A paused trigger never fires. Resuming starts its schedule afresh from now: what it would
 * have fired while paused was paused, not missed.
 */
export function setTriggerPaused(store: Store, id: Id, paused: boolean, now: number): TriggerView {
  const row = triggerRow(store, id);
  const spec = parseSpec(row);
  store.run(
    store.kysely
      .updateTable('workflow_trigger')
      .set({ paused: paused ? 1 : 0, next_fire_at: paused ? null : firstFiring(spec, now), checked_until: now, updated_at: now })
      .where('id', '=', id),
  );
  return getTrigger(store, id);
}

export function deleteTrigger(store: Store, id: Id): void {
  triggerRow(store, id);
  store.run(store.kysely.deleteFrom('workflow_trigger').where('id', '=', id));
}

export function listTriggers(store: Store, query: TriggerListQuery = {}): TriggerView[] {
  let select = store.kysely.selectFrom('workflow_trigger').selectAll();
  if (query.templateName !== undefined) select = select.where('template_name', '=', query.templateName);
  return store.all(select.orderBy('template_name').orderBy('created_at').orderBy('id')).map(triggerView);
}

export function getTrigger(store: Store, id: Id): TriggerView {
  return triggerView(triggerRow(store, id));
}

export function triggerRow(store: Store, id: Id): TriggerRow {
  const row = store.first(store.kysely.selectFrom('workflow_trigger').selectAll().where('id', '=', id));
  if (!row) throw new ApiError('NOT_FOUND', errorReason('trigger.notFound', { id }));
  return row;
}

/**
 * The triggers a newly saved version of a template declares replace those the older version
 * declared. A declared trigger the new version keeps unchanged keeps its row: its pause, its
 * schedule's place and its history. Triggers added by hand are left alone.
 */
export function replaceDeclaredTriggers(store: Store, templateName: string, specs: readonly TriggerSpec[], owner: string | null, now: number): void {
  const old = store.all(store.kysely.selectFrom('workflow_trigger').selectAll().where('template_name', '=', templateName).where('source', '=', 'declared'));
  const kept = new Set<string>();
  for (const spec of specs) {
    const same = old.find((row) => !kept.has(row.id) && jsonEqual(JSON.parse(row.spec), spec));
    if (same) {
      kept.add(same.id);
      continue;
    }
    createTrigger(store, { templateName, spec, source: 'declared', owner }, now);
  }
  const gone = old.filter((row) => !kept.has(row.id)).map((row) => row.id);
  if (gone.length > 0) store.run(store.kysely.deleteFrom('workflow_trigger').where('id', 'in', gone));
}

export interface FiringRecord {
  triggerId: Id;
  firedAt: number;
  dueAt: number | null;
  outcome: TriggerFiringOutcome;
  missed: number;
  taskId: Id | null;
  detail: string | null;
}

/** One firing in the history, and what the trigger shows of its last one. */
export function recordFiring(store: Store, record: FiringRecord): void {
  store.transaction(() => {
    store.run(
      store.kysely.insertInto('trigger_firing').values({
        id: store.ids.next(),
        trigger_id: record.triggerId,
        fired_at: record.firedAt,
        due_at: record.dueAt,
        outcome: record.outcome,
        missed: record.missed,
        task_id: record.taskId,
        detail: record.detail,
      }),
    );
    const shown =
      record.outcome === 'missed'
        ? { last_error: null }
        : { last_fired_at: record.firedAt, last_task_id: record.taskId, last_error: record.outcome === 'failed' ? record.detail : null };
    store.run(store.kysely.updateTable('workflow_trigger').set({ ...shown, updated_at: record.firedAt }).where('id', '=', record.triggerId));
  });
}

/** Shows (or clears, with null) what keeps a trigger from working, such as its folder missing; written only when it changes. */
export function setTriggerError(store: Store, id: Id, error: string | null, now: number): void {
  store.run(
    store.kysely
      .updateTable('workflow_trigger')
      .set({ last_error: error, updated_at: now })
      .where('id', '=', id)
      .where((eb) => (error === null ? eb('last_error', 'is not', null) : eb.or([eb('last_error', 'is', null), eb('last_error', '!=', error)]))),
  );
}

export function firingHistory(store: Store, id: Id, limit = 50): Row<'trigger_firing'>[] {
  return store.all(store.kysely.selectFrom('trigger_firing').selectAll().where('trigger_id', '=', id).orderBy('fired_at', 'desc').orderBy('id', 'desc').limit(limit));
}

export function parseSpec(row: TriggerRow): TriggerSpec {
  return triggerSpecSchema.parse(JSON.parse(row.spec));
}

/** A schedule's first firing after `now`; null for the other kinds and for a schedule that never fires. */
export function firstFiring(spec: TriggerSpec, now: number): number | null {
  if (spec.type !== 'schedule') return null;
  const reading = readSchedule(spec.cron, spec.timezone);
  return reading.ok ? nextFiring(reading.cron, now) : null;
}

function checkedSpec(input: TriggerSpecInput): TriggerSpec {
  const spec = triggerSpecSchema.parse(input);
  const found = checkTriggers([spec])[0];
  if (found) throw new ApiError('INVALID_ARGUMENT', errorReason('trigger.invalid', { detail: `${formatPath(found.path.slice(2))} ${found.message}` }));
  return spec;
}

function triggerView(row: TriggerRow): TriggerView {
  return {
    id: row.id,
    templateName: row.template_name,
    kind: row.kind,
    spec: parseSpec(row),
    source: row.source,
    owner: row.owner,
    paused: row.paused === 1,
    nextFireAt: row.next_fire_at,
    lastFiredAt: row.last_fired_at,
    lastTaskId: row.last_task_id,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
