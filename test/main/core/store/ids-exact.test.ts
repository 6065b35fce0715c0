import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/main/core/store/store';
import { openTestStore } from '../../../helpers/store';

const BIG_IDS = ['9007199254740993', '9223372036854775807', '1234567890123456789'];

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => store.close());

function insertTemplate(id: string): void {
  store.run(
    store.kysely.insertInto('workflow_template').values({ id, name: `t${id}`, version: 1, description: null, definition: '{}', created_by: null, created_at: 1 }),
  );
}

describe('64-bit ids', () => {
  it('write and read back exactly through kysely, synchronously and asynchronously', async () => {
    for (const id of BIG_IDS) insertTemplate(id);
    const sync = store.all(store.kysely.selectFrom('workflow_template').select(['id', 'name', 'version']).orderBy('name'));
    expect(sync.map((row) => row.id).sort()).toEqual([...BIG_IDS].sort());
    expect(sync.every((row) => typeof row.version === 'number')).toBe(true);
    const asyncRows = await store.kysely.selectFrom('workflow_template').select('id').where('id', '=', '9223372036854775807').execute();
    expect(asyncRows).toEqual([{ id: '9223372036854775807' }]);
    const byId = store.first(store.kysely.selectFrom('workflow_template').select('name').where('id', '=', '9007199254740993'));
    expect(byId).toEqual({ name: 't9007199254740993' });
  });

  it('stay exact through JSON, as every transport carries them', () => {
    insertTemplate('9007199254740993');
    const row = store.first(store.kysely.selectFrom('workflow_template').selectAll().where('name', '=', 't9007199254740993'));
    const wire = JSON.parse(JSON.stringify(row)) as { id: string };
    expect(wire.id).toBe('9007199254740993');
    expect(Number(wire.id)).toBe(9007199254740992);
  });

  it('are stored as SQLite integers, not text', () => {
    insertTemplate('9007199254740993');
    const type = store.db.prepare(`SELECT typeof(id) FROM workflow_template`).pluck().get();
    expect(type).toBe('integer');
  });
});
