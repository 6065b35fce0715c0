import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { REDACTED_TOKEN } from '../../../../src/shared/settings/settings';
import { readSettings, useSecretKey, writeSettings } from '../../../../src/main/core/settings/settings-store';
import { keyFileProvider } from '../../../../src/main/core/settings/secret-key';
import { backupStore } from '../../../../src/main/core/store/backup';
import type { Store } from '../../../../src/main/core/store/store';
import type { Logger } from '../../../../src/shared/logger';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
const TOKEN = 'engine-token-that-is-secret-0123';
const engines = { mode: 'remote' as const, strategy: 'round_robin' as const, endpoints: [{ url: 'ws://engine.example:7300', token: TOKEN, weight: 1 }] };
const stores: Store[] = [];
const warnings: string[] = [];
const logger: Logger = { debug: () => undefined, info: () => undefined, warn: (line) => warnings.push(line), error: (line) => warnings.push(line) };

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  warnings.splice(0);
});

async function open(dir: string): Promise<Store> {
  const store = await openTestStore(dir);
  stores.push(store);
  return store;
}

function storedEngines(file: string): string {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare("SELECT value FROM app_setting WHERE key = 'engines'").get() as { value: string }).value;
  } finally {
    db.close();
  }
}

describe('Engine tokens at rest', () => {
  it('stores them sealed with a key file beside the database (0600), and reads them back', async () => {
    const dir = tempDir();
    const store = await open(dir);
    useSecretKey(store, undefined, logger);
    writeSettings(store, { engines });
    expect(readSettings(store, logger).engines.endpoints[0]!.token).toBe(TOKEN);
    expect(storedEngines(store.file)).not.toContain(TOKEN);
    expect(storedEngines(store.file)).toMatch(/"token":"sealed:v1:/);
    for (const file of [store.file, `${store.file}-wal`].filter((name) => existsSync(name))) expect(readFileSync(file).includes(TOKEN)).toBe(false);
    expect(statSync(`${store.file}.key`).mode & 0o777).toBe(0o600);
  });

  it('seals a token an earlier version stored in plain text when the console starts', async () => {
    const dir = tempDir();
    const store = await open(dir);
    store.db.prepare("INSERT INTO app_setting (key, value, updated_at) VALUES ('engines', ?, 0)").run(JSON.stringify(engines));
    useSecretKey(store, undefined, logger);
    expect(storedEngines(store.file)).not.toContain(TOKEN);
    expect(readSettings(store, logger).engines.endpoints[0]!.token).toBe(TOKEN);
  });

  it('reads a token sealed with another key as one to enter again, and says so', async () => {
    const dir = tempDir();
    const store = await open(dir);
    useSecretKey(store, undefined, logger);
    writeSettings(store, { engines });
    const otherKey = join(dir, 'other.key');
    writeFileSync(otherKey, `${Buffer.alloc(32, 7).toString('base64')}\n`);
    useSecretKey(store, keyFileProvider(otherKey), logger);
    expect(readSettings(store, logger).engines.endpoints[0]!.token).toBe(REDACTED_TOKEN);
    expect(warnings.join('\n')).toMatch(/token of Engine ws:\/\/engine\.example:7300 cannot be read/);
  });

  it('leaves the tokens out of a backup unless asked to keep them', async () => {
    const dir = tempDir();
    const store = await open(dir);
    useSecretKey(store, undefined, logger);
    writeSettings(store, { engines });
    const sealed = storedEngines(store.file).match(/sealed:v1:[A-Za-z0-9+/=]+/)![0];
    const without = await backupStore(store, join(dir, 'without.sqlite'));
    expect(without.secretsRemoved).toBe(1);
    expect(storedEngines(without.file)).toMatch(/"token":"sealed:removed"/);
    expect(readFileSync(without.file).includes(sealed)).toBe(false);
    const withSecrets = await backupStore(store, join(dir, 'with.sqlite'), { includeSecrets: true });
    expect(withSecrets.secretsRemoved).toBe(0);
    expect(storedEngines(withSecrets.file)).toContain(sealed);
  });
});
