import { useEffect, useState } from 'react';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { EngineState } from '../../../shared/engine/engine-state';

/**
 * Every Engine's state, live: listed once, then kept by the engineStatus stream, and listed
 * again after a gap in it (the host's link came back). `failure` is the last listing that
 * failed, cleared by the next state heard.
 */
export function useEngineStates(client: ConsoleClient): { states: EngineState[] | null; failure: { error: unknown } | null } {
  const [states, setStates] = useState<EngineState[] | null>(null);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  useEffect(() => {
    let active = true;
    // Each engineStatus event carries every Engine's state; a listing asked for earlier is older.
    let heard = 0;
    const list = () => {
      const asked = heard;
      client.listEngines().then(
        (listed) => {
          if (!active) return;
          setFailure(null);
          if (heard === asked) setStates(listed);
        },
        (error: unknown) => active && setFailure({ error }),
      );
    };
    const off = client.subscribe(
      'engineStatus',
      (next) => {
        heard += 1;
        setStates(next);
        setFailure(null);
      },
      list,
    );
    list();
    return () => {
      active = false;
      off();
    };
  }, [client]);
  return { states, failure };
}
