import { useEffect, useState } from 'react';
import type { SessionRole } from '../../../shared/api/app-status';
import type { ConsoleClient } from '../../../shared/api/contract';

/**
 * The session's role, once known; null until then, so controls appear only for an operator
 * (the core refuses them to a viewer anyway).
 */
export function useSessionRole(client: ConsoleClient): SessionRole | null {
  const [role, setRole] = useState<SessionRole | null>(null);
  useEffect(() => {
    let live = true;
    client.getAppStatus().then(
      (status) => live && setRole(status.session.role),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);
  return role;
}
