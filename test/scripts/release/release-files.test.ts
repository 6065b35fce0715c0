import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishArtifacts, finishFolder, runCommand } from '../../../scripts/release/release-files.mjs';
import { useTempDirs } from '../../helpers/temp';

const tempDir = useTempDirs();

/** Stands in for gpg: records each call and writes the signature file it was asked for. */
function fakeGpg() {
  const calls: Array<{ command: string; args: string[]; input: string | undefined }> = [];
  const run = async (command: string, args: string[], options: { input?: string }) => {
    calls.push({ command, args, input: options.input });
    writeFileSync(args[args.indexOf('--output') + 1]!, `signature of ${args.at(-1)}`);
  };
  return { calls, run };
}

function linuxBuild(): { dir: string; artifacts: string[] } {
  const dir = tempDir();
  const artifacts = ['deduction-console-0.1.0-linux-x86_64.AppImage', 'deduction-console_0.1.0_amd64.deb', 'deduction-console-0.1.0-linux-x86_64.AppImage.blockmap'].map((name) => {
    writeFileSync(join(dir, name), `bytes of ${name}`);
    return join(dir, name);
  });
  return { dir, artifacts };
}

const listed = (dir: string) => readFileSync(join(dir, 'SHA256SUMS'), 'utf8').trim().split('\n').map((line) => line.slice(66));

describe('finishing a build', () => {
  it('with GPG_KEY_ID: signs the AppImage and deb, lists everything in SHA256SUMS, and signs that', async () => {
    const { dir, artifacts } = linuxBuild();
    const gpg = fakeGpg();
    const created = await finishArtifacts({ outDir: dir, artifactPaths: artifacts, env: { GPG_KEY_ID: ' 0xA1B2 ', GPG_PASSPHRASE: 'secret words' }, run: gpg.run, log: () => undefined });
    expect(gpg.calls.map((call) => call.args.at(-1))).toEqual([artifacts[0], artifacts[1], join(dir, 'SHA256SUMS')]);
    expect(gpg.calls.every((call) => call.command === 'gpg' && call.args.includes('0xA1B2') && call.input === 'secret words')).toBe(true);
    expect(gpg.calls.flatMap((call) => call.args)).not.toContain('secret words');
    expect(created).toEqual([`${artifacts[0]}.asc`, `${artifacts[1]}.asc`, join(dir, 'SHA256SUMS'), join(dir, 'SHA256SUMS.asc')]);
    expect(listed(dir)).toEqual([
      'deduction-console-0.1.0-linux-x86_64.AppImage',
      'deduction-console-0.1.0-linux-x86_64.AppImage.asc',
      'deduction-console-0.1.0-linux-x86_64.AppImage.blockmap',
      'deduction-console_0.1.0_amd64.deb',
      'deduction-console_0.1.0_amd64.deb.asc',
    ]);
  });

  it('without GPG_KEY_ID: signs nothing, says so, and still writes SHA256SUMS', async () => {
    const { dir, artifacts } = linuxBuild();
    const gpg = fakeGpg();
    const messages: string[] = [];
    const created = await finishArtifacts({ outDir: dir, artifactPaths: artifacts, env: { GPG_KEY_ID: '' }, run: gpg.run, log: (message) => messages.push(message) });
    expect(gpg.calls).toEqual([]);
    expect(created).toEqual([join(dir, 'SHA256SUMS')]);
    expect(messages[0]).toMatch(/GPG_KEY_ID is not set: .*AppImage, .*\.deb left without GPG signatures/);
    expect(listed(dir)).toHaveLength(3);
  });

  it('with no artifacts (an unpacked build): writes nothing', async () => {
    const dir = tempDir();
    const messages: string[] = [];
    expect(await finishArtifacts({ outDir: dir, artifactPaths: [], env: {}, log: (message) => messages.push(message) })).toEqual([]);
    expect(existsSync(join(dir, 'SHA256SUMS'))).toBe(false);
    expect(messages).toEqual([expect.stringMatching(/nothing to sign or list/)]);
  });
});

describe('finishing a release folder', () => {
  it('lists every file in it, the update files included, and not its own manifest', async () => {
    const { dir } = linuxBuild();
    writeFileSync(join(dir, 'latest-linux.yml'), 'version: 0.1.0\n');
    writeFileSync(join(dir, 'SHA256SUMS'), 'stale\n');
    writeFileSync(join(dir, 'SHA256SUMS.asc'), 'stale signature\n');
    const gpg = fakeGpg();
    const created = await finishFolder({ dir, env: { GPG_KEY_ID: 'release@example.org' }, run: gpg.run, log: () => undefined });
    expect(created).toEqual([join(dir, 'SHA256SUMS'), join(dir, 'SHA256SUMS.asc')]);
    expect(listed(dir)).toContain('latest-linux.yml');
    expect(listed(dir)).not.toContain('SHA256SUMS');
    expect(listed(dir)).not.toContain('SHA256SUMS.asc');
    expect(gpg.calls.map((call) => call.args.at(-1))).toEqual([join(dir, 'SHA256SUMS')]);
    expect(gpg.calls[0]!.args).not.toContain('--pinentry-mode');
  });
});

describe('running a command', () => {
  it('passes arguments as they are, feeds stdin, and reports a failure with its stderr', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.json');
    const script = `const fs=require('fs');fs.writeFileSync(${JSON.stringify(out)},JSON.stringify({args:process.argv.slice(1),stdin:fs.readFileSync(0,'utf8')}))`;
    await runCommand(process.execPath, ['-e', script, 'a b', '$(x)'], { input: 'pass phrase' });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ args: ['a b', '$(x)'], stdin: 'pass phrase' });
    await expect(runCommand(process.execPath, ['-e', 'console.error("no secret key"); process.exit(2)'])).rejects.toThrow(/failed: no secret key/);
  });
});
