import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store';

/**
 * This console's session id towards Engines: made once per database and kept in
 * engine_console, so that after a restart the console resumes its event streams on every
 * Engine (which hand back what they kept for it) instead of starting new ones.
 */
export function consoleSessionId(store: Store, now: () => number = Date.now): string {
  return store.transaction(() => {
    const row = store.first(store.kysely.selectFrom('engine_console').select('session_id').where('id', '=', '1'));
    if (row) return row.session_id;
    const sessionId = randomSessionId();
    store.run(store.kysely.insertInto('engine_console').values({ id: '1', session_id: sessionId, created_at: now() }));
    return sessionId;
  });
}

export function randomSessionId(): string {
  return randomBytes(12).toString('base64url');
}
