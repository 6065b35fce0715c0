import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestName, manifestText, sha256File, writeManifest } from '../../../scripts/release/checksums.mjs';
import { useTempDirs } from '../../helpers/temp';

const tempDir = useTempDirs();
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('SHA256SUMS', () => {
  it('lists hash, two spaces and name, sorted by name, one line each', () => {
    expect(manifestText([
      { name: 'b.deb', sha256: ABC },
      { name: 'Deduction Console Setup 0.1.0.exe', sha256: EMPTY },
      { name: 'a.AppImage', sha256: ABC },
    ])).toBe(`${EMPTY}  Deduction Console Setup 0.1.0.exe\n${ABC}  a.AppImage\n${ABC}  b.deb\n`);
    expect(manifestText([])).toBe('');
  });

  it('refuses names sha256sum would have to escape, and hashes that are not SHA-256', () => {
    expect(() => manifestText([{ name: 'two\nlines', sha256: ABC }])).toThrow(/cannot be listed/);
    expect(() => manifestText([{ name: 'back\\slash', sha256: ABC }])).toThrow(/cannot be listed/);
    expect(() => manifestText([{ name: 'x', sha256: 'ABC' }])).toThrow(/not a SHA-256/);
  });

  it('names files relative to its folder, with forward slashes, and nothing outside it', () => {
    expect(manifestName('/r/dist', '/r/dist/a.exe')).toBe('a.exe');
    expect(manifestName('/r/dist', '/r/dist/mac/a.zip')).toBe('mac/a.zip');
    expect(() => manifestName('/r/dist', '/r/other/a.exe')).toThrow(/not inside/);
  });

  it('hashes files as sha256sum does, and sha256sum -c accepts what it writes', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'abc.bin'), 'abc');
    writeFileSync(join(dir, 'Deduction Console Setup 0.1.0.exe'), '');
    mkdirSync(join(dir, 'mac'));
    writeFileSync(join(dir, 'mac', 'app.zip'), 'zip bytes');
    expect(await sha256File(join(dir, 'abc.bin'))).toBe(ABC);
    const manifest = await writeManifest(dir, [join(dir, 'abc.bin'), join(dir, 'Deduction Console Setup 0.1.0.exe'), join(dir, 'mac', 'app.zip')]);
    expect(manifest).toBe(join(dir, 'SHA256SUMS'));
    expect(readFileSync(manifest, 'utf8').split('\n')[0]).toBe(`${EMPTY}  Deduction Console Setup 0.1.0.exe`);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' })).toBe(
      'Deduction Console Setup 0.1.0.exe: OK\nabc.bin: OK\nmac/app.zip: OK\n',
    );
    writeFileSync(join(dir, 'abc.bin'), 'tampered');
    expect(() => execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dir, stdio: 'pipe' })).toThrow();
  });
});
