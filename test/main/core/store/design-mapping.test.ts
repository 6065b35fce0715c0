import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/main/core/store/store';
import { DEFAULT_DEPENDENCY_TYPE } from '../../../../src/shared/status';
import { FIXTURES_DIR, REPO_ROOT } from '../../../helpers/paths';
import { openTestStore } from '../../../helpers/store';

type Target = string | { to: string | string[]; note: string };
const design = JSON.parse(readFileSync(join(FIXTURES_DIR, 'schema/design-columns.json'), 'utf8')) as { tables: Record<string, string[]> };
const mapping = JSON.parse(readFileSync(join(REPO_ROOT, 'docs/seed-schema.json'), 'utf8')) as { columns: Record<string, Target> };
const designColumns = Object.entries(design.tables).flatMap(([table, columns]) => columns.map((column) => `${table}.${column}`));
const targetsOf = (target: Target): string[] => (typeof target === 'string' ? [target] : typeof target.to === 'string' ? [target.to] : target.to);

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => store.close());

/** Every column of every table and view of the migrated schema, as "table.column". */
function schemaColumns(): Set<string> {
  const relations = store.db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  const columns = new Set<string>();
  for (const relation of relations) {
    for (const column of store.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(relation) as string[]) columns.add(`${relation}.${column}`);
  }
  return columns;
}

describe('docs/seed-schema.json: the design’s columns in our schema', () => {
  it('lists the six tables of the design with their columns', () => {
    expect(Object.keys(design.tables)).toEqual(['deduction_task', 'workflow_node', 'node_execution', 'node_dependency', 'node_execution_log', 'node_state_transition']);
    expect(designColumns).toHaveLength(new Set(designColumns).size);
    expect(designColumns.length).toBeGreaterThan(80);
  });

  it('maps every design column, and nothing else', () => {
    expect(designColumns.filter((column) => !(column in mapping.columns))).toEqual([]);
    expect(Object.keys(mapping.columns).filter((column) => !designColumns.includes(column))).toEqual([]);
  });

  it('points every mapping at a column the migrated schema has', () => {
    const columns = schemaColumns();
    const missing = Object.values(mapping.columns)
      .flatMap(targetsOf)
      .filter((target) => !columns.has(target));
    expect(missing).toEqual([]);
  });

  it('explains every renamed column in a note', () => {
    const unexplained = Object.entries(mapping.columns).filter(([column, target]) => typeof target === 'string' && target.split('.')[1] !== column.split('.')[1]);
    expect(unexplained).toEqual([]);
    for (const target of Object.values(mapping.columns)) if (typeof target !== 'string') expect(target.note.length).toBeGreaterThan(0);
  });

  it('gives an edge without a type the design’s default, in the store as in the definition', () => {
    const column = store.db.prepare(`SELECT dflt_value FROM pragma_table_info('node_dependency') WHERE name = 'dependency_type'`).pluck().get();
    expect(column).toBe(`'${DEFAULT_DEPENDENCY_TYPE}'`);
    expect(DEFAULT_DEPENDENCY_TYPE).toBe('finish');
  });
});
