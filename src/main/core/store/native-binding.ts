import type BetterSqlite3 from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { findShippedDir } from '../paths';
import { errorText } from '../../../shared/error-text';

/**
 * better-sqlite3 is a native addon, compiled for one runtime's ABI. `npm ci` compiles it for
 * Node (the CLI, the tests) inside node_modules; the desktop app runs it in Electron, which
 * needs its own build. That one is made beside it by scripts/native/build-electron-sqlite.mjs
 * into the folder below (shipped under the same path among the packaged app's resources), so
 * neither build ever replaces the other.
 */
export const BINDING_FILE = 'better_sqlite3.node';
/** What the build script records about the build, to tell a stale one from a current one. */
export const STAMP_FILE = 'build.json';
export const MAKE_BINDING_COMMAND = 'npm run native:electron';

/** The folder of the Electron build for one platform and architecture, relative to the app. */
export function electronBindingDir(platform: string, arch: string): string {
  return `native/electron/${platform}-${arch}`;
}

/** The runtime facts the choice depends on: process, or a stand-in under test. */
export interface BindingHost {
  versions: { electron?: string | undefined; modules: string };
  platform: string;
  arch: string;
}

export class NativeBindingError extends Error {
  override readonly name = 'NativeBindingError';
}

interface Stamp {
  electron?: unknown;
  abi?: unknown;
}

/**
 * The addon file better-sqlite3 must load in `host`: none under Node (its own build in
 * node_modules), the Electron build under Electron. Refuses, naming the file and the command
 * that makes it, when that build is missing or was made for another Electron.
 */
export function selectNativeBinding(host: BindingHost, find: (relative: string) => string | undefined = findShippedDir): string | undefined {
  const electron = host.versions.electron;
  if (electron === undefined) return undefined;
  const relative = electronBindingDir(host.platform, host.arch);
  const dir = find(relative);
  const file = dir === undefined ? undefined : join(dir, BINDING_FILE);
  if (file === undefined || !existsSync(file)) {
    throw new NativeBindingError(
      `The Electron build of better-sqlite3 is missing: ${relative}/${BINDING_FILE} was not found beside the app, so Electron ${electron} cannot open a database. ` +
        `Make it with \`${MAKE_BINDING_COMMAND}\` in the source checkout (it downloads Electron's headers and compiles better-sqlite3; it needs the internet and a C++ toolchain once), ` +
        'or reinstall the app if this is an installed copy.',
    );
  }
  const stamp = readStamp(join(dir!, STAMP_FILE));
  if (stamp !== undefined && String(stamp.abi) !== host.versions.modules) {
    throw new NativeBindingError(
      `${file} was built for Electron ${String(stamp.electron)} (NODE_MODULE_VERSION ${String(stamp.abi)}), but this is Electron ${electron} (NODE_MODULE_VERSION ${host.versions.modules}). ` +
        `Rebuild it with \`${MAKE_BINDING_COMMAND}\`.`,
    );
  }
  return file;
}

function readStamp(file: string): Stamp | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Stamp;
  } catch (error) {
    throw new NativeBindingError(`${file} is not the JSON the build script writes (${errorText(error)}); rebuild with \`${MAKE_BINDING_COMMAND}\`.`);
  }
}

/**
 * The addon file for this process, loaded once here so that a build that does not fit is
 * reported as such, not as an unreadable database by the code that opens one.
 */
export function loadNativeBinding(host: BindingHost, find?: (relative: string) => string | undefined): string | undefined {
  const file = selectNativeBinding(host, find);
  if (file === undefined) return undefined;
  try {
    createRequire(import.meta.url)(file);
  } catch (error) {
    throw new NativeBindingError(`Electron ${host.versions.electron} cannot load ${file} (${errorText(error)}). Rebuild it with \`${MAKE_BINDING_COMMAND}\`.`);
  }
  return file;
}

let chosen: { binding: string | undefined } | undefined;

/** `options` for `new BetterSqlite3(…)`, naming the addon this process must load. */
export function withNativeBinding(options: BetterSqlite3.Options = {}): BetterSqlite3.Options {
  chosen ??= { binding: loadNativeBinding(process) };
  return chosen.binding === undefined ? options : { ...options, nativeBinding: chosen.binding };
}
