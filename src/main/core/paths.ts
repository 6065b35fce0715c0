import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = 'Deduction Console';
/** The installers' application id (electron-builder.yml's appId); Windows ties notifications to it. */
export const APP_ID = 'org.deduction.console';
export const DATABASE_FILE_NAME = 'deduction.sqlite';

/**
 * Electron's userData folder for this product, computed the way Electron does, so the CLI
 * and the desktop app use the same database unless told otherwise.
 */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), PRODUCT_NAME);
}

export function defaultDatabaseFile(): string {
  return join(defaultUserDataDir(), DATABASE_FILE_NAME);
}

/**
 * Finds a folder the app ships (migrations/, catalog/, out/renderer/) by walking up from
 * the running module: the same code runs from src/ under tests, from out/node/ when built,
 * and from resources/ when packaged.
 */
export function findShippedDir(relative: string, from: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function requireShippedDir(relative: string): string {
  const dir = findShippedDir(relative);
  if (!dir) throw new Error(`cannot find the ${relative} folder that ships with Deduction Console; is the installation complete?`);
  return dir;
}
