import { useEffect, useState } from 'react';
import type { AppStatus } from '../../shared/api/app-status';
import { connectConsole } from './api/connect';

const api = connectConsole();

export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.getAppStatus().then(setStatus, (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  }, []);

  return (
    <main className="shell">
      <h1>{status?.appName ?? 'Deduction Console'}</h1>
      {error && <p role="alert">Store unavailable: {error}</p>}
      {status && (
        <dl className="store-status">
          <dt>Version</dt>
          <dd>{status.version}</dd>
          <dt>Database</dt>
          <dd>{status.store.file}</dd>
          <dt>Schema version</dt>
          <dd>{status.store.schemaVersion}</dd>
          <dt>Journal</dt>
          <dd>{status.store.journalMode}</dd>
          <dt>Foreign keys</dt>
          <dd>{status.store.foreignKeys ? 'on' : 'off'}</dd>
        </dl>
      )}
    </main>
  );
}
