/**
 * An Engine's description of an agent load, as the editor's palette and inspector use it.
 * It has the shape of AgentCatalogEntry in src/shared/engine/protocol.ts (a test checks that
 * an entry is assignable to it); the renderer's layer rule keeps it from importing that file.
 */
export const AGENT_KINDS = ['sim', 'process', 'http', 'manual'] as const;
export type AgentKind = (typeof AGENT_KINDS)[number];

export interface AgentCatalogItem {
  agentLoad: string;
  kind: AgentKind;
  name: string;
  description?: string | undefined;
  version?: string | undefined;
  /** JSON Schema of the agent's config. */
  configSchema?: Record<string, unknown> | undefined;
}

/** The catalog grouped by kind for the palette, each group sorted by name; empty groups left out. */
export function groupCatalog(catalog: readonly AgentCatalogItem[]): { kind: AgentKind; items: AgentCatalogItem[] }[] {
  const unique = new Map<string, AgentCatalogItem>();
  for (const item of catalog) if (!unique.has(item.agentLoad)) unique.set(item.agentLoad, item);
  return AGENT_KINDS.map((kind) => ({
    kind,
    items: [...unique.values()].filter((item) => item.kind === kind).sort((a, b) => a.name.localeCompare(b.name) || a.agentLoad.localeCompare(b.agentLoad)),
  })).filter((group) => group.items.length > 0);
}
