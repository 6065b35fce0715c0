import type { AgentCatalogEntry } from '../../../shared/engine/protocol';
import type { Store } from '../store/store';

/**
 * Brings agent_meta in line with one Engine's catalog (from its welcome or a heartbeat): every
 * agent load it offers lists the Engine in engine_ids, loads it no longer offers drop it. Rows
 * are kept when no Engine offers them any more, so the editor still knows the agent.
 */
export function syncAgentMeta(store: Store, engineId: string, catalog: readonly AgentCatalogEntry[], now: number = Date.now()): void {
  store.transaction(() => {
    const rows = store.all(store.kysely.selectFrom('agent_meta').select(['id', 'agent_load', 'engine_ids']));
    const byLoad = new Map(rows.map((row) => [row.agent_load, row]));
    const offered = new Set(catalog.map((entry) => entry.agentLoad));
    for (const entry of catalog) {
      const fields = {
        agent_kind: entry.kind,
        agent_name: entry.name,
        description: entry.description ?? null,
        version: entry.version ?? null,
        config_schema: entry.configSchema === undefined ? null : JSON.stringify(entry.configSchema),
        updated_at: now,
      };
      const row = byLoad.get(entry.agentLoad);
      if (row) {
        const engines = engineIds(row.engine_ids);
        if (!engines.includes(engineId)) engines.push(engineId);
        store.run(store.kysely.updateTable('agent_meta').set({ ...fields, engine_ids: JSON.stringify(engines) }).where('id', '=', row.id));
      } else {
        store.run(
          store.kysely
            .insertInto('agent_meta')
            .values({ id: store.ids.next(), agent_load: entry.agentLoad, ...fields, engine_ids: JSON.stringify([engineId]), created_at: now }),
        );
      }
    }
    for (const row of rows) {
      if (offered.has(row.agent_load)) continue;
      const engines = engineIds(row.engine_ids);
      if (!engines.includes(engineId)) continue;
      const remaining = engines.filter((id) => id !== engineId);
      store.run(store.kysely.updateTable('agent_meta').set({ engine_ids: JSON.stringify(remaining), updated_at: now }).where('id', '=', row.id));
    }
  });
}

function engineIds(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
