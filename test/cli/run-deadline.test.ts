import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { recordingIo } from '../helpers/cli-io';
import { useTempDirs } from '../helpers/temp';
import { flat } from '../helpers/workflow';

const tempDir = useTempDirs();

describe('deduction run --deadline', () => {
  it('stores the deadline with the task, and refuses a time without its offset, exit 2', async () => {
    const dir = tempDir();
    const file = join(dir, 'quick.json');
    writeFileSync(file, JSON.stringify(flat(['only', { agentConfig: { durationMs: 0 } }])));
    const db = join(dir, 'db.sqlite');
    expect(await main(['run', file, '--db', db, '--json', '--deadline', '2026-12-08T09:30:00+08:00'], recordingIo())).toBe(0);
    const reader = new BetterSqlite3(db, { readonly: true });
    expect(reader.prepare('SELECT deadline FROM deduction_task').pluck().get()).toBe(Date.UTC(2026, 11, 8, 1, 30));
    reader.close();

    const bad = recordingIo();
    expect(await main(['run', file, '--db', db, '--deadline', 'tomorrow morning'], bad)).toBe(2);
    expect(bad.stderr()).toMatch(/deadline/);
  }, 30_000);
});
