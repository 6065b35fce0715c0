import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import { defaultDatabaseFile } from '../main/core/paths';

/** `--db PATH`, shared by every command that opens the store; defaults to the desktop app's database. */
export function dbOption(): Option {
  return new Option('--db <path>', 'database file').default(defaultDatabaseFile(), "the desktop app's database").argParser(databasePath);
}

/** A database path the store can open or create: not a folder, in a folder that exists. */
function databasePath(path: string): string {
  if (existsSync(path) && statSync(path).isDirectory()) throw new InvalidArgumentError(`${path} is a folder; give the path of a database file`);
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) throw new InvalidArgumentError(`the folder ${folder} does not exist; create it first, or give another path`);
  return path;
}
