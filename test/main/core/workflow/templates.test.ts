import { afterEach, describe, expect, it } from 'vitest';
import { isId } from '../../../../src/shared/ids';
import { WORKFLOW_PROBLEM as P } from '../../../../src/shared/workflow/problem-codes';
import type { Store } from '../../../../src/main/core/store/store';
import {
  diffTemplateVersions,
  listTemplates,
  listTemplateVersions,
  loadTemplate,
  saveTemplate,
  TemplateNotFoundError,
} from '../../../../src/main/core/workflow/templates';
import { join } from 'node:path';
import { openStore } from '../../../../src/main/core/store/store';
import { MIGRATIONS_DIR } from '../../../helpers/paths';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';
import { agent, container, exampleText, flat, workflow } from '../../../helpers/workflow';

const tempDir = useTempDirs();
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function store(dir?: string, worker?: number): Promise<Store> {
  const opened = dir === undefined ? await openTestStore() : await openStore({ file: join(dir, 'db.sqlite'), migrationsDir: MIGRATIONS_DIR, ...(worker !== undefined && { worker }) });
  stores.push(opened);
  return opened;
}

function count(db: Store): number {
  return Number(db.db.prepare('SELECT count(*) FROM workflow_template').pluck().get());
}

describe('workflow templates', () => {
  it('saves a definition as version 1, then 2, 3 under the same name, with decimal string ids', async () => {
    const db = await store();
    const example = JSON.parse(exampleText('red-vs-blue.json'));
    const first = saveTemplate(db, example, { createdBy: 'analyst', now: () => 1000 });
    const second = saveTemplate(db, { ...example, description: 'second take' }, { now: () => 2000 });
    const third = saveTemplate(db, example);
    expect([first, second, third].map((result) => result.ok && result.template.version)).toEqual([1, 2, 3]);
    if (!first.ok || !second.ok) throw new Error('not saved');
    expect(isId(first.template.id)).toBe(true);
    expect(first.template).toMatchObject({ name: 'Red vs Blue: strait crossing', createdBy: 'analyst', createdAt: 1000 });
    expect(second.template.description).toBe('second take');
    expect(first.template.id).not.toBe(second.template.id);
  });

  it('lists the latest version per name, every version of one name, and loads any version', async () => {
    const db = await store();
    saveTemplate(db, JSON.parse(exampleText('red-vs-blue.json')));
    const v2 = saveTemplate(db, { ...JSON.parse(exampleText('red-vs-blue.json')), variables: { scenario: 'night' } });
    saveTemplate(db, JSON.parse(exampleText('it-ops-maintenance.json')));
    saveTemplate(db, flat(['a']), { name: '推演模板 🟥' });

    expect(listTemplates(db).map((template) => [template.name, template.version])).toEqual([
      ['IT operations: patch the order service', 1],
      ['Red vs Blue: strait crossing', 2],
      ['推演模板 🟥', 1],
    ]);
    expect(listTemplateVersions(db, 'Red vs Blue: strait crossing').map((template) => template.version)).toEqual([1, 2]);
    expect(listTemplateVersions(db, 'nothing')).toEqual([]);

    const latest = loadTemplate(db, { name: 'Red vs Blue: strait crossing' })!;
    expect(latest.version).toBe(2);
    expect(latest.definition.variables).toEqual({ scenario: 'night' });
    const first = loadTemplate(db, { name: 'Red vs Blue: strait crossing', version: 1 })!;
    expect(first.definition.variables).toEqual({ scenario: 'strait-crossing', strikeThreshold: 0.5, rounds: 1 });
    if (!v2.ok) throw new Error('not saved');
    expect(loadTemplate(db, { id: v2.template.id })!.version).toBe(2);
    expect(loadTemplate(db, { id: '1' })).toBeUndefined();
    expect(loadTemplate(db, { name: 'Red vs Blue: strait crossing', version: 9 })).toBeUndefined();
  });

  it('stores the normalized definition, which validates again to itself', async () => {
    const db = await store();
    saveTemplate(db, workflow([container('root'), agent('a', 'root')]), { name: 't' });
    const loaded = loadTemplate(db, { name: 't' })!;
    expect(loaded.definition.nodes[0]).toMatchObject({ isRoot: true, parentId: null, children: ['a'], join: 'all', priority: 0 });
  });

  it('writes nothing for an invalid definition, and returns every problem', async () => {
    const db = await store();
    const result = saveTemplate(db, flat(['a', { dependencies: [{ sourceNodeId: 'ghost' }] }], ['a']));
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.code)).toEqual([P.duplicateNodeId, P.unknownDependency]);
    expect(saveTemplate(db, 'not a workflow').ok).toBe(false);
    expect(saveTemplate(db, flat(['a']), { name: '   ' }).ok).toBe(false);
    expect(count(db)).toBe(0);
  });

  it('keeps warnings when it saves', async () => {
    const db = await store();
    const result = saveTemplate(db, workflow([container('root'), container('empty', { parentId: 'root' })]));
    expect(result.ok).toBe(true);
    expect(result.problems.map((problem) => problem.code)).toEqual([P.emptyContainer]);
  });

  it('diffs two versions of a template', async () => {
    const db = await store();
    const example = JSON.parse(exampleText('it-ops-maintenance.json'));
    saveTemplate(db, example);
    example.nodes = example.nodes.filter((node: { nodeId: string }) => node.nodeId !== 'report' && node.nodeId !== 'release-target');
    example.nodes[0].children = example.nodes[0].children.filter((id: string) => id !== 'report' && id !== 'release-target');
    saveTemplate(db, example);
    const diff = diffTemplateVersions(db, example.name, 1, 2);
    expect(diff.nodes.removed.map((node) => node.nodeId)).toEqual(['report', 'release-target']);
    expect(diff.edges.removed.map((edge) => `${edge.sourceNodeId}→${edge.targetNodeId}`)).toEqual(['verify→report', 'rollback→report', 'report→release-target']);
    expect(diff.nodes.changed).toEqual([{ nodeId: 'maintenance-run', changes: [expect.objectContaining({ field: 'children' })] }]);
    expect(diffTemplateVersions(db, example.name, 2, 2).identical).toBe(true);
    expect(() => diffTemplateVersions(db, example.name, 1, 5)).toThrow(TemplateNotFoundError);
    expect(() => diffTemplateVersions(db, example.name, 1, 5)).toThrow(expect.objectContaining({ reason: { key: 'template.versionNotFound', params: { name: example.name, version: '5' } } }));
    expect(() => diffTemplateVersions(db, example.name, 1, 5)).toThrow(/has no version 5/);
  });

  it('continues the version numbers of a name across two connections to one file', async () => {
    const dir = tempDir();
    // Snowflake ids are unique per worker, so two connections that write one file use two workers.
    const one = await store(dir, 1);
    const two = await store(dir, 2);
    const results = [one, two, one, two].map((db) => saveTemplate(db, flat(['a']), { name: 'shared' }));
    expect(results.map((result) => result.ok && result.template.version)).toEqual([1, 2, 3, 4]);
  });
});
