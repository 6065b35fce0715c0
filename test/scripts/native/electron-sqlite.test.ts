import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  BINDING_FILE,
  buildBinding,
  DIST_ARCHS,
  electronBindingDir,
  electronGypArgs,
  headersTarball,
  HEADERS_URL,
  installedFacts,
  machineIo,
  MAKE_COMMAND,
  parseArgs,
  run,
  STAMP_FILE,
  stampFor,
  targetArchs,
  type InstalledFacts,
  type ScriptIo,
  type ScriptOptions,
} from '../../../scripts/native/electron-sqlite.mjs';
import * as runtime from '../../../src/main/core/store/native-binding';
import { REPO_ROOT } from '../../helpers/paths';
import { useTempDirs } from '../../helpers/temp';

const tempDir = useTempDirs();
const FACTS: InstalledFacts = { platform: 'linux', electron: '41.10.7', abi: '145', betterSqlite3: '12.11.1' };

interface Machine {
  current?: string[];
  env?: Record<string, string>;
  headersCached?: boolean;
  online?: boolean;
  failBuild?: boolean;
  facts?: Partial<InstalledFacts>;
}

/** A stand-in machine that records what the script asked of it. */
function machine(setup: Machine = {}) {
  const seen = { lines: [] as string[], probes: [] as string[], built: [] as string[] };
  const io: ScriptIo = {
    facts: { ...FACTS, ...setup.facts },
    env: setup.env ?? {},
    log: (line) => seen.lines.push(line),
    isCurrent: (arch) => (setup.current ?? []).includes(arch),
    headersCached: () => setup.headersCached ?? false,
    reachable: async (url) => {
      seen.probes.push(url);
      return setup.online ?? true;
    },
    build: async (arch) => {
      if (setup.failBuild) throw new Error('gyp ERR! find Python');
      seen.built.push(arch);
    },
  };
  return { io, seen };
}

function options(overrides: Partial<ScriptOptions> = {}): ScriptOptions & { archs: string[] } {
  return { ifPossible: false, dist: false, distUrl: HEADERS_URL, ...overrides, archs: overrides.archs ?? ['x64'] };
}

describe('deciding whether to build better-sqlite3 for Electron', () => {
  it('does nothing when the build is current, without going online', async () => {
    const { io, seen } = machine({ current: ['x64'], online: false });
    expect(await run(options(), io)).toBe(0);
    expect(seen.built).toEqual([]);
    expect(seen.probes).toEqual([]);
    expect(seen.lines).toEqual(['[native] better-sqlite3 for Electron 41.10.7 (linux-x64) is up to date: native/electron/linux-x64/better_sqlite3.node']);
  });

  it('builds a missing or stale one when the headers can be had', async () => {
    const { io, seen } = machine();
    expect(await run(options(), io)).toBe(0);
    expect(seen.built).toEqual(['x64']);
    expect(seen.probes).toEqual([headersTarball(HEADERS_URL, '41.10.7')]);
    expect(seen.lines.at(-1)).toBe('[native] built native/electron/linux-x64/better_sqlite3.node');
  });

  it('uses cached headers offline, and builds only the architectures that are not current', async () => {
    const { io, seen } = machine({ headersCached: true, online: false, current: ['x64'] });
    expect(await run(options({ archs: ['x64', 'arm64'] }), io)).toBe(0);
    expect(seen.built).toEqual(['arm64']);
    expect(seen.probes).toEqual([]);
  });

  it('on install, skips in one line where ELECTRON_SKIP_BINARY_DOWNLOAD is set, without going online', async () => {
    const { io, seen } = machine({ env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
    expect(await run(options({ ifPossible: true }), io)).toBe(0);
    expect(seen.built).toEqual([]);
    expect(seen.probes).toEqual([]);
    expect(seen.lines).toHaveLength(1);
    expect(seen.lines[0]).toMatch(/^\[native\] ELECTRON_SKIP_BINARY_DOWNLOAD is set: better-sqlite3 is not built for Electron now .*`npm run native:electron`/);
  });

  it('for dev and dist, builds even where ELECTRON_SKIP_BINARY_DOWNLOAD is set (the release workflow sets it for npm ci)', async () => {
    const { io, seen } = machine({ env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
    expect(await run(options(), io)).toBe(0);
    expect(seen.built).toEqual(['x64']);
  });

  it('offline without cached headers: skips in one line on install, fails with what to do for dev and dist', async () => {
    const install = machine({ online: false });
    expect(await run(options({ ifPossible: true }), install.io)).toBe(0);
    expect(install.seen.built).toEqual([]);
    expect(install.seen.lines).toHaveLength(1);
    expect(install.seen.lines[0]).toContain(`${headersTarball(HEADERS_URL, '41.10.7')} cannot be reached`);

    const dev = machine({ online: false });
    expect(await run(options(), dev.io)).toBe(1);
    expect(dev.seen.built).toEqual([]);
    expect(dev.seen.lines).toHaveLength(1);
    expect(dev.seen.lines[0]).toMatch(/^\[native\] cannot build better-sqlite3 for Electron: .*cannot be reached.*run `npm run native:electron` again/);
  });

  it('a failed compile does not fail npm ci, but fails dev and dist, pointing at the toolchain', async () => {
    const install = machine({ failBuild: true });
    expect(await run(options({ ifPossible: true }), install.io)).toBe(0);
    expect(install.seen.lines.at(-1)).toMatch(/compiling for linux-x64 failed \(gyp ERR! find Python\); it needs Python 3 and a C\+\+ toolchain/);
    const dist = machine({ failBuild: true });
    expect(await run(options({ dist: true }), dist.io)).toBe(1);
  });

  it('without the electron or better-sqlite3 package, says so (and fails only when asked to build)', async () => {
    for (const facts of [{ electron: undefined }, { betterSqlite3: undefined }]) {
      const install = machine({ facts });
      expect(await run(options({ ifPossible: true }), install.io)).toBe(0);
      expect(install.seen.lines[0]).toMatch(/package is not installed \(run `npm ci`\)/);
      const dev = machine({ facts });
      expect(await run(options(), dev.io)).toBe(1);
      expect(dev.seen.built).toEqual([]);
    }
  });
});

describe('the script arguments', () => {
  it('reads its flags and refuses unknown ones with the usage', () => {
    expect(parseArgs([])).toEqual({ ifPossible: false, dist: false, archs: undefined, distUrl: HEADERS_URL });
    expect(parseArgs(['--if-possible', '--arch=x64,arm64', '--dist-url=https://mirror.example/h/'])).toEqual({
      ifPossible: true,
      dist: false,
      archs: ['x64', 'arm64'],
      distUrl: 'https://mirror.example/h',
    });
    expect(() => parseArgs(['--rebuild'])).toThrow(/unknown argument "--rebuild"; usage: /);
    expect(() => parseArgs(['--dist=yes'])).toThrow(/unknown argument/);
  });

  it('builds for the machine, or with --dist for every architecture the installers of this OS are packed for', () => {
    expect(targetArchs({ archs: undefined, dist: false, platform: 'darwin', hostArch: 'arm64' })).toEqual(['arm64']);
    expect(targetArchs({ archs: undefined, dist: true, platform: 'darwin', hostArch: 'arm64' })).toEqual(['x64', 'arm64']);
    expect(targetArchs({ archs: undefined, dist: true, platform: 'win32', hostArch: 'x64' })).toEqual(['x64']);
    expect(targetArchs({ archs: undefined, dist: true, platform: 'linux', hostArch: 'arm64' })).toEqual(['arm64']);
    expect(targetArchs({ archs: ['ia32'], dist: true, platform: 'win32', hostArch: 'x64' })).toEqual(['ia32']);
    expect(DIST_ARCHS['linux']).toBeUndefined();
  });

  it('passes node-gyp the Electron target as @electron/rebuild does', () => {
    expect(electronGypArgs({ electron: '41.10.7', arch: 'arm64', distUrl: HEADERS_URL, devdir: '/h' })).toEqual([
      '--runtime=electron',
      '--target=41.10.7',
      '--arch=arm64',
      '--dist-url=https://www.electronjs.org/headers',
      '--devdir=/h',
      '--build-from-source',
    ]);
    expect(headersTarball(HEADERS_URL, '41.10.7')).toBe('https://www.electronjs.org/headers/v41.10.7/node-v41.10.7-headers.tar.gz');
  });

  it('lays the build out where the app looks for it', () => {
    expect(electronBindingDir('win32', 'x64')).toBe(runtime.electronBindingDir('win32', 'x64'));
    expect(BINDING_FILE).toBe(runtime.BINDING_FILE);
    expect(STAMP_FILE).toBe(runtime.STAMP_FILE);
    expect(MAKE_COMMAND).toBe(runtime.MAKE_BINDING_COMMAND);
  });
});

/** A checkout with just enough of node_modules for the script: electron and better-sqlite3. */
function checkout(): string {
  const root = tempDir();
  const electron = join(root, 'node_modules', 'electron');
  const sqlite = join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(electron, { recursive: true });
  mkdirSync(join(sqlite, 'build', 'Release'), { recursive: true });
  mkdirSync(join(sqlite, 'src'), { recursive: true });
  writeFileSync(join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '41.10.7' }));
  writeFileSync(join(electron, 'abi_version'), '145\n');
  writeFileSync(join(sqlite, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  writeFileSync(join(sqlite, 'binding.gyp'), '{}');
  writeFileSync(join(sqlite, 'src', 'addon.cpp'), '// source');
  writeFileSync(join(sqlite, 'build', 'Release', BINDING_FILE), 'node build');
  return root;
}

/** A node-gyp stand-in: records its arguments and what it was given to compile, and "compiles". */
function fakeNodeGyp(dir: string): string {
  const file = join(dir, 'node-gyp.mjs');
  writeFileSync(
    file,
    [
      "import { existsSync, mkdirSync, writeFileSync } from 'node:fs';",
      "const report = { args: process.argv.slice(2), hadSource: existsSync('src/addon.cpp'), hadBuild: existsSync('build') };",
      "mkdirSync('build/Release', { recursive: true });",
      "writeFileSync('build/Release/better_sqlite3.node', 'electron build');",
      `writeFileSync(${JSON.stringify(join(dir, 'report.json'))}, JSON.stringify(report));`,
    ].join('\n'),
  );
  return file;
}

describe('building on the machine', () => {
  it('compiles a copy of better-sqlite3 into native/electron, leaving the Node build in node_modules as it was', async () => {
    const root = checkout();
    const tools = tempDir();
    const facts = installedFacts(root, 'linux');
    expect(facts).toEqual(FACTS);
    const outDir = join(root, electronBindingDir('linux', 'x64'));
    await buildBinding({ root, outDir, stamp: stampFor(facts, 'x64'), gypArgs: ['--target=41.10.7'], nodeGyp: fakeNodeGyp(tools) });

    const report = JSON.parse(readFileSync(join(tools, 'report.json'), 'utf8')) as { args: string[]; hadSource: boolean; hadBuild: boolean };
    expect(report).toEqual({ args: ['rebuild', '--release', '--target=41.10.7'], hadSource: true, hadBuild: false });
    expect(readFileSync(join(outDir, BINDING_FILE), 'utf8')).toBe('electron build');
    expect(JSON.parse(readFileSync(join(outDir, STAMP_FILE), 'utf8'))).toEqual({ electron: '41.10.7', abi: '145', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' });
    expect(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', BINDING_FILE), 'utf8')).toBe('node build');
  });

  it('takes a build as current only with the stamp of this Electron and better-sqlite3', () => {
    const root = checkout();
    const io = machineIo({ root, options: { distUrl: HEADERS_URL }, platform: 'linux', env: {} });
    const outDir = join(root, electronBindingDir('linux', 'x64'));
    expect(io.isCurrent('x64')).toBe(false);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, BINDING_FILE), 'electron build');
    expect(io.isCurrent('x64')).toBe(false);
    writeFileSync(join(outDir, STAMP_FILE), JSON.stringify({ ...stampFor(io.facts, 'x64'), electron: '40.0.0' }));
    expect(io.isCurrent('x64')).toBe(false);
    writeFileSync(join(outDir, STAMP_FILE), JSON.stringify(stampFor(io.facts, 'x64')));
    expect(io.isCurrent('x64')).toBe(true);
    expect(io.isCurrent('arm64')).toBe(false);
  });

  it('run as npm ci runs it, where Electron may not be downloaded: one line, success, nothing written', async () => {
    const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['scripts/native/build-electron-sqlite.mjs', '--if-possible', '--arch=test-only'], { cwd: REPO_ROOT, env });
    expect(stderr).toBe('');
    expect(stdout.trim().split('\n')).toEqual([expect.stringMatching(/^\[native\] ELECTRON_SKIP_BINARY_DOWNLOAD is set: /)]);
    expect(existsSync(join(REPO_ROOT, electronBindingDir(process.platform, 'test-only')))).toBe(false);
  });

  it('refuses an unknown argument with its usage and exit code 2', async () => {
    const failure = await promisify(execFile)(process.execPath, ['scripts/native/build-electron-sqlite.mjs', '--rebuild-in-place'], { cwd: REPO_ROOT }).catch((error: unknown) => error as { code: number; stderr: string });
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: build-electron-sqlite.mjs') });
  });
});
