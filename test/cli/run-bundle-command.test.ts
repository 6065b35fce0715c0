import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { openStore } from '../../src/main/core/store/store';
import { recordingIo } from '../helpers/cli-io';
import { MIGRATIONS_DIR } from '../helpers/paths';
import { bundleLines, lineOf, seedRun, writeLines } from '../helpers/run-bundle';
import { useTempDirs } from '../helpers/temp';

const tempDir = useTempDirs();

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = recordingIo();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('deduction export-run / import-run', () => {
  it('exports signed, imports as history with the signature checked, and exits 2 on every invalid bundle or key', async () => {
    const dir = tempDir();
    const sourceDb = join(dir, 'source.sqlite');
    const source = await openStore({ file: sourceDb, migrationsDir: MIGRATIONS_DIR });
    const taskId = seedRun(source, { taskStatus: 'running', nodeStatus: 'running', executionStatus: 'running' });
    source.close();
    const key = join(dir, 'team.key');
    writeFileSync(key, randomBytes(32));
    const bundle = join(dir, 'run.ndjson');
    const targetDb = join(dir, 'target.sqlite');

    const exported = await run(['export-run', taskId, '--out', bundle, '--key', key, '--db', sourceDb]);
    expect(exported).toMatchObject({ code: 0, err: '' });
    expect(exported.out).toMatch(/exported task \d+ to .*run\.ndjson: 109 rows \(100 log lines\), sha256 [0-9a-f]{64}, signed \(hmac-sha256\)/);

    const lines = bundleLines(bundle);
    const line = lineOf(lines, /"operator":"张三"/);
    const tampered = [...lines];
    tampered[line - 1] = lines[line - 1]!.replace('张三', 'admin');
    writeLines(dir, 'tampered.ndjson', tampered);
    writeFileSync(join(dir, 'short.key'), 'x');
    const invalid: Array<[string[], RegExp]> = [
      [['import-run', join(dir, 'tampered.ndjson')], new RegExp(`tampered\\.ndjson:${line}: this row does not match the bundle's digest`)],
      [['import-run', join(dir, 'absent.ndjson')], /absent\.ndjson: the run bundle does not exist/],
      [['import-run', bundle, '--key', join(dir, 'absent.key')], /absent\.key: the key file does not exist/],
      [['import-run', bundle, '--key', join(dir, 'short.key')], /short\.key: a shared key file must hold at least 32 bytes/],
      [['export-run', taskId, '--out', join(dir, 'again.ndjson'), '--key', join(dir, 'absent.key'), '--db', sourceDb], /absent\.key: the key file does not exist/],
      [['export-run', '123', '--out', join(dir, 'none.ndjson'), '--db', sourceDb], /source\.sqlite: there is no task 123 in this database/],
      [['export-run', taskId, '--out', bundle, '--db', sourceDb], /run\.ndjson: the file already exists; choose a new file/],
    ];
    for (const [argv, message] of invalid) {
      const result = await run([...argv, ...(argv[0] === 'import-run' ? ['--db', targetDb] : [])]);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.err).not.toMatch(/ENOENT|EACCES|errno/);
    }

    const imported = await run(['import-run', bundle, '--key', key, '--db', targetDb]);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toMatch(new RegExp(`imported task ${taskId} from .*run\\.ndjson as read-only history: 3 nodes, 100 log lines; sha256 [0-9a-f]{64} \\(signature verified\\)`));
    expect((await run(['import-run', bundle, '--db', targetDb])).out).toMatch(/is already in .*target\.sqlite from this bundle; nothing changed/);
  });
});
