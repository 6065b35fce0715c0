import { errorReason, reasonText } from '../../../shared/api/error-reasons';
import {
  templateNameSchema,
  templateTagsSchema,
  TEMPLATE_STATUSES,
  type DeleteTemplateResult,
  type TemplateStatus,
  type TemplateSummary,
} from '../../../shared/workflow/templates';
import { z } from 'zod';
import type { Store } from '../store/store';
import { listTemplateVersions, TemplateNotFoundError } from './templates';

/**
 * A template's status and tags, kept on every version of its name (migrations/014), and its
 * removal. Each change applies to the whole name, so the latest version, which the lists show,
 * always carries them.
 */

function latest(store: Store, name: string): TemplateSummary {
  const versions = listTemplateVersions(store, templateNameSchema.parse(name));
  const newest = versions[versions.length - 1];
  if (!newest) throw new TemplateNotFoundError(errorReason('template.notFound', { name }));
  return newest;
}

export function setTemplateStatus(store: Store, name: string, status: TemplateStatus): TemplateSummary {
  const checked = z.enum(TEMPLATE_STATUSES).parse(status);
  return store.transaction(() => {
    latest(store, name);
    store.run(store.kysely.updateTable('workflow_template').set({ status: checked }).where('name', '=', name));
    return latest(store, name);
  });
}

export function archiveTemplate(store: Store, name: string): TemplateSummary {
  return setTemplateStatus(store, name, 'archived');
}

/** Tags are trimmed and kept once each (the first spelling of tags equal in any case). */
export function setTemplateTags(store: Store, name: string, tags: readonly string[]): TemplateSummary {
  const seen = new Set<string>();
  const unique = templateTagsSchema.parse(tags).filter((tag) => !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
  return store.transaction(() => {
    latest(store, name);
    store.run(store.kysely.updateTable('workflow_template').set({ tags: JSON.stringify(unique) }).where('name', '=', name));
    return latest(store, name);
  });
}

/** How many tasks were made from some version of the template. */
function tasksUsing(store: Store, name: string): number {
  const row = store.first(
    store.kysely
      .selectFrom('deduction_task')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('template_id', 'in', (eb) => eb.selectFrom('workflow_template').select('id').where('name', '=', name)),
  );
  return Number(row?.count ?? 0);
}

/**
 * Deletes every version of a template; one that tasks were made from is archived instead, so
 * those tasks keep naming it, and the result says so and why.
 */
export function deleteTemplate(store: Store, name: string): DeleteTemplateResult {
  return store.db
    .transaction((): DeleteTemplateResult => {
      latest(store, name);
      const tasks = tasksUsing(store, name);
      if (tasks > 0) {
        store.run(store.kysely.updateTable('workflow_template').set({ status: 'archived' }).where('name', '=', name));
        const reason = errorReason('template.inUseArchived', { name, count: tasks });
        return { outcome: 'archived', tasks, reason, message: reasonText(reason) };
      }
      const result = store.run(store.kysely.deleteFrom('workflow_template').where('name', '=', name));
      return { outcome: 'deleted', versions: result.changes };
    })
    .immediate();
}
