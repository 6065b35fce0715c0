import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveTemplate, deleteTemplate, setTemplateStatus, setTemplateTags } from '../../../../src/main/core/workflow/template-catalog';
import { listTemplates, listTemplateVersions, saveTemplate } from '../../../../src/main/core/workflow/templates';
import type { Store } from '../../../../src/main/core/store/store';
import { TEMPLATE_STATUSES } from '../../../../src/shared/workflow/templates';
import { insertTask } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';
import { agent, container, workflow } from '../../../helpers/workflow';

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => store.close());

function save(name: string): string {
  const result = saveTemplate(store, workflow([container('root'), agent('a', 'root')], { name }));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.template.id;
}

const names = (query?: Parameters<typeof listTemplates>[1]) => listTemplates(store, query).map((template) => template.name);

describe('template status and tags', () => {
  it('starts active with no tags, and keeps the SQL status list equal to the shared one', () => {
    save('Patch Windows');
    expect(listTemplates(store)[0]).toMatchObject({ status: 'active', tags: [] });
    const table = String(store.db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'workflow_template'`).pluck().get());
    const check = /status TEXT NOT NULL DEFAULT 'active' CHECK \(status IN \(([^)]*)\)\)/.exec(table)?.[1];
    expect(check?.split(',').map((word) => word.trim().replace(/'/g, ''))).toEqual([...TEMPLATE_STATUSES]);
    expect(() => store.db.prepare(`UPDATE workflow_template SET status = 'retired'`).run()).toThrow(/CHECK constraint/);
  });

  it('searches names by part in any case and tags in any case; hides archived ones unless asked', () => {
    save('Patch Windows');
    save('patch linux');
    save('Restart DB');
    setTemplateTags(store, 'Restart DB', ['database', 'Nightly', 'nightly ', 'DATABASE']);
    setTemplateTags(store, 'patch linux', ['nightly']);
    expect(listTemplates(store).find((template) => template.name === 'Restart DB')?.tags).toEqual(['database', 'Nightly']);
    expect(names({ search: 'PATCH' })).toEqual(['Patch Windows', 'patch linux']);
    expect(names({ tag: 'NIGHTLY' })).toEqual(['Restart DB', 'patch linux']);
    expect(names({ tag: 'nightly', search: 'db' })).toEqual(['Restart DB']);
    archiveTemplate(store, 'patch linux');
    setTemplateStatus(store, 'Patch Windows', 'draft');
    expect(names()).toEqual(['Patch Windows', 'Restart DB']);
    expect(names({ status: ['archived'] })).toEqual(['patch linux']);
    expect(names({ status: ['draft', 'archived'] })).toEqual(['Patch Windows', 'patch linux']);
  });

  it('carries status and tags to every version, and makes an archived template active by saving it again', () => {
    save('Backup');
    setTemplateTags(store, 'Backup', ['ops']);
    setTemplateStatus(store, 'Backup', 'draft');
    save('Backup');
    expect(listTemplateVersions(store, 'Backup').map((version) => [version.version, version.status, version.tags])).toEqual([
      [1, 'draft', ['ops']],
      [2, 'draft', ['ops']],
    ]);
    archiveTemplate(store, 'Backup');
    save('Backup');
    expect(listTemplates(store)).toMatchObject([{ name: 'Backup', version: 3, status: 'active', tags: ['ops'] }]);
  });

  it('deletes every version of an unused template, and archives one that tasks use, saying how many', () => {
    save('Unused');
    save('Unused');
    expect(deleteTemplate(store, 'Unused')).toEqual({ outcome: 'deleted', versions: 2 });
    expect(listTemplateVersions(store, 'Unused')).toEqual([]);

    const versionId = save('Used');
    for (let index = 0; index < 2; index += 1) {
      const taskId = insertTask(store);
      store.db.prepare('UPDATE deduction_task SET template_id = ? WHERE id = ?').run(BigInt(versionId), BigInt(taskId));
    }
    const result = deleteTemplate(store, 'Used');
    expect(result).toMatchObject({ outcome: 'archived', tasks: 2, message: 'Template "Used" is used by 2 tasks, so it was archived instead of deleted' });
    expect(listTemplateVersions(store, 'Used')).toMatchObject([{ status: 'archived' }]);
  });

  it('names a template that does not exist', () => {
    expect(() => deleteTemplate(store, 'Nope')).toThrow('There is no template "Nope"');
    expect(() => archiveTemplate(store, 'Nope')).toThrow('There is no template "Nope"');
    save('T');
    expect(() => setTemplateStatus(store, 'T', 'gone' as never)).toThrow();
  });
});
