import { useEffect, useState } from 'react';
import type { ConsoleClient } from '../../../../shared/api/contract';

/**
 * The Engines' catalog as agent load → kind, fetched once; null until it arrives or when it
 * cannot be had (manual nodes are then recognised by name, see isManualAgent).
 */
export function useAgentKinds(client: ConsoleClient): ReadonlyMap<string, string> | null {
  const [kinds, setKinds] = useState<ReadonlyMap<string, string> | null>(null);
  useEffect(() => {
    let live = true;
    client.getAgentCatalog().then(
      (catalog) => {
        if (live) setKinds(new Map(catalog.map((entry) => [entry.agentLoad, entry.kind])));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);
  return kinds;
}
