import { AGENT_KINDS, type AgentCatalogEntry, type AgentKind } from '../../../../shared/engine/protocol';

/** An Engine's description of an agent load, as the palette and inspector use it. */
export type AgentCatalogItem = AgentCatalogEntry;

/** The catalog grouped by kind for the palette, each group sorted by name; empty groups left out. */
export function groupCatalog(catalog: readonly AgentCatalogItem[]): { kind: AgentKind; items: AgentCatalogItem[] }[] {
  const unique = new Map<string, AgentCatalogItem>();
  for (const item of catalog) if (!unique.has(item.agentLoad)) unique.set(item.agentLoad, item);
  return AGENT_KINDS.map((kind) => ({
    kind,
    items: [...unique.values()].filter((item) => item.kind === kind).sort((a, b) => a.name.localeCompare(b.name) || a.agentLoad.localeCompare(b.agentLoad)),
  })).filter((group) => group.items.length > 0);
}
