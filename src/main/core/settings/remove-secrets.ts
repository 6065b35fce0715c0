import type BetterSqlite3 from 'better-sqlite3';
import { REMOVED_SECRET } from './sealed-secret';

/**
 * Takes the Engine tokens out of a copy of the database (a backup made without secrets):
 * each is replaced by a marker that reads as "enter it again". Returns how many were removed.
 */
export function removeStoredSecrets(db: BetterSqlite3.Database): number {
  // Without it the old value would linger in the file's free pages.
  db.pragma('secure_delete = ON');
  const row = db.prepare("SELECT value FROM app_setting WHERE key = 'engines'").get() as { value: string } | undefined;
  if (!row) return 0;
  let engines: { endpoints?: unknown };
  try {
    engines = JSON.parse(row.value) as { endpoints?: unknown };
  } catch {
    // Unreadable settings hold no token anyone could use; the copy keeps them as they are.
    return 0;
  }
  if (!Array.isArray(engines.endpoints)) return 0;
  let removed = 0;
  for (const endpoint of engines.endpoints as Array<Record<string, unknown>>) {
    if (endpoint && typeof endpoint === 'object' && typeof endpoint['token'] === 'string' && endpoint['token'] !== REMOVED_SECRET) {
      endpoint['token'] = REMOVED_SECRET;
      removed += 1;
    }
  }
  db.prepare("UPDATE app_setting SET value = ? WHERE key = 'engines'").run(JSON.stringify(engines));
  return removed;
}
