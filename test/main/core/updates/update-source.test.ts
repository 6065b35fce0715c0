import { describe, expect, it } from 'vitest';
import { DEFAULT_UPDATE_SETTINGS, updateSettingsSchema } from '../../../../src/shared/settings/update-settings';
import { hasWindowsPublisher, resolveUpdateSource, updateRefusal } from '../../../../src/main/core/updates/update-source';

const APP_UPDATE_WITH_PUBLISHER = 'provider: generic\nurl: https://updates.invalid/\npublisherName:\n  - Example Analysis Ltd\nupdaterCacheDirName: deduction-console-updater\n';
const APP_UPDATE_WITHOUT_PUBLISHER = 'provider: generic\nurl: https://updates.invalid/\nupdaterCacheDirName: deduction-console-updater\n';

describe('update source', () => {
  it('uses an http(s) URL as it is and turns a file:// URL or a path into a folder', () => {
    expect(resolveUpdateSource('https://files.lan/dc/')).toEqual({ kind: 'http', url: 'https://files.lan/dc/' });
    expect(resolveUpdateSource('file:///media/usb/deduction%20console')).toEqual({ kind: 'folder', dir: '/media/usb/deduction console' });
    expect(resolveUpdateSource('/media/usb/updates')).toEqual({ kind: 'folder', dir: '/media/usb/updates' });
    expect(resolveUpdateSource('')).toBeNull();
  });

  it('finds the publisher names electron-builder writes into app-update.yml', () => {
    expect(hasWindowsPublisher(APP_UPDATE_WITH_PUBLISHER)).toBe(true);
    expect(hasWindowsPublisher('publisherName: Example Analysis Ltd\n')).toBe(true);
    expect(hasWindowsPublisher(APP_UPDATE_WITHOUT_PUBLISHER)).toBe(false);
    expect(hasWindowsPublisher('publisherName: []\n')).toBe(false);
    expect(hasWindowsPublisher('publisherName:\nurl: x\n')).toBe(false);
  });
});

describe('update refusal', () => {
  const on = updateSettingsSchema.parse({ enabled: true, url: 'https://files.lan/dc/' });
  const unreadable = () => {
    throw new Error('app-update.yml must not be read while updates are off');
  };

  it('refuses while updates are off, without reading anything', () => {
    expect(updateRefusal(DEFAULT_UPDATE_SETTINGS, { platform: 'linux', readAppUpdateConfig: unreadable })).toMatch(/updates are off/);
  });

  it('refuses a build without app-update.yml, and a Windows build that names no publisher', () => {
    expect(updateRefusal(on, { platform: 'linux', readAppUpdateConfig: () => null })).toMatch(/no app-update\.yml/);
    expect(updateRefusal(on, { platform: 'win32', readAppUpdateConfig: () => APP_UPDATE_WITHOUT_PUBLISHER })).toMatch(/names no code-signing publisher/);
  });

  it('lets a check run when on, located and verifiable', () => {
    expect(updateRefusal(on, { platform: 'win32', readAppUpdateConfig: () => APP_UPDATE_WITH_PUBLISHER })).toBeNull();
    expect(updateRefusal(on, { platform: 'linux', readAppUpdateConfig: () => APP_UPDATE_WITHOUT_PUBLISHER })).toBeNull();
    expect(updateRefusal(on, { platform: 'darwin', readAppUpdateConfig: () => APP_UPDATE_WITHOUT_PUBLISHER })).toBeNull();
  });
});
