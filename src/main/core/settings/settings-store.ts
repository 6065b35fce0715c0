import { DEFAULT_SETTINGS, engineSettingsSchema, REDACTED_TOKEN, SETTINGS_KEYS, settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/settings/settings';
import { consoleLogger, type Logger } from '../../../shared/logger';
import type { Store } from '../store/store';
import { isSealed, seal, unseal } from './sealed-secret';
import { ephemeralKeyProvider, keyFileProvider, type SecretKeyProvider } from './secret-key';

const secretKeys = new WeakMap<Store, SecretKeyProvider>();

/** The key sealing `store`'s secrets: the one given to useSecretKey, else a key file beside the database. */
export function secretKeyOf(store: Store): SecretKeyProvider {
  let provider = secretKeys.get(store);
  if (!provider) {
    provider = store.db.memory ? ephemeralKeyProvider() : keyFileProvider(`${store.file}.key`);
    secretKeys.set(store, provider);
  }
  return provider;
}

/**
 * Seals `store`'s Engine tokens with the key `provider` gives (the desktop app's comes from
 * the system keychain; without one, a key file beside the database), and seals any a
 * previous version stored in plain text.
 */
export function useSecretKey(store: Store, provider?: SecretKeyProvider, logger: Logger = consoleLogger): void {
  if (provider) secretKeys.set(store, provider);
  const row = store.first(store.kysely.selectFrom('app_setting').select('value').where('key', '=', 'engines'));
  const engines = row ? engineSettingsSchema.safeParse(JSON.parse(row.value)) : undefined;
  if (engines?.success && engines.data.endpoints.some((endpoint) => !isSealed(endpoint.token))) {
    writeSettings(store, { engines: readSettings(store, logger).engines });
  }
}

/** Engine tokens as stored: each sealed with the store's key. */
function sealTokens(store: Store, engines: Settings['engines']): Settings['engines'] {
  if (engines.endpoints.length === 0) return engines;
  const key = secretKeyOf(store)();
  return { ...engines, endpoints: engines.endpoints.map((endpoint) => ({ ...endpoint, token: seal(endpoint.token, key) })) };
}

/** Engine tokens as used; one that cannot be opened reads as the placeholder, to be entered again. */
function openTokens(store: Store, engines: Settings['engines'], logger: Logger): Settings['engines'] {
  if (!engines.endpoints.some((endpoint) => isSealed(endpoint.token))) return engines;
  const key = secretKeyOf(store)();
  return {
    ...engines,
    endpoints: engines.endpoints.map((endpoint) => {
      if (!isSealed(endpoint.token)) return endpoint;
      const token = unseal(endpoint.token, key);
      if (token !== null) return { ...endpoint, token };
      logger.warn(`the token of Engine ${endpoint.url} cannot be read (left out of a backup, or sealed with another key); enter it again in the settings`);
      return { ...endpoint, token: REDACTED_TOKEN };
    }),
  };
}

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
    if (parsed.success) settings[row.key] = row.key === 'engines' ? openTokens(store, parsed.data as Settings['engines'], logger) : parsed.data;
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
      const text = JSON.stringify(key === 'engines' ? sealTokens(store, value as Settings['engines']) : value);
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
