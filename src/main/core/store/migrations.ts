import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoreOpenError } from './errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const FILE_PATTERN = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

/**
 * Line endings are normalised before hashing so that a checkout with CRLF conversion does not
 * look like an edited migration.
 */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** Reads migrations/NNN_name.sql in order; numbering must start at 1 and have no gaps. */
export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: FILE_PATTERN.exec(file) }))
    .filter((entry) => entry.match !== null)
    .map(({ file, match }) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return { version: Number(match![1]), name: match![2]!, sql, checksum: migrationChecksum(sql) };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new StoreOpenError(
        'BAD_MIGRATIONS',
        `migrations in ${dir} must be numbered 1, 2, 3… without gaps or repeats; found ${migration.version} at position ${index + 1}`,
        dir,
      );
    }
  });
  if (migrations.length === 0) {
    throw new StoreOpenError('BAD_MIGRATIONS', `no migrations (NNN_name.sql) found in ${dir}`, dir);
  }
  return migrations;
}
