import { Option } from 'commander';
import { defaultDatabaseFile } from '../main/core/paths';

/** `--db PATH`, shared by every command that opens the store; defaults to the desktop app's database. */
export function dbOption(): Option {
  return new Option('--db <path>', 'database file').default(defaultDatabaseFile(), "the desktop app's database");
}
