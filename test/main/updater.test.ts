import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_UPDATE_SETTINGS, updateSettingsSchema, type UpdateSettings } from '../../src/shared/settings/update-settings';
import { createUpdater, describeUpdateCheck, type UpdaterEngine, type UpdaterOptions } from '../../src/main/updater';
import { useTempDirs } from '../helpers/temp';

const tempDir = useTempDirs();
const APP_UPDATE = 'provider: generic\nurl: https://updates.invalid/\npublisherName:\n  - Example Analysis Ltd\n';
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

type FakeEngine = UpdaterEngine & { feeds: Array<{ provider: string; url: string }>; installs: number };

/** Stands in for electron-updater's AppUpdater; `latest` is what the feed offers. */
function fakeEngine(latest: string, onCheck: (feedUrl: string) => Promise<void> = async () => undefined): FakeEngine {
  const listeners: Array<(info: { version: string }) => void> = [];
  const engine: FakeEngine = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    disableDifferentialDownload: false,
    logger: null,
    feeds: [],
    installs: 0,
    setFeedURL(options: { provider: 'generic'; url: string }) {
      engine.feeds.push(options);
    },
    async checkForUpdates() {
      await onCheck(engine.feeds.at(-1)!.url);
      const isUpdateAvailable = latest !== '0.1.0';
      const downloadPromise = isUpdateAvailable ? Promise.resolve().then(() => listeners.forEach((listener) => listener({ version: latest }))) : null;
      return { isUpdateAvailable, updateInfo: { version: latest }, downloadPromise };
    },
    on(_event: 'update-downloaded', listener: (info: { version: string }) => void) {
      listeners.push(listener);
      return engine;
    },
    quitAndInstall() {
      engine.installs++;
    },
  };
  return engine;
}

function options(settings: UpdateSettings, overrides: Partial<UpdaterOptions> = {}): UpdaterOptions {
  return {
    settings: () => settings,
    platform: 'win32',
    readAppUpdateConfig: () => APP_UPDATE,
    onDownloaded: () => undefined,
    logger: quiet,
    ...overrides,
  };
}

describe('the updater while updates are off', () => {
  it('loads nothing, reads nothing and contacts nothing, at start or when asked', async () => {
    const loadEngine = vi.fn(async () => fakeEngine('9.9.9'));
    const readAppUpdateConfig = vi.fn(() => APP_UPDATE);
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const updater = createUpdater(options({ ...DEFAULT_UPDATE_SETTINGS, checkOnStart: true }, { loadEngine, readAppUpdateConfig }));
    expect(await updater.checkOnStart()).toEqual({ status: 'off', reason: expect.stringMatching(/updates are off/) });
    expect(await updater.check()).toMatchObject({ status: 'off' });
    expect(loadEngine).not.toHaveBeenCalled();
    expect(readAppUpdateConfig).not.toHaveBeenCalled();
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('does not check at start unless asked to, even when on', async () => {
    const loadEngine = vi.fn(async () => fakeEngine('9.9.9'));
    const updater = createUpdater(options(updateSettingsSchema.parse({ enabled: true, url: 'https://files.lan/dc/' }), { loadEngine }));
    expect(await updater.checkOnStart()).toBeNull();
    expect(loadEngine).not.toHaveBeenCalled();
  });
});

describe('the updater when updates are on', () => {
  it('refuses a Windows build that cannot verify the publisher, before loading electron-updater', async () => {
    const loadEngine = vi.fn(async () => fakeEngine('9.9.9'));
    const settings = updateSettingsSchema.parse({ enabled: true, url: 'https://files.lan/dc/' });
    const updater = createUpdater(options(settings, { loadEngine, readAppUpdateConfig: () => 'provider: generic\n' }));
    expect(await updater.check()).toMatchObject({ status: 'refused', reason: expect.stringMatching(/publisher/) });
    expect(loadEngine).not.toHaveBeenCalled();
  });

  it('configures electron-updater safely, checks the server, and offers to install what it downloaded', async () => {
    const engine = fakeEngine('0.2.0');
    const downloaded: string[] = [];
    const settings = updateSettingsSchema.parse({ enabled: true, url: 'https://files.lan/dc/', checkOnStart: true });
    const updater = createUpdater(
      options(settings, {
        loadEngine: async () => engine,
        onDownloaded: (version, install) => {
          downloaded.push(version);
          install();
        },
      }),
    );
    expect(await updater.checkOnStart()).toEqual({ status: 'downloaded', version: '0.2.0' });
    expect(engine).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false, disableDifferentialDownload: true, logger: quiet });
    expect(engine.feeds).toEqual([{ provider: 'generic', url: 'https://files.lan/dc/' }]);
    expect(downloaded).toEqual(['0.2.0']);
    expect(engine.installs).toBe(1);
  });

  it('serves a folder on loopback for the length of one check', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'latest.yml'), 'version: 0.1.0\n');
    let servedDuringCheck = '';
    const engine = fakeEngine('0.1.0', async (url) => {
      servedDuringCheck = await (await fetch(new URL('latest.yml', url))).text();
    });
    const updater = createUpdater(options(updateSettingsSchema.parse({ enabled: true, url: `file://${dir}` }), { platform: 'linux', loadEngine: async () => engine }));
    expect(await updater.check()).toEqual({ status: 'current', version: '0.1.0' });
    expect(engine.feeds[0]!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(servedDuringCheck).toBe('version: 0.1.0\n');
    await expect(fetch(new URL('latest.yml', engine.feeds[0]!.url))).rejects.toThrow();
  });

  it('reports a folder it cannot read, and a failing check, as failures', async () => {
    const missing = createUpdater(
      options(updateSettingsSchema.parse({ enabled: true, url: join(tempDir(), 'gone') }), { platform: 'linux', loadEngine: async () => fakeEngine('0.1.0') }),
    );
    expect(await missing.check()).toMatchObject({ status: 'failed', reason: expect.stringMatching(/cannot be read/) });
    const broken = fakeEngine('0.2.0', async () => {
      throw new Error('sha512 checksum mismatch');
    });
    const failing = createUpdater(options(updateSettingsSchema.parse({ enabled: true, url: 'https://files.lan/dc/' }), { loadEngine: async () => broken }));
    expect(await failing.check()).toEqual({ status: 'failed', reason: 'sha512 checksum mismatch' });
  });

  it('runs one check at a time', async () => {
    let release: () => void = () => undefined;
    const engine = fakeEngine('0.1.0', () => new Promise<void>((resolve) => (release = resolve)));
    const updater = createUpdater(options(updateSettingsSchema.parse({ enabled: true, url: 'https://files.lan/dc/' }), { loadEngine: async () => engine }));
    const first = updater.check();
    const second = updater.check();
    await vi.waitFor(() => expect(engine.feeds).toHaveLength(1));
    release();
    expect(await first).toEqual(await second);
    expect(engine.feeds).toHaveLength(1);
  });
});

describe('telling the outcome of a check', () => {
  it('words each outcome for the user', () => {
    expect(describeUpdateCheck({ status: 'current', version: '0.1.0' })).toMatchObject({ type: 'info', message: expect.stringMatching(/up to date/) });
    expect(describeUpdateCheck({ status: 'downloaded', version: '0.2.0' })).toMatchObject({ type: 'info', message: expect.stringMatching(/0\.2\.0.*verified/) });
    expect(describeUpdateCheck({ status: 'off', reason: 'r' })).toMatchObject({ type: 'info', detail: 'r' });
    expect(describeUpdateCheck({ status: 'refused', reason: 'r' })).toMatchObject({ type: 'warning' });
    expect(describeUpdateCheck({ status: 'failed', reason: 'r' })).toMatchObject({ type: 'error' });
  });
});
