import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHeadlessHost } from '../../src/main/core/host/headless-host';
import { systemHtmlToPdf } from '../../src/main/core/report/chromium-pdf';
import { startConsoleRuntime } from '../../src/main/core/runtime';

export const E2E_OPERATOR_TOKEN = 'e2e-operator-token-0123456789';
export const E2E_VIEWER_TOKEN = 'e2e-viewer-token-0123456789';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * One headless host for the whole run over the real core (store, embedded reference Engine,
 * scheduler) on a fresh database, serving the built renderer.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'deduction-e2e-'));
  const runtime = await startConsoleRuntime({
    dbFile: join(dir, 'e2e.sqlite'),
    migrationsDir: join(root, 'migrations'),
    appName: 'Deduction Console',
    version: 'e2e',
    htmlToPdf: systemHtmlToPdf(),
  });
  const host = await startHeadlessHost({
    apiFor: (session) => runtime.apiFor(session.operator, session.role),
    events: runtime.events,
    tokens: { operator: E2E_OPERATOR_TOKEN, viewer: E2E_VIEWER_TOKEN },
    staticDir: join(root, 'out/renderer'),
  });
  process.env['E2E_HOST_URL'] = host.url;
  return async () => {
    await host.close();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
