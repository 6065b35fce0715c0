import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localizeAgent } from '../../../shared/engine/agent-text';
import type { EditorServices } from './editor-services';
import type { AgentCatalogItem } from './model/agent-catalog';
import { errorMessage } from '../common/error-message';

export type CatalogState = { status: 'loading' | 'ready' | 'failed' | 'offline'; items: AgentCatalogItem[]; error?: string };

/** One object, so that what depends on the items (live validation) does not rerun every render. */
const OFFLINE: CatalogState = { status: 'offline', items: [] };
type Fetched = { status: 'loading' | 'ready' | 'offline'; items: AgentCatalogItem[] } | { status: 'failed'; items: AgentCatalogItem[]; error: unknown };

/** The Engines' agent catalog, fetched when the editor opens, in the window's language where manifests translate it. */
export function useAgentCatalog(services: EditorServices | null): CatalogState {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<Fetched>({ status: services ? 'loading' : 'offline', items: [] });
  useEffect(() => {
    if (!services) return undefined;
    let live = true;
    services.getAgentCatalog().then(
      (items) => live && setState({ status: 'ready', items }),
      (error: unknown) => live && setState({ status: 'failed', items: [], error }),
    );
    return () => {
      live = false;
    };
  }, [services]);
  const language = i18n.language;
  const localized = useMemo(
    (): CatalogState => {
      const items = state.items.map((item) => localizeAgent(item, language));
      return state.status === 'failed' ? { status: state.status, items, error: errorMessage(t, state.error) } : { status: state.status, items };
    },
    [state, language, t],
  );
  return services ? localized : OFFLINE;
}
