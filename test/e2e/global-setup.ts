import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHeadlessHost } from '../../src/main/core/host/headless-host';
import { createConsoleService } from '../../src/main/core/service/console-service';
import { EventHub } from '../../src/main/core/service/event-hub';
import { openStore } from '../../src/main/core/store/store';

export const E2E_OPERATOR_TOKEN = 'e2e-operator-token-0123456789';
export const E2E_VIEWER_TOKEN = 'e2e-viewer-token-0123456789';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** One headless host for the whole run, on a fresh database, serving the built renderer. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'deduction-e2e-'));
  const store = await openStore({ file: join(dir, 'e2e.sqlite'), migrationsDir: join(root, 'migrations') });
  const api = createConsoleService({ store, appName: 'Deduction Console', version: 'e2e' });
  const host = await startHeadlessHost({
    api,
    events: new EventHub(),
    tokens: { operator: E2E_OPERATOR_TOKEN, viewer: E2E_VIEWER_TOKEN },
    staticDir: join(root, 'out/renderer'),
  });
  process.env['E2E_HOST_URL'] = host.url;
  return async () => {
    await host.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
