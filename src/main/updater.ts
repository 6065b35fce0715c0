import type { Logger } from '../shared/logger';
import type { UpdateSettings } from '../shared/settings/update-settings';
import { serveUpdateFolder, type FolderFeed } from './core/updates/folder-feed';
import { resolveUpdateSource, updateRefusal } from './core/updates/update-source';
import { errorText } from '../shared/error-text';

/** The part of electron-updater's AppUpdater the console uses. */
export interface UpdaterEngine {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  disableDifferentialDownload: boolean;
  logger: Pick<Logger, 'info' | 'warn' | 'error'> | null;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string }; downloadPromise?: Promise<unknown> | null } | null>;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  quitAndInstall(): void;
}

export interface UpdaterOptions {
  /** Read at every check, so a change in the settings applies to the next one. */
  settings: () => UpdateSettings;
  platform: NodeJS.Platform;
  /** The build's resources/app-update.yml, or null if there is none. */
  readAppUpdateConfig: () => string | null;
  /** An update has been downloaded and verified; `install` quits and installs it now. */
  onDownloaded: (version: string, install: () => void) => void;
  logger: Logger;
  /** electron-updater's updater; loaded only once a check is allowed to run. */
  loadEngine?: () => Promise<UpdaterEngine>;
}

export type UpdateCheck =
  | { status: 'off' | 'refused' | 'failed'; reason: string }
  | { status: 'current' | 'downloaded'; version: string };

export interface Updater {
  check(): Promise<UpdateCheck>;
  /** Checks only if the settings ask for a check at start. */
  checkOnStart(): Promise<UpdateCheck | null>;
}

async function loadElectronUpdater(): Promise<UpdaterEngine> {
  // electron-updater is CommonJS and defines autoUpdater through a getter that ES module
  // named imports cannot see.
  const module = await import('electron-updater');
  return module.default.autoUpdater;
}

/**
 * The desktop app's updater, over electron-updater's generic provider. While updates are
 * off (the default) nothing is loaded and nothing goes on the network. electron-updater
 * installs an update only when its sha512 matches latest*.yml and, on Windows, its signer
 * matches the publisher in this build's app-update.yml; builds without one are refused.
 */
export function createUpdater(options: UpdaterOptions): Updater {
  let engine: Promise<UpdaterEngine> | undefined;
  let running: Promise<UpdateCheck> | undefined;

  const configured = (): Promise<UpdaterEngine> => {
    engine ??= (options.loadEngine ?? loadElectronUpdater)().then((updater) => {
      updater.logger = options.logger;
      updater.autoDownload = true;
      updater.autoInstallOnAppQuit = true;
      updater.allowDowngrade = false;
      // Whole installers only: a folder has no range requests and differential packages are not built.
      updater.disableDifferentialDownload = true;
      updater.on('update-downloaded', (info) => options.onDownloaded(info.version, () => updater.quitAndInstall()));
      return updater;
    });
    return engine;
  };

  const run = async (): Promise<UpdateCheck> => {
    const settings = options.settings();
    const refusal = updateRefusal(settings, { platform: options.platform, readAppUpdateConfig: options.readAppUpdateConfig });
    if (refusal !== null) return { status: settings.enabled ? 'refused' : 'off', reason: refusal };
    const source = resolveUpdateSource(settings.url)!;
    let feed: FolderFeed | undefined;
    try {
      const updater = await configured();
      let url = source.kind === 'http' ? source.url : '';
      if (source.kind === 'folder') {
        feed = await serveUpdateFolder(source.dir);
        url = feed.url;
      }
      updater.setFeedURL({ provider: settings.provider, url });
      const result = await updater.checkForUpdates();
      if (result === null) return { status: 'refused', reason: 'only an installed build can update itself' };
      if (!result.isUpdateAvailable || !result.downloadPromise) return { status: 'current', version: result.updateInfo.version };
      await result.downloadPromise;
      return { status: 'downloaded', version: result.updateInfo.version };
    } catch (error) {
      options.logger.warn(`update check failed: ${errorText(error)}`);
      return { status: 'failed', reason: errorText(error) };
    } finally {
      await feed?.close();
    }
  };

  const check = (): Promise<UpdateCheck> => {
    running ??= run().finally(() => (running = undefined));
    return running;
  };

  return {
    check,
    checkOnStart: async () => (options.settings().checkOnStart ? check() : null),
  };
}

/** How a check's outcome is told to someone who asked for it from the menu. */
export function describeUpdateCheck(check: UpdateCheck): { type: 'info' | 'warning' | 'error'; message: string; detail: string } {
  switch (check.status) {
    case 'current':
      return { type: 'info', message: 'Deduction Console is up to date.', detail: `The newest version at the update location is ${check.version}.` };
    case 'downloaded':
      return { type: 'info', message: `Deduction Console ${check.version} has been downloaded and verified.`, detail: 'It is installed when you restart or quit.' };
    case 'off':
      return { type: 'info', message: 'Updates are off.', detail: check.reason };
    case 'refused':
      return { type: 'warning', message: 'Updates cannot be checked.', detail: check.reason };
    case 'failed':
      return { type: 'error', message: 'The update check failed.', detail: check.reason };
  }
}
