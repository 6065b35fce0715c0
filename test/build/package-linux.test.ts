import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUSES } from '../../scripts/release/fuses.mjs';
import { ensureBuiltApp } from '../helpers/built-app';
import { SHIPPED_FUSES, writeFakeElectronBinary } from '../helpers/fake-electron-binary';
import { REPO_ROOT } from '../helpers/paths';

/**
 * electron-builder itself, on the real configuration, packing an unpacked Linux app around a
 * stand-in Electron binary (the real one cannot be downloaded here) without rebuilding native
 * modules: what lands in the package, and the fuses the afterPack hook flips.
 */
const work = mkdtempSync(join(tmpdir(), 'deduction-package-'));
const unpacked = join(work, 'dist', 'linux-unpacked');
let output = '';

beforeAll(async () => {
  ensureBuiltApp();
  writeFakeElectronBinary(join(work, 'electron-dist', 'electron'));
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' };
  for (const name of ['GPG_KEY_ID', 'CSC_LINK', 'WINDOWS_SIGN_COMMAND']) delete env[name];
  const result = await promisify(execFile)(
    'npx',
    ['electron-builder', '--linux', 'dir', '--publish', 'never', `-c.electronDist=${join(work, 'electron-dist')}`, '-c.npmRebuild=false', `-c.directories.output=${join(work, 'dist')}`],
    { cwd: REPO_ROOT, env, maxBuffer: 16 * 1024 * 1024 },
  );
  output = result.stdout + result.stderr;
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an unpacked Linux build', () => {
  it('packs the built app and its production dependencies into app.asar, and nothing of the sources', () => {
    const entries = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((entry) => entry.replace(/\\/g, '/'));
    const own = entries.filter((entry) => !entry.startsWith('/node_modules'));
    for (const file of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/out/node/cli.js']) expect(own).toContain(file);
    expect(own.filter((entry) => !/^\/(package\.json|out(\/(main|preload|renderer|node)(\/.*)?)?)$/.test(entry))).toEqual([]);
    expect(own.filter((entry) => entry.endsWith('.map'))).toEqual([]);
    for (const dependency of ['better-sqlite3', 'kysely', 'socket.io', 'electron-updater', 'zod']) expect(entries).toContain(`/node_modules/${dependency}/package.json`);
    expect(entries.filter((entry) => /^\/node_modules\/(electron|vitest|typescript|electron-builder|@electron\/fuses)\//.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /better-sqlite3\/(deps|src|build\/Release\/obj)|test_extension\.node/.test(entry))).toEqual([]);
  });

  it('keeps the better-sqlite3 addon outside the archive', () => {
    expect(existsSync(join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
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
