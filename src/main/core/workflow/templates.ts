import { errorReason, reasonText, type ApiErrorReason } from '../../../shared/api/error-reasons';
import type { Id } from '../../../shared/ids';
import type { NormalizedWorkflowDefinition } from '../../../shared/workflow/normalized';
import { sql, type SqlBool } from 'kysely';
import { templateListQuerySchema, type SaveTemplateResult, type Template, type TemplateListQuery, type TemplateSummary } from '../../../shared/workflow/templates';
import { diffWorkflows, type WorkflowDiff } from '../../../shared/workflow/diff';
import { problem } from '../../../shared/workflow/problems';
import { validateWorkflow } from '../../../shared/workflow/validate';
import type { Store } from '../store/store';
import type { Row } from '../store/tables';
import { replaceDeclaredTriggers } from '../triggers/trigger-rows';

/**
 * Workflow templates: named, versioned definitions in `workflow_template`. A saved version is
 * never changed; saving under the same name again makes the next version. Only valid
 * definitions are saved, normalized, so every version loads and diffs cleanly.
 */

export interface SaveTemplateOptions {
  /** The template's name; the definition's own name when left out. */
  name?: string;
  /** The template's description; the definition's when left out. */
  description?: string;
  createdBy?: string;
  now?: () => number;
}

export const TEMPLATE_NAME_MAX_LENGTH = 500;

/** Stable codes of the problems saving a template reports beside the validator's. */
export const TEMPLATE_PROBLEM = {
  name: 'TEMPLATE_NAME',
} as const;

export function saveTemplate(store: Store, input: unknown, options: SaveTemplateOptions = {}): SaveTemplateResult {
  const result = validateWorkflow(input);
  if (!result.definition) return { ok: false, problems: result.problems };
  const definition = result.definition;
  const name = (options.name ?? definition.name).trim();
  if (name === '' || name.length > TEMPLATE_NAME_MAX_LENGTH) {
    return { ok: false, problems: [problem('error', TEMPLATE_PROBLEM.name, [], { max: TEMPLATE_NAME_MAX_LENGTH })] };
  }
  const description = options.description ?? definition.description ?? null;
  const createdBy = options.createdBy ?? null;
  const createdAt = (options.now ?? Date.now)();
  const text = JSON.stringify(definition);

  // IMMEDIATE: the write lock is taken before the next version number is read, so two
  // processes saving the same name never pick the same version.
  const saved = store.db
    .transaction(() => {
      const latest = store.first(store.kysely.selectFrom('workflow_template').select((eb) => eb.fn.max('version').as('latest')).where('name', '=', name));
      const version = Number(latest?.latest ?? 0) + 1;
      const id = store.ids.next();
      store.run(
        store.kysely.insertInto('workflow_template').values({ id, name, version, description, definition: text, created_by: createdBy, created_at: createdAt }),
      );
      // The template's author owns what its definition declares.
      replaceDeclaredTriggers(store, name, definition.triggers ?? [], createdBy, createdAt);
      return { id, name, version, description, createdBy, createdAt };
    })
    .immediate();
  return { ok: true, template: { ...saved, ...templateLabels(store, saved.id) }, problems: result.problems };
}

/**
 * The latest version of every template, by name: archived ones only when the query names their
 * status; `search` matches part of the name in any case, `tag` one of the tags in any case.
 */
export function listTemplates(store: Store, input: TemplateListQuery = {}): TemplateSummary[] {
  const query = templateListQuerySchema.parse(input);
  let select = store.kysely
    .selectFrom('workflow_template as t')
    .select(SUMMARY_COLUMNS.map((column) => `t.${column}` as const))
    .where((eb) =>
      eb(
        't.version',
        '=',
        eb.selectFrom('workflow_template as newer').select((inner) => inner.fn.max('newer.version').as('version')).whereRef('newer.name', '=', 't.name'),
      ),
    )
    .orderBy('t.name');
  select = query.status ? select.where('t.status', 'in', query.status) : select.where('t.status', '<>', 'archived');
  if (query.search?.trim()) select = select.where(sql<SqlBool>`instr(lower(t.name), lower(${query.search.trim()})) > 0`);
  if (query.tag?.trim()) {
    select = select.where(sql<SqlBool>`exists (select 1 from json_each(t.tags) where lower(json_each.value) = lower(${query.tag.trim()}))`);
  }
  return store.all(select).map(summary);
}

/** Every version of one template, oldest first. */
export function listTemplateVersions(store: Store, name: string): TemplateSummary[] {
  const rows = store.all(
    store.kysely
      .selectFrom('workflow_template')
      .select(SUMMARY_COLUMNS)
      .where('name', '=', name)
      .orderBy('version'),
  );
  return rows.map(summary);
}

/** One version by id, or by name and version (the latest when no version is given). */
export function loadTemplate(store: Store, ref: { id: Id } | { name: string; version?: number }): Template | undefined {
  let query = store.kysely.selectFrom('workflow_template').selectAll();
  if ('id' in ref) {
    query = query.where('id', '=', ref.id);
  } else {
    query = query.where('name', '=', ref.name);
    query = ref.version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', ref.version);
  }
  const row = store.first(query);
  if (!row) return undefined;
  return { ...summary(row), definition: JSON.parse(row.definition) as NormalizedWorkflowDefinition };
}

/** What changed from one version of a template to another. */
export function diffTemplateVersions(store: Store, name: string, fromVersion: number, toVersion: number): WorkflowDiff {
  const from = loadTemplate(store, { name, version: fromVersion });
  const to = loadTemplate(store, { name, version: toVersion });
  if (!from || !to) {
    const missing = [from ? undefined : fromVersion, to ? undefined : toVersion].filter((version) => version !== undefined);
    throw new TemplateNotFoundError(errorReason('template.versionNotFound', { name, version: missing.join(', ') }));
  }
  return diffWorkflows(from.definition, to.definition);
}

export class TemplateNotFoundError extends Error {
  override name = 'TemplateNotFoundError';

  constructor(readonly reason: ApiErrorReason) {
    super(reasonText(reason));
  }
}

const SUMMARY_COLUMNS = ['id', 'name', 'version', 'description', 'created_by', 'created_at', 'status', 'tags'] as const;

type SummaryRow = Pick<Row<'workflow_template'>, (typeof SUMMARY_COLUMNS)[number]>;

function summary(row: SummaryRow): TemplateSummary {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    description: row.description,
    createdBy: row.created_by,
    createdAt: row.created_at,
    status: row.status,
    tags: JSON.parse(row.tags) as string[],
  };
}

/** The status and tags a saved version carries (its name's, see migrations/014). */
function templateLabels(store: Store, id: Id): Pick<TemplateSummary, 'status' | 'tags'> {
  const row = store.first(store.kysely.selectFrom('workflow_template').select(['status', 'tags']).where('id', '=', id));
  return { status: row?.status ?? 'active', tags: row ? (JSON.parse(row.tags) as string[]) : [] };
}
