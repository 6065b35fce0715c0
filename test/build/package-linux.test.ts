import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUSES } from '../../scripts/release/fuses.mjs';
import { BINDING_FILE, electronBindingDir } from '../../src/main/core/store/native-binding';
import { ensureBuiltApp } from '../helpers/built-app';
import { SHIPPED_FUSES, writeFakeElectronBinary } from '../helpers/fake-electron-binary';
import { REPO_ROOT } from '../helpers/paths';

/**
 * electron-builder itself, on the real configuration, packing an unpacked Linux app around a
 * stand-in Electron binary (the real one cannot be downloaded here; the configuration rebuilds
 * no native module): what lands in the package, and the fuses the afterPack hook flips.
 */
const work = mkdtempSync(join(tmpdir(), 'deduction-package-'));
const unpacked = join(work, 'dist', 'linux-unpacked');
const bindingDir = electronBindingDir('linux', process.arch);
const binding = join(REPO_ROOT, bindingDir, BINDING_FILE);
// The Electron build of better-sqlite3 cannot be made here (no Electron headers): a stand-in
// takes its place unless a real one was built, and is removed again.
const standIn = !existsSync(binding);
// The outermost folder the stand-in creates, so that nothing of it is left behind.
const madeFolder = ['native', 'native/electron', bindingDir].map((folder) => join(REPO_ROOT, folder)).find((folder) => !existsSync(folder));
let output = '';

beforeAll(async () => {
  ensureBuiltApp();
  if (standIn) {
    mkdirSync(dirname(binding), { recursive: true });
    writeFileSync(binding, 'stand-in for the Electron build of better-sqlite3');
  }
  writeFakeElectronBinary(join(work, 'electron-dist', 'electron'));
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' };
  for (const name of ['GPG_KEY_ID', 'CSC_LINK', 'WINDOWS_SIGN_COMMAND']) delete env[name];
  const result = await promisify(execFile)(
    'npx',
    ['electron-builder', '--linux', 'dir', '--publish', 'never', `-c.electronDist=${join(work, 'electron-dist')}`, `-c.directories.output=${join(work, 'dist')}`],
    { cwd: REPO_ROOT, env, maxBuffer: 16 * 1024 * 1024 },
  );
  output = result.stdout + result.stderr;
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (standIn) rmSync(madeFolder ?? binding, { recursive: true, force: true });
});

describe('an unpacked Linux build', () => {
  it('packs the built app and its production dependencies into app.asar, and nothing of the sources', () => {
    const entries = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((entry) => entry.replace(/\\/g, '/'));
    const own = entries.filter((entry) => !entry.startsWith('/node_modules'));
    for (const file of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/out/node/cli.js']) expect(own).toContain(file);
    expect(own.filter((entry) => !/^\/(package\.json|out(\/(main|preload|renderer|node)(\/.*)?)?)$/.test(entry))).toEqual([]);
    expect(own.filter((entry) => entry.endsWith('.map'))).toEqual([]);
    for (const dependency of ['better-sqlite3', 'kysely', 'socket.io', 'electron-updater', 'zod']) expect(entries).toContain(`/node_modules/${dependency}/package.json`);
    expect(entries.filter((entry) => /^\/node_modules\/(electron|vitest|typescript|electron-builder|@electron\/fuses)\//.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /better-sqlite3\/(deps|src|build)\//.test(entry))).toEqual([]);
  });

  it('ships the Electron build of better-sqlite3 beside the archive, and no other native addon', () => {
    const shipped = join(unpacked, 'resources', bindingDir, BINDING_FILE);
    expect(readFileSync(shipped)).toEqual(readFileSync(binding));
    const entries = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false });
    expect(entries.filter((entry) => entry.endsWith('.node') || /better-sqlite3[\\/]build/.test(entry))).toEqual([]);
    expect(existsSync(join(unpacked, 'resources', 'app.asar.unpacked'))).toBe(false);
  });

  it('puts the migrations, the agent catalog and the examples beside the archive', () => {
    const resources = join(unpacked, 'resources');
    expect(readdirSync(join(resources, 'migrations'))).toEqual(readdirSync(join(REPO_ROOT, 'migrations')).filter((name) => name.endsWith('.sql')));
    for (const folder of ['catalog', 'examples']) {
      for (const name of readdirSync(join(REPO_ROOT, folder)).filter((entry) => entry.endsWith('.json'))) {
        expect(existsSync(join(resources, folder, name)), `${folder}/${name}`).toBe(true);
      }
    }
  });

  it('carries the app-update.yml the updater reads, for the generic provider', () => {
    const appUpdate = readFileSync(join(unpacked, 'resources', 'app-update.yml'), 'utf8');
    expect(appUpdate).toMatch(/^provider: generic$/m);
    expect(appUpdate).toMatch(/^updaterCacheDirName: /m);
  });

  it('flips the fuses in the binary as the fuse settings say, leaving the others as Electron ships them', async () => {
    const wire = await getCurrentFuseWire(join(unpacked, 'deduction-console'));
    for (const [name, enabled] of Object.entries(FUSES)) {
      expect(wire[FuseV1Options[name as keyof typeof FuseV1Options]], name).toBe(enabled ? 0x31 : 0x30);
    }
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(SHIPPED_FUSES[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]);
    expect(output).toMatch(/fuses set on .*deduction-console \(linux x64\)/);
    expect(output).toMatch(/nothing to sign or list/);
  });
});
