import { ApiError } from '../../../shared/api/errors';
import { errorReason } from '../../../shared/api/error-reasons';
import type { ConsoleApi } from '../../../shared/api/contract';
import type { Settings, SettingsPatch } from '../../../shared/settings/settings';
import { readSettings, redactSettings, writeSettings } from '../settings/settings-store';
import type { ConsoleServiceDeps } from './console-service';

type SettingsMethods = Pick<ConsoleApi, 'getSettings' | 'updateSettings'>;

/**
 * Settings that make the console run a program, write files where they say, or open it to
 * others: a browser session (the headless host, a shared desktop) must not change them, since
 * its token only grants steering deductions, not the console's machine.
 */
const LOCAL_ONLY: ReadonlyArray<{ field: string; read: (settings: Partial<Settings> | SettingsPatch) => unknown }> = [
  { field: 'alerts.escalation.command', read: (settings) => settings.alerts?.escalation?.command },
  { field: 'backups.folder', read: (settings) => settings.backups?.folder },
  { field: 'backups.includeSecrets', read: (settings) => settings.backups?.includeSecrets },
  { field: 'host', read: (settings) => settings.host },
];

/** Engine tokens never leave the core: they read back as a placeholder that keeps them on write. */
export function settingsApi({ store, local }: ConsoleServiceDeps): SettingsMethods {
  return {
    getSettings: async () => redactSettings(readSettings(store)),
    updateSettings: async (patch) => {
      if (!local) {
        const current = readSettings(store);
        // Turning sharing off only closes the console, so a host operator may do it from the window it shares; nothing else of the host changes with it.
        if (patch.host?.enabled === false) patch = { ...patch, host: { ...current.host, enabled: false } };
        const changed = LOCAL_ONLY.filter(({ read }) => read(patch) !== undefined && JSON.stringify(read(patch)) !== JSON.stringify(read(current))).map(({ field }) => field);
        if (changed.length > 0) throw new ApiError('FORBIDDEN', errorReason('settings.localOnly', { fields: changed.join(', ') }));
      }
      return redactSettings(writeSettings(store, patch));
    },
  };
}
