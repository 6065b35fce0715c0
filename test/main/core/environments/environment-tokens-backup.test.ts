import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createEnvironment, readEnvironmentEngines } from '../../../../src/main/core/environments/environments';
import { useSecretKey } from '../../../../src/main/core/settings/settings-store';
import { backupStore } from '../../../../src/main/core/store/backup';
import type { Store } from '../../../../src/main/core/store/store';
import { REDACTED_TOKEN } from '../../../../src/shared/settings/settings';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

const TOKEN = 'environment-token-0123456789';

describe('environment Engine tokens', () => {
  it('are sealed with the store key, opened for connecting, and left out of a backup unless asked to keep them', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    stores.push(store);
    useSecretKey(store);
    const lab = createEnvironment(store, { name: 'lab', engines: [{ url: 'ws://127.0.0.1:7300', token: TOKEN }] });
    expect(readEnvironmentEngines(store, lab.id).endpoints[0]!.token).toBe(TOKEN);

    const without = await backupStore(store, join(dir, 'without.sqlite'));
    expect(without.secretsRemoved).toBe(1);
    const copy = new BetterSqlite3(without.file, { readonly: true });
    const stored = (copy.prepare('SELECT engines FROM env_instance').pluck().get() as string);
    copy.close();
    expect(JSON.parse(stored)).toEqual([{ url: 'ws://127.0.0.1:7300', token: 'sealed:removed', weight: 1 }]);
    expect((await backupStore(store, join(dir, 'with.sqlite'), { includeSecrets: true })).secretsRemoved).toBe(0);

    const restored = await openTestStore(dir, 'restored.sqlite');
    stores.push(restored);
    restored.db.prepare('INSERT INTO env_instance (id, env_name, engines, created_at, updated_at) VALUES (?, ?, ?, 1, 1)').run(BigInt(lab.id), 'lab', stored);
    expect(readEnvironmentEngines(restored, lab.id).endpoints[0]!.token).toBe(REDACTED_TOKEN);
  });
});
