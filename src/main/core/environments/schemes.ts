import { catalogQuerySchema, schemeInputSchema, schemePatchSchema, type CatalogQuery, type SchemeInput, type SchemePatch, type SchemeView } from '../../../shared/environments/schemes';
import type { Store } from '../store/store';
import type { Row } from '../store/tables';
import { schemeNameTaken, schemeNotFound } from './catalog-errors';
import { catalogViewTail, writeNamedRow } from './catalog-rows';

type SchemeRow = Row<'scheme'> & { task_count: number | null };

function selectSchemes(store: Store) {
  return store.kysely
    .selectFrom('scheme')
    .selectAll('scheme')
    .select((eb) => eb.selectFrom('deduction_task').select(eb.fn.countAll<number>().as('n')).whereRef('deduction_task.scheme_id', '=', 'scheme.id').as('task_count'));
}

function toView(row: SchemeRow): SchemeView {
  return {
    id: row.id,
    name: row.scheme_name,
    description: row.description,
    config: JSON.parse(row.config) as Record<string, unknown>,
    status: row.status,
    createdBy: row.created_by,
    ...catalogViewTail(row),
  };
}

export function listSchemes(store: Store, query: CatalogQuery = {}): SchemeView[] {
  const { includeArchived } = catalogQuerySchema.parse(query);
  const base = selectSchemes(store).orderBy('scheme_name');
  return store.all(includeArchived ? base : base.where('status', '=', 'active')).map(toView);
}

export function getScheme(store: Store, id: string): SchemeView {
  const row = store.first(selectSchemes(store).where('id', '=', id));
  if (!row) throw schemeNotFound(id);
  return toView(row);
}

/** Names are unique among all schemes, archived ones included (the design's uk_scheme_name). */
export function createScheme(store: Store, input: SchemeInput, createdBy: string | null, now: number = Date.now()): SchemeView {
  const scheme = schemeInputSchema.parse(input);
  const id = store.ids.next();
  writeNamedRow(
    store,
    store.kysely.insertInto('scheme').values({
      id,
      scheme_name: scheme.name,
      description: scheme.description ?? null,
      config: JSON.stringify(scheme.config ?? {}),
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    }),
    scheme.name,
    schemeNameTaken,
  );
  return getScheme(store, id);
}

export function updateScheme(store: Store, id: string, input: SchemePatch, now: number = Date.now()): SchemeView {
  const patch = schemePatchSchema.parse(input);
  getScheme(store, id);
  writeNamedRow(
    store,
    store.kysely
      .updateTable('scheme')
      .set({
        ...(patch.name === undefined ? {} : { scheme_name: patch.name }),
        ...(patch.description === undefined ? {} : { description: patch.description }),
        ...(patch.config === undefined ? {} : { config: JSON.stringify(patch.config) }),
        ...(patch.status === undefined ? {} : { status: patch.status }),
        updated_at: now,
      })
      .where('id', '=', id),
    patch.name,
    schemeNameTaken,
  );
  return getScheme(store, id);
}

/** The row stays (tasks name it); it is only left out of lists and of new tasks. */
export function archiveScheme(store: Store, id: string, now: number = Date.now()): SchemeView {
  return updateScheme(store, id, { status: 'archived' }, now);
}

/** A scheme named by its id or its name (as the CLI takes it). */
export function findScheme(store: Store, idOrName: string): SchemeView {
  const row = store.first(selectSchemes(store).where((eb) => eb.or([eb('id', '=', idOrName), eb('scheme_name', '=', idOrName)])).orderBy('id'));
  if (!row) throw schemeNotFound(idOrName);
  return toView(row);
}
