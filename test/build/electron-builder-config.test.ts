import Ajv from 'ajv';
import { getFileMatchers, type FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { getConfig } from 'app-builder-lib/out/util/config/load';
import { expandMacro } from 'app-builder-lib/out/util/macroExpander';
import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Configuration } from 'electron-builder';
import { minimatch } from 'minimatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST_ARCHS } from '../../scripts/native/electron-sqlite.mjs';
import { APP_ID, PRODUCT_NAME } from '../../src/main/core/paths';
import { BINDING_FILE, electronBindingDir, STAMP_FILE } from '../../src/main/core/store/native-binding';
import { ensureBuiltApp } from '../helpers/built-app';
import { REPO_ROOT } from '../helpers/paths';

const BUILT = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/node/cli.js'];
const APP = '/packed/resources/app';
const RESOURCES = '/packed/resources';
let config: Configuration;

beforeAll(async () => {
  ensureBuiltApp();
  const read = await getConfig<Configuration>({ packageKey: 'build', configFilename: 'electron-builder', projectDir: REPO_ROOT, packageMetadata: null }, 'electron-builder.yml');
  config = read!.result;
}, 300_000);

/** Every file under `dir` that electron-builder's filter for `matcher` lets through, walking as it does. */
function matchedFiles(matcher: FileMatcher, dir = matcher.from): string[] {
  const filter = matcher.createFilter();
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (dir === REPO_ROOT && (name === 'node_modules' || name === '.git')) continue;
    const stat = statSync(file);
    if (!filter(file, stat)) continue;
    if (stat.isDirectory()) found.push(...matchedFiles(matcher, file).map((inner) => inner));
    else found.push(file);
  }
  return found;
}

/** Where each file would land in the packed app, relative to `base`, with forward slashes. */
function shipped(name: 'files' | 'extraResources', destination: string, base: string): string[] {
  const matchers = getFileMatchers(config, name, destination, { macroExpander: (pattern) => pattern, customBuildOptions: {}, globalOutDir: join(REPO_ROOT, 'dist'), defaultSrc: REPO_ROOT }) ?? [];
  // As electron-builder does, a source that is not there (the Electron build before it is made) is passed over.
  return matchers
    .filter((matcher) => existsSync(matcher.from))
    .flatMap((matcher) => matchedFiles(matcher).map((file) => join(matcher.to, relative(matcher.from, file))))
    .map((file) => relative(base, file).split(sep).join('/'))
    .sort();
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own configuration schema", () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
    // The schema's one custom keyword: hooks may be given as functions in a JS config.
    ajv.addKeyword({ keyword: 'typeof', validate: (expected: string, data: unknown) => typeof data === expected });
    const validate = ajv.compile(schema);
    expect(validate(config), ajv.errorsText(validate.errors, { separator: '\n' })).toBe(true);
  });

  it("names the app as the console does: the id Windows ties notifications to, the product name of the data folder", () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
  });

  it('ships the built main, preload, renderer and node CLI in the app', () => {
    const app = shipped('files', APP, APP);
    for (const file of [...BUILT, 'package.json']) expect(app).toContain(file);
    expect(app.some((file) => /^out\/renderer\/assets\/.+\.js$/.test(file))).toBe(true);
  });

  it('ships no source maps, TypeScript sources, tests, fixtures, benchmarks or build tooling', () => {
    const app = shipped('files', APP, APP);
    const unwanted = app.filter((file) => /\.map$|\.tsx?$|(^|\/)(test|tests|fixtures|bench|src|build|scripts|docs)\//.test(file) || /^out\/(bench|test)\//.test(file));
    expect(unwanted).toEqual([]);
    expect(app.every((file) => file === 'package.json' || /^out\/(main|preload|renderer|node)\//.test(file))).toBe(true);
  });

  it('ships the migrations, the agent catalog and the examples as resources', () => {
    const resources = shipped('extraResources', RESOURCES, RESOURCES);
    const migrations = readdirSync(join(REPO_ROOT, 'migrations')).filter((name) => name.endsWith('.sql'));
    expect(migrations.length).toBeGreaterThan(0);
    expect(resources.filter((file) => file.startsWith('migrations/'))).toEqual(migrations.map((name) => `migrations/${name}`).sort());
    for (const folder of ['catalog', 'examples']) {
      const files = existsSync(join(REPO_ROOT, folder)) ? readdirSync(join(REPO_ROOT, folder)).filter((name) => name.endsWith('.json')) : [];
      for (const name of files) expect(resources).toContain(`${folder}/${name}`);
    }
    expect(resources.filter((file) => /\.map$|\.tsx?$|(^|\/)test\//.test(file))).toEqual([]);
  });

  it('keeps the Node build of better-sqlite3 in node_modules and out of the app: no rebuild in place, its build folder not shipped', () => {
    expect(config).toMatchObject({ asar: true, npmRebuild: false });
    expect(config.buildDependenciesFromSource).toBeUndefined();
    const nodeBuild = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(existsSync(join(REPO_ROOT, nodeBuild))).toBe(true);
    const exclusions = ([] as unknown[]).concat(config.files).filter((pattern): pattern is string => typeof pattern === 'string' && pattern.startsWith('!'));
    expect(exclusions.some((pattern) => minimatch(nodeBuild, pattern.slice(1), { dot: true }))).toBe(true);
  });

  it('ships the Electron build of better-sqlite3 for each packed architecture beside the archive, where the app looks for it', () => {
    const appInfo = { sanitizedProductName: PRODUCT_NAME, productName: PRODUCT_NAME } as never;
    const file = { isDirectory: () => false } as Stats;
    for (const arch of ['x64', 'arm64']) {
      const matchers = getFileMatchers(config, 'extraResources', RESOURCES, {
        macroExpander: (pattern) => expandMacro(pattern, arch, appInfo),
        customBuildOptions: {},
        globalOutDir: join(REPO_ROOT, 'dist'),
        defaultSrc: REPO_ROOT,
      }) ?? [];
      const folder = electronBindingDir(process.platform, arch);
      const native = matchers.find((matcher) => matcher.from === join(REPO_ROOT, folder));
      expect(native, `extraResources from ${folder}`).toBeDefined();
      expect(native!.to).toBe(join(RESOURCES, folder));
      expect(relative(APP, native!.to).startsWith('..')).toBe(true);
      const filter = native!.createFilter();
      expect(filter(join(native!.from, BINDING_FILE), file)).toBe(true);
      expect(filter(join(native!.from, STAMP_FILE), file)).toBe(true);
      expect(filter(join(native!.from, 'obj.target', 'sqlite3.o'), file)).toBe(false);
    }
  });

  it('has the build script make the Electron build for every architecture the installers are packed for', () => {
    const archs = (list: unknown) =>
      ([] as Array<string | { target: string; arch?: string[] }>)
        .concat(list as never)
        .flatMap((entry) => (typeof entry === 'string' ? [] : (entry.arch ?? [])));
    expect([...new Set(archs(config.mac?.target))].sort()).toEqual([...(DIST_ARCHS['darwin'] ?? [])].sort());
    expect([...new Set(archs(config.win?.target))].sort()).toEqual([...(DIST_ARCHS['win32'] ?? [])].sort());
    expect(archs(config.linux?.target)).toEqual([]);
  });

  it('builds AppImage and deb, an offline nsis installer per machine or per user, dmg and zip', () => {
    const targets = (list: unknown) => ([] as Array<string | { target: string }>).concat(list as never).map((entry) => (typeof entry === 'string' ? entry : entry.target));
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targets(config.win?.target)).toEqual(['nsis']);
    expect(targets(config.mac?.target)).toEqual(['dmg', 'zip']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true, differentialPackage: false, deleteAppDataOnUninstall: false });
  });

  it('signs from the environment only, with hooks and files that exist', () => {
    const text = readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(/cscLink|cscKeyPassword|certificatePassword|certificateFile|BEGIN [A-Z ]*PRIVATE KEY|appleIdPassword/i);
    expect(config.win?.signtoolOptions?.sign).toBe('./build/sign-windows.mjs');
    expect(config.win?.verifyUpdateCodeSignature).toBe(true);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true, entitlements: 'build/entitlements.mac.plist', entitlementsInherit: 'build/entitlements.mac.plist' });
    for (const hook of [config.afterPack, config.afterAllArtifactBuild, config.win?.signtoolOptions?.sign, config.mac?.entitlements]) {
      expect(typeof hook === 'string' && existsSync(join(REPO_ROOT, hook)), String(hook)).toBe(true);
    }
  });

  it('writes update metadata for the generic provider at an address that never resolves', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: expect.stringMatching(/^https:\/\/[^/]+\.invalid\//) }]);
  });
});
