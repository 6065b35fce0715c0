import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startConsoleRuntime } from '../../../src/main/core/runtime';
import type { Logger } from '../../../src/shared/logger';
import { MIGRATIONS_DIR } from '../../helpers/paths';
import { freePort } from '../../helpers/ports';
import { useTempDirs } from '../../helpers/temp';

const tempDir = useTempDirs();

describe('starting the console with remote Engines none of which answers', () => {
  const options = async (warnings: string[]) => {
    const logger: Logger = { debug: () => undefined, info: () => undefined, warn: (message) => warnings.push(message), error: () => undefined };
    const url = `http://127.0.0.1:${await freePort()}`;
    return { url, options: { dbFile: join(tempDir(), 'db.sqlite'), migrationsDir: MIGRATIONS_DIR, appName: 'Deduction Console', version: 'test', logger, engines: [{ url, token: 't'.repeat(16), weight: 1 }] } };
  };

  it('fails the start, naming the Engine and why (the CLI)', async () => {
    const { url, options: base } = await options([]);
    await expect(startConsoleRuntime({ ...base, engineWait: { timeoutMs: 300 } })).rejects.toThrow(new RegExp(`no Engine came up within 0\\.3 s:\\n  ${url}: unreachable`));
  });

  it('goes on with the Engine still trying when asked to (the desktop app), and says why it is away', async () => {
    const warnings: string[] = [];
    const { url, options: base } = await options(warnings);
    const runtime = await startConsoleRuntime({ ...base, engineWait: { timeoutMs: 300, whenNoneUp: 'continue' } });
    try {
      expect(runtime.engineStates()).toEqual([expect.objectContaining({ endpoint: url, status: expect.not.stringMatching(/^connected$/) })]);
      expect(warnings.join('\n')).toMatch(new RegExp(`${url}: unreachable`));
    } finally {
      await runtime.close();
    }
  });
});
