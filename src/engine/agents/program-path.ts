import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface PathLookup {
  /** The PATH to search (the Engine's own: a workflow never chooses where programs are found). */
  path: string | undefined;
  platform: NodeJS.Platform;
  exists: (file: string) => boolean;
}

/** An executable regular file. */
export function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const here = (): PathLookup => ({ path: process.env['PATH'], platform: process.platform, exists: isExecutable });

/** The program `name` (no folder in it) as the first folder of PATH that holds it, or null. */
export function findOnPath(name: string, lookup: PathLookup = here()): string | null {
  const windows = lookup.platform === 'win32';
  const names = windows && !/\.[A-Za-z0-9]+$/.test(name) ? ['.exe', '.cmd', '.bat', '.com'].map((ext) => name + ext) : [name];
  for (const dir of (lookup.path ?? '').split(windows ? ';' : delimiter)) {
    if (!dir) continue;
    for (const candidate of names) {
      if (lookup.exists(join(dir, candidate))) return join(dir, candidate);
    }
  }
  return null;
}
