import { useCallback, useEffect, useState } from 'react';
import type { ConsoleClient } from '../../../../shared/api/contract';
import type { InjectView } from '../../../../shared/injects/inject-view';

/** How often a live task's injects are read again: time and status triggers fire them without the window. */
const REFRESH_MS = 3000;

/** A task's injects, read again every few seconds while the task is live; `replace` puts in one the window just fired. */
export function useInjects(client: ConsoleClient, taskId: string, live: boolean) {
  const [injects, setInjects] = useState<InjectView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const read = useCallback(() => {
    client.listInjects(taskId).then(
      (list) => {
        setInjects(list);
        setError(null);
      },
      setError,
    );
  }, [client, taskId]);
  useEffect(() => {
    read();
    if (!live) return;
    const timer = setInterval(read, REFRESH_MS);
    return () => clearInterval(timer);
  }, [read, live]);
  const replace = useCallback((view: InjectView) => setInjects((list) => (list ?? []).map((inject) => (inject.id === view.id ? view : inject))), []);
  return { injects, error, replace };
}
