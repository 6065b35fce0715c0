import type { ConsoleApi } from '../../../shared/api/contract';
import { readSettings, redactSettings, writeSettings } from '../settings/settings-store';
import type { ConsoleServiceDeps } from './console-service';

type SettingsMethods = Pick<ConsoleApi, 'getSettings' | 'updateSettings'>;

/** Engine tokens never leave the core: they read back as a placeholder that keeps them on write. */
export function settingsApi({ store }: ConsoleServiceDeps): SettingsMethods {
  return {
    getSettings: async () => redactSettings(readSettings(store)),
    updateSettings: async (patch) => redactSettings(writeSettings(store, patch)),
  };
}
