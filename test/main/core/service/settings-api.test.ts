import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/shared/api/errors';
import type { Logger } from '../../../../src/shared/logger';
import { startConsoleRuntime, type ConsoleRuntime } from '../../../../src/main/core/runtime';
import { MIGRATIONS_DIR } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

let runtime: ConsoleRuntime;

beforeAll(async () => {
  runtime = await startConsoleRuntime({ dbFile: join(tempDir(), 'settings.sqlite'), migrationsDir: MIGRATIONS_DIR, appName: 'Deduction Console', version: 'test', logger: quiet });
});
afterAll(() => runtime.close());

describe('settings a remote session may not change', () => {
  it('refuses an escalation command, a backup folder, secrets in backups and the host from a host session, naming each field', async () => {
    const remote = runtime.apiFor('alice', 'operator');
    const before = await remote.getSettings();
    const refused = await remote
      .updateSettings({
        alerts: { ...before.alerts, escalation: { ...before.alerts.escalation, command: ['sh', '-c', 'touch /tmp/owned'] } },
        backups: { ...before.backups, folder: '/tmp/elsewhere', includeSecrets: true },
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('FORBIDDEN');
    expect((refused as ApiError).message).toContain('alerts.escalation.command, backups.folder, backups.includeSecrets');
    expect((await remote.getSettings()).alerts.escalation.command).toEqual([]);

    await expect(remote.updateSettings({ host: { ...before.host, enabled: true } })).rejects.toThrow(/may change host:/);
  });

  it('lets a host session turn sharing off, which only closes the console', async () => {
    const remote = runtime.apiFor('alice', 'operator');
    const before = await remote.getSettings();
    const after = await remote.updateSettings({ host: { ...before.host, enabled: false, allowRemote: true, address: '0.0.0.0' } });
    expect(after.host).toEqual({ ...before.host, enabled: false });
  });

  it('lets a host session change the rest, and sending a local-only field back unchanged is no change', async () => {
    const remote = runtime.apiFor('alice', 'operator');
    const before = await remote.getSettings();
    const after = await remote.updateSettings({ alerts: { ...before.alerts, failureRateThreshold: 0.3 }, host: before.host });
    expect(after.alerts.failureRateThreshold).toBe(0.3);
  });

  it('lets the local user (desktop, CLI) set them', async () => {
    const local = runtime.apiFor('me', 'operator', { local: true });
    const before = await local.getSettings();
    const after = await local.updateSettings({ alerts: { ...before.alerts, escalation: { ...before.alerts.escalation, command: ['notify-send', 'alert'] } } });
    expect(after.alerts.escalation.command).toEqual(['notify-send', 'alert']);
  });
});
