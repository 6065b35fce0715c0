import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsPatchSchema } from '../../../src/shared/settings/settings';
import { DEFAULT_UPDATE_SETTINGS, updateSettingsSchema, updateSourceKind } from '../../../src/shared/settings/update-settings';

describe('update settings', () => {
  it('default to off, the generic provider, no location, verification on and no check at start', () => {
    expect(DEFAULT_UPDATE_SETTINGS).toEqual({ enabled: false, provider: 'generic', url: '', verify: true, checkOnStart: false });
    expect(DEFAULT_SETTINGS.updates).toEqual(DEFAULT_UPDATE_SETTINGS);
  });

  it('refuse to turn verification off', () => {
    expect(updateSettingsSchema.safeParse({ verify: false }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ updates: { enabled: true, url: 'https://updates.lan/dc/', verify: false } }).success).toBe(false);
  });

  it('may be turned on only with a location', () => {
    expect(updateSettingsSchema.safeParse({ enabled: true }).error?.issues[0]?.path).toEqual(['url']);
    expect(updateSettingsSchema.safeParse({ enabled: true, url: 'updates' }).success).toBe(false);
    expect(updateSettingsSchema.parse({ enabled: true, url: ' file:///media/usb/updates ' }).url).toBe('file:///media/usb/updates');
    expect(updateSettingsSchema.safeParse({ enabled: false, url: 'not a location' }).success).toBe(true);
  });

  it('tell the kinds of location apart', () => {
    expect(updateSourceKind('https://files.lan/deduction-console/')).toBe('http');
    expect(updateSourceKind('http://10.0.0.5:8080/updates')).toBe('http');
    expect(updateSourceKind('file:///media/usb/updates')).toBe('file-url');
    expect(updateSourceKind('file://fileserver/share/updates')).toBe('file-url');
    expect(updateSourceKind('/media/usb/updates')).toBe('path');
    expect(updateSourceKind('E:\\updates')).toBe('path');
    expect(updateSourceKind('\\\\fileserver\\share\\updates')).toBe('path');
    for (const nothing of ['', 'updates', 'ftp://files.lan/x', 'file://', 'https://', '//double']) expect(updateSourceKind(nothing)).toBeNull();
  });
});
