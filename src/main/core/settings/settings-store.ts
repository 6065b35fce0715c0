import { DEFAULT_SETTINGS, REDACTED_TOKEN, SETTINGS_KEYS, settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/settings/settings';
import { consoleLogger, type Logger } from '../../../shared/logger';
import type { Store } from '../store/store';

/**
 * Settings live one top-level key per row of app_setting. A stored value that no longer
 * validates (hand-edited, or from another version) falls back to its default and is
 * reported, rather than keeping the console from starting.
 */
export function readSettings(store: Store, logger: Logger = consoleLogger): Settings {
  const rows = store.all(store.kysely.selectFrom('app_setting').select(['key', 'value']));
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (!(SETTINGS_KEYS as string[]).includes(row.key)) continue;
    const field = settingsSchema.shape[row.key as keyof Settings];
    const parsed = field.safeParse(JSON.parse(row.value));
    if (parsed.success) settings[row.key] = parsed.data;
    else logger.warn(`setting ${row.key} is not valid (${parsed.error.issues[0]?.message}); using its default`);
  }
  return settings as Settings;
}

export function writeSettings(store: Store, input: SettingsPatch, now: number = Date.now()): Settings {
  const patch = settingsPatchSchema.parse(input);
  return store.transaction(() => {
    const current = readSettings(store);
    if (patch.engines) {
      const known = new Map(current.engines.endpoints.map((endpoint) => [endpoint.url, endpoint.token]));
      patch.engines = {
        ...patch.engines,
        endpoints: patch.engines.endpoints.map((endpoint) =>
          endpoint.token === REDACTED_TOKEN ? { ...endpoint, token: known.get(endpoint.url) ?? endpoint.token } : endpoint,
        ),
      };
    }
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const text = JSON.stringify(value);
      store.run(
        store.kysely
          .insertInto('app_setting')
          .values({ key, value: text, updated_at: now })
          .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: text, updated_at: now })),
      );
    }
    return readSettings(store);
  });
}

/** Settings as they may leave the core: Engine tokens replaced by a placeholder. */
export function redactSettings(settings: Settings): Settings {
  return {
    ...settings,
    engines: { ...settings.engines, endpoints: settings.engines.endpoints.map((endpoint) => ({ ...endpoint, token: REDACTED_TOKEN })) },
  };
}
