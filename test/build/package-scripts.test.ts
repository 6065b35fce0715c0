import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAKE_COMMAND, parseArgs } from '../../scripts/native/electron-sqlite.mjs';
import { REPO_ROOT } from '../helpers/paths';

const SCRIPT = 'scripts/native/build-electron-sqlite.mjs';
const scripts = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The commands of an npm script, in the order `&&` runs them. */
function steps(name: string): string[] {
  const script = scripts[name];
  expect(script, `npm script ${name}`).toBeDefined();
  return script!.split('&&').map((step) => step.trim());
}

/** The arguments the Electron build step of a script gets, or undefined when it has none. */
function nativeStep(name: string): string[] | undefined {
  const step = steps(name).find((command) => command.startsWith(`node ${SCRIPT}`));
  return step?.split(/\s+/).slice(2);
}

describe('package.json scripts and the two builds of better-sqlite3', () => {
  it('has npm ci try the Electron build without ever failing the install for it', () => {
    expect(existsSync(join(REPO_ROOT, SCRIPT))).toBe(true);
    expect(steps('postinstall')).toEqual([`node ${SCRIPT} --if-possible`]);
    expect(parseArgs(nativeStep('postinstall')!).ifPossible).toBe(true);
  });

  it(`runs the strict build step (${MAKE_COMMAND}) before Electron starts for dev and preview`, () => {
    expect(MAKE_COMMAND).toBe('npm run native:electron');
    expect(steps('native:electron')).toEqual([`node ${SCRIPT}`]);
    for (const name of ['predev', 'prestart']) expect(steps(name)).toEqual([MAKE_COMMAND]);
    expect(steps('dev')).toEqual(['electron-vite dev']);
    expect(steps('start')).toEqual(['electron-vite preview']);
  });

  it('makes the Electron build for every packed architecture before each packaging, and stops if it cannot', () => {
    const dists = Object.keys(scripts).filter((name) => /^dist(:|$)/.test(name));
    expect(dists.sort()).toEqual(['dist', 'dist:linux', 'dist:mac', 'dist:win']);
    for (const name of dists) {
      const list = steps(name);
      const native = list.findIndex((command) => command.startsWith(`node ${SCRIPT}`));
      const builder = list.findIndex((command) => command.startsWith('electron-builder'));
      expect(native, name).toBeGreaterThanOrEqual(0);
      expect(native, name).toBeLessThan(builder);
      const options = parseArgs(nativeStep(name)!);
      expect(options, name).toMatchObject({ dist: true, ifPossible: false });
    }
  });

  it('never rebuilds node_modules for Electron, so the CLI and the tests keep the Node build', () => {
    for (const [name, script] of Object.entries(scripts)) {
      expect(script, name).not.toMatch(/install-app-deps|electron-rebuild|@electron\/rebuild|npm rebuild|node-gyp rebuild/);
    }
    for (const name of ['test', 'test:unit', 'test:e2e', 'build', 'build:node', 'deduction', 'demo', 'engine']) {
      expect(nativeStep(name), name).toBeUndefined();
      expect(scripts[name], name).not.toContain('native:electron');
    }
  });
});
