import { join } from 'node:path';
import { openStore, type Store } from '../../src/main/core/store/store';
import { loadMigrations } from '../../src/main/core/store/migrations';
import { MIGRATIONS_DIR } from './paths';

/** A migrated store in a file under `dir` (or in memory). */
export function openTestStore(dir?: string, name = 'test.sqlite'): Promise<Store> {
  return openStore({ file: dir ? join(dir, name) : ':memory:', migrationsDir: MIGRATIONS_DIR });
}

/** The schema version a store opened by this build reaches: one per migration shipped. */
export const SCHEMA_VERSION = loadMigrations(MIGRATIONS_DIR).length;
