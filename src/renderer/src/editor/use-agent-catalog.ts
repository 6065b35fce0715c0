import { useEffect, useState } from 'react';
import type { EditorServices } from './editor-services';
import type { AgentCatalogItem } from './model/agent-catalog';

export type CatalogState = { status: 'loading' | 'ready' | 'failed' | 'offline'; items: AgentCatalogItem[]; error?: string };

/** The Engines' agent catalog, fetched when the editor opens. */
export function useAgentCatalog(services: EditorServices | null): CatalogState {
  const [state, setState] = useState<CatalogState>({ status: services ? 'loading' : 'offline', items: [] });
  useEffect(() => {
    if (!services) return undefined;
    let live = true;
    services.getAgentCatalog().then(
      (items) => live && setState({ status: 'ready', items }),
      (error: unknown) => live && setState({ status: 'failed', items: [], error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [services]);
  return services ? state : { status: 'offline', items: [] };
}
