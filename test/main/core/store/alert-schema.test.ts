import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/main/core/store/store';
import { ALERT_SEVERITIES, ALERT_STATES } from '../../../../src/shared/api/alerts';
import { insertTask } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => store.close());

/** The words of `column IN ('a', 'b')` in the table's CREATE statement. */
function checkList(table: string, column: string): string[] {
  const sql = store.db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table) as string;
  const list = new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(sql);
  if (!list) throw new Error(`no CHECK list of ${table}.${column}`);
  return list[1]!.split(',').map((word) => word.trim().replace(/^'|'$/g, ''));
}

const insert = (state: string, extra = '') =>
  store.db.prepare(`INSERT INTO alert (rule, severity, state, condition_key, raised_at, last_fired_at${extra ? ', ' + extra : ''}) VALUES ('engine-lost', 'critical', ?, ?, 1, 1${extra ? ', 1' : ''})`).run(state, `k${Math.random()}`);

describe('the alert table (migration 013)', () => {
  it('checks states and severities against the lists of src/shared/api/alerts.ts', () => {
    expect(checkList('alert', 'state')).toEqual([...ALERT_STATES]);
    expect(checkList('alert', 'severity')).toEqual([...ALERT_SEVERITIES]);
    expect(() => insert('closed')).toThrow(/CHECK constraint/);
  });

  it('keeps state and times together: resolved has a resolution time, acknowledged an acknowledgement time', () => {
    expect(() => insert('resolved')).toThrow(/CHECK constraint/);
    expect(() => insert('acknowledged')).toThrow(/CHECK constraint/);
    expect(() => insert('acknowledged', 'acknowledged_at')).not.toThrow();
    expect(() => insert('resolved', 'resolved_at')).not.toThrow();
  });

  it('holds one unresolved alert per condition, and any number of resolved ones', () => {
    const add = (state: string) =>
      store.db
        .prepare(`INSERT INTO alert (rule, severity, state, condition_key, raised_at, last_fired_at, resolved_at) VALUES ('engine-lost', 'critical', ?, 'same', 1, 1, ?)`)
        .run(state, state === 'resolved' ? 1 : null);
    add('resolved');
    add('resolved');
    add('open');
    expect(() => add('open')).toThrow(/UNIQUE constraint/);
  });

  it('goes with its task when the task is deleted', () => {
    const taskId = insertTask(store);
    store.db.prepare(`INSERT INTO alert (rule, severity, condition_key, task_id, raised_at, last_fired_at) VALUES ('run-time', 'warning', 'k', ?, 1, 1)`).run(BigInt(taskId));
    store.db.prepare('DELETE FROM deduction_task WHERE id = ?').run(BigInt(taskId));
    expect(store.db.prepare('SELECT count(*) FROM alert').pluck().get()).toBe(0n);
  });
});
