import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { openStore, type Store } from '../../src/main/core/store/store';
import { saveTemplate } from '../../src/main/core/workflow/templates';
import { MIGRATIONS_DIR } from '../helpers/paths';
import { recordingIo } from '../helpers/cli-io';
import { insertNode, insertTask } from '../helpers/rows';
import { useTempDirs } from '../helpers/temp';
import { agent, container, workflow } from '../helpers/workflow';

const tempDir = useTempDirs();
const DAY = 86_400_000;

async function withDb(change: (store: Store) => void): Promise<string> {
  const db = join(tempDir(), 'console.sqlite');
  const store = await openStore({ file: db, migrationsDir: MIGRATIONS_DIR });
  try {
    change(store);
  } finally {
    store.close();
  }
  return db;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = recordingIo();
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('deduction template', () => {
  it('lists, searches by name and tag, archives, and deletes (archiving one in use instead)', async () => {
    let usedVersion = '';
    const db = await withDb((store) => {
      for (const name of ['Patch Windows', 'Patch Linux', 'Restart DB']) saveTemplate(store, workflow([container('root'), agent('a', 'root')], { name }));
      const used = saveTemplate(store, workflow([container('root'), agent('a', 'root')], { name: 'In use' }));
      usedVersion = used.ok ? used.template.id : '';
    });
    expect((await cli(['template', 'tag', 'Restart DB', 'database', 'nightly', '--db', db])).out).toBe('Restart DB  v1  active  [database, nightly]');
    expect((await cli(['template', 'list', '--search', 'patch', '--db', db])).out).toBe('Patch Linux  v1  active\nPatch Windows  v1  active');
    expect((await cli(['template', 'list', '--tag', 'NIGHTLY', '--db', db])).out).toBe('Restart DB  v1  active  [database, nightly]');
    expect((await cli(['template', 'archive', 'Patch Linux', '--db', db])).code).toBe(0);
    expect((await cli(['template', 'list', '--search', 'patch', '--db', db])).out).toBe('Patch Windows  v1  active');
    expect((await cli(['template', 'list', '--status', 'archived', '--db', db])).out).toBe('Patch Linux  v1  archived');
    expect(await cli(['template', 'delete', 'Patch Windows', '--db', db])).toMatchObject({ code: 0, out: 'deleted template "Patch Windows" (1 version(s))' });

    const store = await openStore({ file: db, migrationsDir: MIGRATIONS_DIR });
    const taskId = insertTask(store);
    store.db.prepare('UPDATE deduction_task SET template_id = ? WHERE id = ?').run(BigInt(usedVersion), BigInt(taskId));
    store.close();
    expect(await cli(['template', 'delete', 'In use', '--db', db])).toMatchObject({ code: 0, out: 'Template "In use" is used by 1 task, so it was archived instead of deleted' });
    expect(await cli(['template', 'delete', 'Nothing', '--db', db])).toMatchObject({ code: 1, err: 'deduction: There is no template "Nothing"' });
    expect((await cli(['template', 'list', '--status', 'retired', '--db', db])).code).toBe(2);
  });
});

describe('deduction task', () => {
  it('prunes ended tasks by age as a dry run, then with --yes; refuses a running task by id', async () => {
    const ids: Record<string, string> = {};
    const db = await withDb((store) => {
      for (const [name, status, age] of [['old-done', 'completed', 40], ['old-failed', 'failed', 40], ['recent', 'completed', 2], ['live', 'running', 90]] as const) {
        const taskId = insertTask(store, store.ids.next(), status);
        insertNode(store, taskId, 'root', { type: 'container' });
        store.db.prepare('UPDATE deduction_task SET end_time = ?, updated_at = ? WHERE id = ?').run(status === 'running' ? null : Date.now() - age * DAY, Date.now() - age * DAY, BigInt(taskId));
        store.db.prepare(`INSERT INTO node_execution_log (task_id, node_id, message, log_time, created_at) VALUES (?, 'root', 'x', 1, 1)`).run(BigInt(taskId));
        ids[name] = taskId;
      }
    });
    const dry = await cli(['task', 'prune', '--older-than', '30d', '--db', db]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`${ids['old-done']}  task ${ids['old-done']}  completed`);
    expect(dry.out).toMatch(/2 task\(s\) and 2 log line\(s\) would be deleted; run again with --yes/);
    const onlyFailed = await cli(['task', 'prune', '--older-than', '30d', '--status', 'failed', '--db', db]);
    expect(onlyFailed.out).toMatch(/^\S+ .* failed .*\n1 task\(s\)/);
    expect(await cli(['task', 'prune', '--older-than', '30d', '--status', 'running', '--db', db])).toMatchObject({ code: 2, err: expect.stringContaining('only ended statuses') });
    expect(await cli(['task', 'prune', '--older-than', '30d', '--yes', '--db', db])).toMatchObject({ code: 0, out: 'deleted 2 task(s) and 2 log line(s)' });
    expect((await cli(['task', 'prune', '--older-than', '30d', '--db', db])).out).toContain('0 task(s)');

    expect(await cli(['task', 'delete', ids['live']!, '--db', db])).toMatchObject({ code: 2, err: `deduction: Task ${ids['live']} is running; stop it (or let it end) before archiving or deleting it` });
    expect(await cli(['task', 'archive', ids['recent']!, '--db', db])).toMatchObject({ code: 0, out: 'archived 1 task(s)' });
    expect(await cli(['task', 'delete', ids['recent']!, '--db', db])).toMatchObject({ code: 0, out: 'deleted 1 task(s) and 1 log line(s)' });
    expect(await cli(['task', 'delete', ids['recent']!, '--db', db])).toMatchObject({ code: 1, err: `deduction: There is no task ${ids['recent']}` });
    expect((await cli(['task', 'prune', '--older-than', 'soon', '--db', db])).code).toBe(2);
  });
});
