import { useCallback, useEffect, useState } from 'react';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { EnvironmentView } from '../../../shared/environments/environments';
import type { SchemeView } from '../../../shared/environments/schemes';

export interface Catalog {
  schemes: SchemeView[] | null;
  environments: EnvironmentView[] | null;
  failure: { error: unknown } | null;
  reload: () => void;
}

/** The schemes and environments, archived ones too when asked; read again after each change. */
export function useCatalog(client: ConsoleClient, includeArchived: boolean): Catalog {
  const [schemes, setSchemes] = useState<SchemeView[] | null>(null);
  const [environments, setEnvironments] = useState<EnvironmentView[] | null>(null);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    Promise.all([client.listSchemes({ includeArchived }), client.listEnvironments({ includeArchived })]).then(
      ([nextSchemes, nextEnvironments]) => {
        if (!live) return;
        setSchemes(nextSchemes);
        setEnvironments(nextEnvironments);
        setFailure(null);
      },
      (error: unknown) => live && setFailure({ error }),
    );
    return () => {
      live = false;
    };
  }, [client, includeArchived, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { schemes, environments, failure, reload };
}
