import { fileURLToPath } from 'node:url';
import { updateSourceKind, type UpdateSettings } from '../../../shared/settings/update-settings';

export type UpdateSource = { kind: 'http'; url: string } | { kind: 'folder'; dir: string };

/** An http(s) update URL is used as it is; a file:// URL or a path names a folder to serve. */
export function resolveUpdateSource(url: string): UpdateSource | null {
  const text = url.trim();
  switch (updateSourceKind(text)) {
    case 'http':
      return { kind: 'http', url: text };
    case 'file-url':
      return { kind: 'folder', dir: fileURLToPath(text) };
    case 'path':
      return { kind: 'folder', dir: text };
    default:
      return null;
  }
}

/**
 * Whether the app-update.yml that electron-builder put beside the app names a publisher.
 * electron-updater checks a Windows update's Authenticode signer against these names, and
 * silently skips that check when there are none.
 */
export function hasWindowsPublisher(appUpdateConfig: string): boolean {
  const lines = appUpdateConfig.split(/\r?\n/);
  const index = lines.findIndex((line) => /^publisherName:/.test(line));
  if (index === -1) return false;
  const inline = lines[index]!.slice('publisherName:'.length).trim();
  if (inline !== '' && inline !== '[]' && inline !== 'null' && inline !== '~') return true;
  const next = lines[index + 1] ?? '';
  return /^\s*-\s*\S/.test(next);
}

export interface UpdateContext {
  platform: NodeJS.Platform;
  /** Reads resources/app-update.yml, or null if the build has none; called only when updates are on. */
  readAppUpdateConfig: () => string | null;
}

/**
 * Why no update check may run with these settings, or null if one may. Disabled settings
 * are the common answer; a Windows build whose updates could not be checked for their
 * publisher is refused rather than updated unverified.
 */
export function updateRefusal(settings: UpdateSettings, context: UpdateContext): string | null {
  if (!settings.enabled) return 'updates are off; an administrator can turn them on in the settings';
  if (resolveUpdateSource(settings.url) === null) return 'no update location is set: give an http(s) URL, a file:// URL or a folder path';
  const appUpdateConfig = context.readAppUpdateConfig();
  if (appUpdateConfig === null) return 'this build carries no app-update.yml, so it cannot verify updates; install a release build';
  if (context.platform === 'win32' && !hasWindowsPublisher(appUpdateConfig)) {
    return "this Windows build names no code-signing publisher, so an update's signature could not be checked; updates stay off";
  }
  return null;
}
