import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch } from 'electron-builder';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { FUSES } from '../../scripts/release/fuses.mjs';
import { SHIPPED_FUSES, writeFakeElectronBinary } from '../helpers/fake-electron-binary';
import { REPO_ROOT } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp';

type AfterPack = (context: unknown) => Promise<void>;
const tempDir = useTempDirs();
const afterPack = async (): Promise<AfterPack> =>
  ((await import(/* @vite-ignore */ pathToFileURL(join(REPO_ROOT, 'build/after-pack.mjs')).href)) as { default: AfterPack }).default;

function context(appOutDir: string, electronPlatformName: string, arch: Arch) {
  return { appOutDir, electronPlatformName, arch, packager: { appInfo: { productFilename: 'Deduction Console' }, executableName: 'deduction-console' } };
}

async function expectFlipped(binary: string): Promise<void> {
  const wire = await getCurrentFuseWire(binary);
  for (const [name, enabled] of Object.entries(FUSES)) {
    expect(wire[FuseV1Options[name as keyof typeof FuseV1Options]], name).toBe(enabled ? 0x31 : 0x30);
  }
  expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(SHIPPED_FUSES[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]);
}

/** A stand-in for the Electron build of better-sqlite3, where electron-builder copies it. */
function placeAddon(resources: string, platform: string, arch: string): void {
  const folder = join(resources, 'native', 'electron', `${platform}-${arch}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'better_sqlite3.node'), 'stand-in');
}

describe('the afterPack hook', () => {
  it('flips the fuses of a Linux executable and says so', async () => {
    const dir = tempDir();
    writeFakeElectronBinary(join(dir, 'deduction-console'));
    placeAddon(join(dir, 'resources'), 'linux', 'x64');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await (await afterPack())(context(dir, 'linux', Arch.x64));
    await expectFlipped(join(dir, 'deduction-console'));
    expect(log.mock.calls.flat().join('\n')).toMatch(/fuses set on .*deduction-console \(linux x64\): RunAsNode=off, .*OnlyLoadAppFromAsar=on/);
    log.mockRestore();
  });

  it('flips the fuses of a Windows .exe and of the framework inside an Intel macOS .app', async () => {
    const dir = tempDir();
    writeFakeElectronBinary(join(dir, 'Deduction Console.exe'));
    const framework = join(dir, 'Deduction Console.app', 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework');
    writeFakeElectronBinary(framework);
    placeAddon(join(dir, 'resources'), 'win32', 'x64');
    placeAddon(join(dir, 'Deduction Console.app', 'Contents', 'Resources'), 'darwin', 'x64');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await (await afterPack())(context(dir, 'win32', Arch.x64));
    await (await afterPack())(context(dir, 'darwin', Arch.x64));
    log.mockRestore();
    await expectFlipped(join(dir, 'Deduction Console.exe'));
    await expectFlipped(join(dir, 'Deduction Console.app'));
  });

  it('fails the build when the binary has no fuse wire', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'deduction-console'), 'not electron');
    placeAddon(join(dir, 'resources'), 'linux', 'x64');
    await expect((await afterPack())(context(dir, 'linux', Arch.x64))).rejects.toThrow(/Could not find sentinel/);
  });

  it('fails the build, naming the command, when the Electron build of better-sqlite3 was not packed', async () => {
    const dir = tempDir();
    writeFakeElectronBinary(join(dir, 'deduction-console'));
    placeAddon(join(dir, 'resources'), 'linux', 'arm64');
    await expect((await afterPack())(context(dir, 'linux', Arch.x64))).rejects.toThrow(/no Electron build of better-sqlite3 .*linux-x64.*npm run native:electron -- --dist/);
  });
});
