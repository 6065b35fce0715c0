import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { recordingIo } from '../helpers/cli-io';
import { useTempDirs } from '../helpers/temp';

const tempDir = useTempDirs();

async function cli(...args: string[]) {
  const io = recordingIo();
  const code = await main(args, io);
  return { code, stderr: io.stderr() };
}

/** A folder with a file that is not a database and a file that is not a run bundle. */
function workspace() {
  const dir = tempDir();
  const garbage = join(dir, 'notes.txt');
  writeFileSync(garbage, 'meeting notes, not a database '.repeat(100));
  const badBundle = join(dir, 'bad.bundle');
  writeFileSync(badBundle, 'nope\n');
  mkdirSync(join(dir, 'folder'));
  return { dir, garbage, badBundle, db: join(dir, 'db.sqlite') };
}

describe('invalid input exits 2 across the CLI, naming the file in words', () => {
  it('refuses missing, malformed and folder bundles on import', async () => {
    const { dir, badBundle, db } = workspace();
    expect(await cli('import-run', join(dir, 'missing.bundle'), '--db', db)).toEqual({ code: 2, stderr: `deduction: ${join(dir, 'missing.bundle')}: the run bundle does not exist` });
    expect(await cli('import-run', join(dir, 'folder'), '--db', db)).toEqual({ code: 2, stderr: `deduction: ${join(dir, 'folder')}: the run bundle is a folder, not a file` });
    const malformed = await cli('import-run', badBundle, '--db', db);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^deduction: .*bad\.bundle:1: not JSON/);
  });

  it('refuses a file that is not a database, whichever command opens it', async () => {
    const { dir, garbage } = workspace();
    for (const args of [
      ['backup', '--out', join(dir, 'copy.sqlite'), '--db', garbage],
      ['export-run', '1', '--out', join(dir, 'out.bundle'), '--db', garbage],
      ['report', '1', '--out', join(dir, 'r.html'), '--db', garbage],
    ]) {
      const result = await cli(...args);
      expect(result, args[0]).toEqual({ code: 2, stderr: expect.stringMatching(/^deduction: .*notes\.txt is not a readable SQLite database/) });
    }
    const restore = await cli('restore', garbage, '--db', join(dir, 'restored.sqlite'));
    expect(restore).toEqual({ code: 2, stderr: expect.stringMatching(/^deduction: .*notes\.txt cannot be restored: file is not a database/) });
  });

  it('refuses a --db that is a folder or sits in a folder that does not exist, without errno codes', async () => {
    const { dir } = workspace();
    const inFolder = await cli('backup', '--out', join(dir, 'copy.sqlite'), '--db', join(dir, 'folder'));
    expect(inFolder.code).toBe(2);
    expect(inFolder.stderr).toMatch(/folder is a folder; give the path of a database file/);
    const nowhere = await cli('export-run', '1', '--out', join(dir, 'out.bundle'), '--db', join(dir, 'nowhere', 'db.sqlite'));
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/the folder .*nowhere does not exist/);
    expect(`${inFolder.stderr}${nowhere.stderr}`).not.toMatch(/E[A-Z]{3,}:/);
  });

  it('refuses a task the database does not hold', async () => {
    const { dir, db } = workspace();
    expect(await cli('export-run', '12345', '--out', join(dir, 'out.bundle'), '--db', db)).toEqual({ code: 2, stderr: `deduction: ${db}: there is no task 12345 in this database` });
  });
});
