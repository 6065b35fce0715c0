import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BINDING_FILE,
  electronBindingDir,
  loadNativeBinding,
  MAKE_BINDING_COMMAND,
  NativeBindingError,
  selectNativeBinding,
  STAMP_FILE,
  withNativeBinding,
  type BindingHost,
} from '../../../../src/main/core/store/native-binding';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
const NODE: BindingHost = { versions: { modules: '115' }, platform: 'linux', arch: 'x64' };
const ELECTRON: BindingHost = { versions: { electron: '41.10.7', modules: '145' }, platform: 'linux', arch: 'x64' };

/** A folder laid out as the build script leaves it, and a finder that looks only there. */
function electronBuild(host: BindingHost, stamp?: object): { root: string; file: string; find: (relative: string) => string | undefined } {
  const root = tempDir();
  const dir = join(root, electronBindingDir(host.platform, host.arch));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, BINDING_FILE);
  writeFileSync(file, 'not really an addon');
  if (stamp) writeFileSync(join(dir, STAMP_FILE), JSON.stringify(stamp));
  return { root, file, find: (relative) => (relative === electronBindingDir(host.platform, host.arch) ? dir : undefined) };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('choosing the better-sqlite3 addon', () => {
  it("leaves Node on better-sqlite3's own build in node_modules, without looking for another", () => {
    const looked: string[] = [];
    expect(selectNativeBinding(NODE, (relative) => (looked.push(relative), '/nowhere'))).toBeUndefined();
    expect(looked).toEqual([]);
  });

  it("points Electron at the Electron build for its platform and architecture", () => {
    const build = electronBuild(ELECTRON, { electron: '41.10.7', abi: '145' });
    expect(selectNativeBinding(ELECTRON, build.find)).toBe(build.file);
    const mac: BindingHost = { ...ELECTRON, platform: 'darwin', arch: 'arm64' };
    const macBuild = electronBuild(mac);
    expect(selectNativeBinding(mac, macBuild.find)).toBe(macBuild.file);
    expect(electronBindingDir('darwin', 'arm64')).toBe('native/electron/darwin-arm64');
  });

  it('refuses a missing Electron build, naming the file and the command that makes it', () => {
    for (const find of [() => undefined, (relative: string) => join(tempDir(), relative)]) {
      const error = thrown(() => selectNativeBinding(ELECTRON, find));
      expect(error).toBeInstanceOf(NativeBindingError);
      expect(error.message).toContain(`native/electron/linux-x64/${BINDING_FILE}`);
      expect(error.message).toContain(`\`${MAKE_BINDING_COMMAND}\``);
      expect(error.message).toContain('Electron 41.10.7');
    }
  });

  it('refuses a build made for another Electron, naming both', () => {
    const build = electronBuild(ELECTRON, { electron: '40.1.0', abi: '143' });
    const error = thrown(() => selectNativeBinding(ELECTRON, build.find));
    expect(error).toBeInstanceOf(NativeBindingError);
    expect(error.message).toMatch(/built for Electron 40\.1\.0 \(NODE_MODULE_VERSION 143\), but this is Electron 41\.10\.7 \(NODE_MODULE_VERSION 145\)/);
    expect(error.message).toContain(MAKE_BINDING_COMMAND);
  });

  it('reports a file that does not load as an addon problem, not as a database one', () => {
    const build = electronBuild(ELECTRON);
    const error = thrown(() => loadNativeBinding(ELECTRON, build.find));
    expect(error).toBeInstanceOf(NativeBindingError);
    expect(error.message).toContain(`cannot load ${build.file}`);
    expect(error.message).toContain(MAKE_BINDING_COMMAND);
  });

  it('hands better-sqlite3 a build that opens databases in the runtime it was made for', () => {
    // Node's own build stands in for the Electron one: a runtime reporting Node's ABI loads it.
    const host: BindingHost = { versions: { electron: 'stand-in', modules: process.versions.modules }, platform: process.platform, arch: process.arch };
    const build = electronBuild(host, { electron: 'stand-in', abi: process.versions.modules });
    const nodeBuild = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
    copyFileSync(nodeBuild, build.file);
    const binding = loadNativeBinding(host, build.find);
    expect(binding).toBe(build.file);
    const db = new BetterSqlite3(':memory:', { nativeBinding: binding });
    try {
      expect(db.prepare('SELECT 6 * 7').pluck().get()).toBe(42);
    } finally {
      db.close();
    }
  });

  it('adds nothing to the open options under Node, so the CLI and the tests keep the default build', () => {
    expect(process.versions.electron).toBeUndefined();
    expect(withNativeBinding({ readonly: true })).toEqual({ readonly: true });
    expect('nativeBinding' in withNativeBinding()).toBe(false);
  });
});
