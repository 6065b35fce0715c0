import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';
import { engineEndpointsSchema, type BalancingStrategy, type EngineEndpoint } from '../../../shared/engine/endpoints';
import {
  environmentInputSchema,
  environmentPatchSchema,
  type EnvironmentInput,
  type EnvironmentPatch,
  type EnvironmentStatus,
  type EnvironmentView,
} from '../../../shared/environments/environments';
import { catalogQuerySchema, type CatalogQuery } from '../../../shared/environments/schemes';
import { REDACTED_TOKEN } from '../../../shared/settings/settings';
import type { Store } from '../store/store';
import type { Row } from '../store/tables';
import { environmentNameTaken, environmentNotFound } from './catalog-errors';
import { catalogViewTail, writeNamedRow } from './catalog-rows';
import { openEndpointTokens, redactEndpointTokens, sealEndpointTokens } from './endpoint-tokens';

type EnvironmentRow = Row<'env_instance'> & { task_count: number | null };

function selectEnvironments(store: Store) {
  return store.kysely
    .selectFrom('env_instance')
    .selectAll('env_instance')
    .select((eb) =>
      eb.selectFrom('deduction_task').select(eb.fn.countAll<number>().as('n')).whereRef('deduction_task.env_instance_id', '=', 'env_instance.id').as('task_count'),
    );
}

/** The stored endpoints, tokens as stored; a row edited by hand into something invalid says what is wrong. */
function storedEndpoints(row: Pick<Row<'env_instance'>, 'env_name' | 'engines'>): { ok: true; endpoints: EngineEndpoint[] } | { ok: false; problem: string } {
  const parsed = engineEndpointsSchema.safeParse(JSON.parse(row.engines));
  if (parsed.success) return { ok: true, endpoints: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, problem: `engines.${issue.path.join('.')}: ${issue.message}` };
}

function toView(row: EnvironmentRow): EnvironmentView {
  const stored = storedEndpoints(row);
  return {
    id: row.id,
    name: row.env_name,
    description: row.description,
    engines: stored.ok ? redactEndpointTokens(stored.endpoints) : [],
    strategy: row.strategy,
    status: row.status,
    ...catalogViewTail(row),
  };
}

export function listEnvironments(store: Store, query: CatalogQuery = {}): EnvironmentView[] {
  const { includeArchived } = catalogQuerySchema.parse(query);
  const base = selectEnvironments(store).orderBy('env_name');
  return store.all(includeArchived ? base : base.where('status', '=', 'active')).map(toView);
}

export function getEnvironment(store: Store, id: string): EnvironmentView {
  const row = store.first(selectEnvironments(store).where('id', '=', id));
  if (!row) throw environmentNotFound(id);
  return toView(row);
}

/**
 * Tokens as the caller sent them: REDACTED_TOKEN (what a view shows) keeps the token stored
 * for the same URL, and is refused for an Engine the environment did not have.
 */
function withTokens(name: string, endpoints: readonly EngineEndpoint[], stored: readonly EngineEndpoint[]): EngineEndpoint[] {
  const known = new Map(stored.map((endpoint) => [endpoint.url, endpoint.token]));
  return endpoints.map((endpoint) => {
    if (endpoint.token !== REDACTED_TOKEN) return endpoint;
    const token = known.get(endpoint.url);
    if (token === undefined) throw new ApiError('INVALID_ARGUMENT', errorReason('environment.tokenNeeded', { url: endpoint.url, name }));
    return { ...endpoint, token };
  });
}

export function createEnvironment(store: Store, input: EnvironmentInput, now: number = Date.now()): EnvironmentView {
  const environment = environmentInputSchema.parse(input);
  const id = store.ids.next();
  const endpoints = withTokens(environment.name, environment.engines, []);
  writeNamedRow(
    store,
    store.kysely.insertInto('env_instance').values({
      id,
      env_name: environment.name,
      description: environment.description ?? null,
      engines: JSON.stringify(sealEndpointTokens(store, endpoints)),
      strategy: environment.strategy ?? 'round_robin',
      created_at: now,
      updated_at: now,
    }),
    environment.name,
    environmentNameTaken,
  );
  return getEnvironment(store, id);
}

export function updateEnvironment(store: Store, id: string, input: EnvironmentPatch, now: number = Date.now()): EnvironmentView {
  const patch = environmentPatchSchema.parse(input);
  return store.transaction(() => {
    const row = store.first(store.kysely.selectFrom('env_instance').select(['env_name', 'engines']).where('id', '=', id));
    if (!row) throw environmentNotFound(id);
    let engines: string | undefined;
    if (patch.engines !== undefined) {
      const stored = storedEndpoints(row);
      const endpoints = withTokens(patch.name ?? row.env_name, patch.engines, stored.ok ? openEndpointTokens(store, stored.endpoints) : []);
      engines = JSON.stringify(sealEndpointTokens(store, endpoints));
    }
    writeNamedRow(
      store,
      store.kysely
        .updateTable('env_instance')
        .set({
          ...(patch.name === undefined ? {} : { env_name: patch.name }),
          ...(patch.description === undefined ? {} : { description: patch.description }),
          ...(engines === undefined ? {} : { engines }),
          ...(patch.strategy === undefined ? {} : { strategy: patch.strategy }),
          ...(patch.status === undefined ? {} : { status: patch.status }),
          updated_at: now,
        })
        .where('id', '=', id),
      patch.name,
      environmentNameTaken,
    );
    return getEnvironment(store, id);
  });
}

/** Archiving disables: the row stays (tasks name it), takes no new task and starts none. */
export function archiveEnvironment(store: Store, id: string, now: number = Date.now()): EnvironmentView {
  return updateEnvironment(store, id, { status: 'disabled' }, now);
}

/** What connecting to an environment's Engines needs: its endpoints with their tokens opened. */
export interface EnvironmentEngines {
  id: string;
  name: string;
  status: EnvironmentStatus;
  strategy: BalancingStrategy;
  endpoints: EngineEndpoint[];
  /** The row's version: an edit makes new connections use the new Engines. */
  updatedAt: number;
}

export function readEnvironmentEngines(store: Store, id: string): EnvironmentEngines {
  const row = store.first(store.kysely.selectFrom('env_instance').selectAll().where('id', '=', id));
  if (!row) throw environmentNotFound(id);
  const stored = storedEndpoints(row);
  if (!stored.ok) throw new ApiError('UNAVAILABLE', errorReason('environment.unusable', { name: row.env_name, detail: stored.problem }));
  if (stored.endpoints.length === 0) throw new ApiError('UNAVAILABLE', errorReason('environment.unusable', { name: row.env_name, detail: 'it lists no Engine' }));
  return { id, name: row.env_name, status: row.status, strategy: row.strategy, endpoints: openEndpointTokens(store, stored.endpoints), updatedAt: row.updated_at };
}

/** The environment a task was made in, if any. */
export function environmentOfTask(store: Store, taskId: string): string | null {
  return store.first(store.kysely.selectFrom('deduction_task').select('env_instance_id').where('id', '=', taskId))?.env_instance_id ?? null;
}

/** An environment named by its id or its name (as the CLI takes it). */
export function findEnvironment(store: Store, idOrName: string): EnvironmentView {
  const row = store.first(selectEnvironments(store).where((eb) => eb.or([eb('id', '=', idOrName), eb('env_name', '=', idOrName)])).orderBy('id'));
  if (!row) throw environmentNotFound(idOrName);
  return toView(row);
}
