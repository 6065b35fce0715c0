import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

/*
 * better-sqlite3 for Electron, built beside the Node build that `npm ci` makes, never over it.
 * The folder layout and the file names must agree with src/main/core/store/native-binding.ts
 * (which loads the build) and electron-builder.yml (which ships it); test/build checks that.
 */
export const BINDING_FILE = 'better_sqlite3.node';
export const STAMP_FILE = 'build.json';
export const MAKE_COMMAND = 'npm run native:electron';
export const HEADERS_URL = 'https://www.electronjs.org/headers';
/** Where node-gyp keeps Electron's headers, shared with @electron/rebuild. */
export const ELECTRON_GYP_DIR = join(homedir(), '.electron-gyp');

export function electronBindingDir(platform, arch) {
  return `native/electron/${platform}-${arch}`;
}

/**
 * The architectures electron-builder.yml packs on each OS (macOS: x64 and arm64; Windows: x64);
 * elsewhere it packs for the machine's own.
 */
export const DIST_ARCHS = Object.freeze({ darwin: Object.freeze(['x64', 'arm64']), win32: Object.freeze(['x64']) });

const USAGE = 'usage: build-electron-sqlite.mjs [--if-possible] [--dist] [--arch=x64,arm64] [--dist-url=URL]';

/**
 * --if-possible: for `npm ci`: says in one line why nothing was built (ELECTRON_SKIP_BINARY_DOWNLOAD,
 *   offline, no toolchain) and succeeds, so installing never fails for the desktop app's sake.
 * --dist: every architecture the installers are packed for on this OS.
 * Without --if-possible a build that is needed and cannot be made fails with a message.
 */
export function parseArgs(argv) {
  const options = { ifPossible: false, dist: false, archs: undefined, distUrl: HEADERS_URL };
  for (const arg of argv) {
    const [name, value] = arg.split(/=(.*)/s, 2);
    if (name === '--if-possible' && value === undefined) options.ifPossible = true;
    else if (name === '--dist' && value === undefined) options.dist = true;
    else if (name === '--arch' && value) options.archs = value.split(',').filter(Boolean);
    else if (name === '--dist-url' && value) options.distUrl = value.replace(/\/+$/, '');
    else throw new Error(`unknown argument ${JSON.stringify(arg)}; ${USAGE}`);
  }
  return options;
}

export function targetArchs({ archs, dist, platform, hostArch }) {
  if (archs !== undefined) return archs;
  return dist ? [...(DIST_ARCHS[platform] ?? [hostArch])] : [hostArch];
}

export function headersTarball(distUrl, electron) {
  return `${distUrl}/v${electron}/node-v${electron}-headers.tar.gz`;
}

/** What a current build of `arch` records: another Electron, ABI or better-sqlite3 means rebuild. */
export function stampFor(facts, arch) {
  return { electron: facts.electron, abi: facts.abi, betterSqlite3: facts.betterSqlite3, platform: facts.platform, arch };
}

function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function isCurrent(root, facts, arch) {
  const dir = join(root, electronBindingDir(facts.platform, arch));
  if (!existsSync(join(dir, BINDING_FILE))) return false;
  const text = readText(join(dir, STAMP_FILE));
  try {
    return text !== undefined && JSON.stringify(JSON.parse(text)) === JSON.stringify(stampFor(facts, arch));
  } catch {
    return false;
  }
}

/** The versions the build depends on, read from the installed packages; electron: undefined when it is not installed. */
export function installedFacts(root, platform) {
  const electronPackage = readText(join(root, 'node_modules', 'electron', 'package.json'));
  const sqlitePackage = readText(join(root, 'node_modules', 'better-sqlite3', 'package.json'));
  return {
    platform,
    electron: electronPackage === undefined ? undefined : JSON.parse(electronPackage).version,
    abi: readText(join(root, 'node_modules', 'electron', 'abi_version'))?.trim(),
    betterSqlite3: sqlitePackage === undefined ? undefined : JSON.parse(sqlitePackage).version,
  };
}

/**
 * Builds what is missing or stale and returns the exit code. Everything that touches the
 * machine comes in `io`, so the decisions can be checked without Electron or a network:
 * io.facts, io.isCurrent(arch), io.headersCached(electron), io.reachable(url), io.build(arch), io.log(line).
 */
export async function run(options, io) {
  const prefix = '[native]';
  const giveUp = (reason) => {
    if (options.ifPossible) {
      io.log(`${prefix} ${reason}: better-sqlite3 is not built for Electron now (the CLI and the tests do not need it); \`npm run dev\` and \`npm run dist\` build it, or \`${MAKE_COMMAND}\`.`);
      return 0;
    }
    io.log(`${prefix} cannot build better-sqlite3 for Electron: ${reason}. Fix that and run \`${MAKE_COMMAND}\` again (the CLI and the tests do not need it).`);
    return 1;
  };
  const { facts } = io;
  if (facts.electron === undefined) return giveUp('the electron package is not installed (run `npm ci`)');
  if (facts.betterSqlite3 === undefined) return giveUp('the better-sqlite3 package is not installed (run `npm ci`)');
  const where = (arch) => `${electronBindingDir(facts.platform, arch)}/${BINDING_FILE}`;
  const pending = options.archs.filter((arch) => !io.isCurrent(arch));
  for (const arch of options.archs) {
    if (!pending.includes(arch)) io.log(`${prefix} better-sqlite3 for Electron ${facts.electron} (${facts.platform}-${arch}) is up to date: ${where(arch)}`);
  }
  if (pending.length === 0) return 0;
  if (options.ifPossible && io.env['ELECTRON_SKIP_BINARY_DOWNLOAD']) return giveUp('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
  const tarball = headersTarball(options.distUrl, facts.electron);
  if (!io.headersCached(facts.electron) && !(await io.reachable(tarball))) {
    return giveUp(`Electron ${facts.electron}'s headers are not in ${ELECTRON_GYP_DIR} and ${tarball} cannot be reached (offline?)`);
  }
  for (const arch of pending) {
    io.log(`${prefix} building better-sqlite3 ${facts.betterSqlite3} for Electron ${facts.electron} (${facts.platform}-${arch}) into ${where(arch)}`);
    try {
      await io.build(arch);
    } catch (error) {
      return giveUp(`compiling for ${facts.platform}-${arch} failed (${error.message}); it needs Python 3 and a C++ toolchain, see docs/native-modules.md`);
    }
    io.log(`${prefix} built ${where(arch)}`);
  }
  return 0;
}

/** node-gyp as npm runs it for install scripts, or the copy among the dependencies. */
export function findNodeGyp(root, env) {
  if (env['npm_config_node_gyp'] && existsSync(env['npm_config_node_gyp'])) return env['npm_config_node_gyp'];
  try {
    return createRequire(join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
  } catch {
    throw new Error(`node-gyp was not found; run this through npm (\`${MAKE_COMMAND}\`)`);
  }
}

function spawnChecked(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`node-gyp exited with ${signal ?? `code ${code}`}`))));
  });
}

/**
 * Compiles a copy of node_modules/better-sqlite3 (so its Node build stays as it is) against
 * the `target` runtime's headers, and puts the addon and its stamp in `outDir`. The stamp is
 * written last: an interrupted build has none and is made again next time.
 */
export async function buildBinding({ root, outDir, stamp, gypArgs, nodeGyp, env = process.env }) {
  const source = join(root, 'node_modules', 'better-sqlite3');
  const staging = mkdtempSync(join(tmpdir(), 'electron-sqlite-'));
  try {
    cpSync(source, staging, {
      recursive: true,
      dereference: true,
      filter: (from) => !/^(build|node_modules)(\/|$)/.test(relative(source, from).split(sep).join('/')),
    });
    await spawnChecked(process.execPath, [nodeGyp, 'rebuild', '--release', ...gypArgs], { cwd: staging, env });
    mkdirSync(outDir, { recursive: true });
    rmSync(join(outDir, STAMP_FILE), { force: true });
    copyFileSync(join(staging, 'build', 'Release', BINDING_FILE), join(outDir, BINDING_FILE));
    writeFileSync(join(outDir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** node-gyp's arguments for Electron, as @electron/rebuild passes them. */
export function electronGypArgs({ electron, arch, distUrl, devdir = ELECTRON_GYP_DIR }) {
  return ['--runtime=electron', `--target=${electron}`, `--arch=${arch}`, `--dist-url=${distUrl}`, `--devdir=${devdir}`, '--build-from-source'];
}

/** Whether `url` answers, within a few seconds; behind a proxy node-gyp is left to try. */
export async function reachable(url, env = process.env) {
  if (env['HTTPS_PROXY'] || env['https_proxy'] || env['npm_config_https_proxy'] || env['npm_config_proxy']) return true;
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(5000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** The real machine: files under `root`, the network, node-gyp. */
export function machineIo({ root, options, env = process.env, platform = process.platform, log = console.log }) {
  const facts = installedFacts(root, platform);
  return {
    facts,
    env,
    log,
    isCurrent: (arch) => isCurrent(root, facts, arch),
    headersCached: (electron) => existsSync(join(ELECTRON_GYP_DIR, electron, 'installVersion')),
    reachable: (url) => reachable(url, env),
    build: (arch) =>
      buildBinding({
        root,
        outDir: join(root, electronBindingDir(platform, arch)),
        stamp: stampFor(facts, arch),
        gypArgs: electronGypArgs({ electron: facts.electron, arch, distUrl: options.distUrl }),
        nodeGyp: findNodeGyp(root, env),
        env,
      }),
  };
}
