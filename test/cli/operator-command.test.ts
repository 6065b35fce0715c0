import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { recordingIo } from '../helpers/cli-io';
import { useTempDirs } from '../helpers/temp';

const tempDir = useTempDirs();

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = recordingIo();
  const code = await main(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('deduction operator', () => {
  it('adds, lists, replaces and removes operators, and refuses a malformed skill or an unknown name', async () => {
    const db = join(tempDir(), 'console.sqlite');
    expect(await cli(['operator', 'add', 'alice', '--skill', 'db', '--skill', 'linux', '--db', db])).toMatchObject({ code: 0, stdout: 'saved operator alice  skills: db, linux  0 open manual step(s)' });
    expect((await cli(['operator', 'add', 'carol', '--supervisor', '--db', db])).code).toBe(0);
    expect((await cli(['operator', 'add', 'alice', '--skill', 'gpu', '--db', db])).code).toBe(0);
    expect((await cli(['operator', 'list', '--db', db])).stdout).toBe('alice  skills: gpu  0 open manual step(s)\ncarol  (supervisor)  skills: none  0 open manual step(s)');
    const listed = JSON.parse((await cli(['operator', 'list', '--json', '--db', db])).stdout) as unknown[];
    expect(listed).toEqual([
      { name: 'alice', skills: ['gpu'], supervisor: false, openSteps: 0 },
      { name: 'carol', skills: [], supervisor: true, openSteps: 0 },
    ]);
    expect(await cli(['operator', 'remove', 'carol', '--db', db])).toMatchObject({ code: 0, stdout: 'removed operator carol' });
    expect(await cli(['operator', 'remove', 'carol', '--db', db])).toMatchObject({ code: 1, stderr: 'deduction: There is no operator "carol"' });
    const bad = await cli(['operator', 'add', 'bob', '--skill', 'two words', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--skill');
  });
});
