import type BetterSqlite3 from 'better-sqlite3';
import { REMOVED_SECRET } from './sealed-secret';

/**
 * Takes the Engine tokens out of a copy of the database (a backup made without secrets): those
 * of the settings and those of every environment. Each is replaced by a marker that reads as
 * "enter it again". Returns how many were removed.
 */
export function removeStoredSecrets(db: BetterSqlite3.Database): number {
  // Without it the old value would linger in the file's free pages.
  db.pragma('secure_delete = ON');
  let removed = 0;
  const row = db.prepare("SELECT value FROM app_setting WHERE key = 'engines'").get() as { value: string } | undefined;
  const engines = row ? readJson(row.value) : undefined;
  if (engines && typeof engines === 'object' && Array.isArray((engines as { endpoints?: unknown }).endpoints)) {
    const count = removeTokens((engines as { endpoints: unknown[] }).endpoints);
    if (count > 0) db.prepare("UPDATE app_setting SET value = ? WHERE key = 'engines'").run(JSON.stringify(engines));
    removed += count;
  }
  const environments = db.prepare('SELECT id, engines FROM env_instance').safeIntegers(true).all() as Array<{ id: bigint; engines: string }>;
  const update = db.prepare('UPDATE env_instance SET engines = ? WHERE id = ?');
  for (const environment of environments) {
    const endpoints = readJson(environment.engines);
    if (!Array.isArray(endpoints)) continue;
    const count = removeTokens(endpoints);
    if (count > 0) update.run(JSON.stringify(endpoints), environment.id);
    removed += count;
  }
  return removed;
}

/** Unreadable JSON holds no token anyone could use; the copy keeps it as it is. */
function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function removeTokens(endpoints: unknown[]): number {
  let removed = 0;
  for (const endpoint of endpoints as Array<Record<string, unknown>>) {
    if (endpoint && typeof endpoint === 'object' && typeof endpoint['token'] === 'string' && endpoint['token'] !== REMOVED_SECRET) {
      endpoint['token'] = REMOVED_SECRET;
      removed += 1;
    }
  }
  return removed;
}
