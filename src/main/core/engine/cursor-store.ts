import type { Store } from '../store/store';

/**
 * The last Engine event ingested per (engine, stream), kept in engine_cursor. It is written
 * in the transaction that ingests the batch, so after a console restart the events an Engine
 * replays are recognised as already ingested.
 */
export function loadCursor(store: Store, engineId: string, stream: string): number {
  const row = store.first(
    store.kysely.selectFrom('engine_cursor').select('last_seq').where('engine_id', '=', engineId).where('session_id', '=', stream),
  );
  return row?.last_seq ?? 0;
}

export function saveCursor(store: Store, engineId: string, stream: string, lastSeq: number, now: number): void {
  store.run(
    store.kysely
      .insertInto('engine_cursor')
      .values({ engine_id: engineId, session_id: stream, last_seq: lastSeq, updated_at: now })
      .onConflict((conflict) => conflict.columns(['engine_id', 'session_id']).doUpdateSet({ last_seq: lastSeq, updated_at: now })),
  );
}
