import { describe, expect, it } from 'vitest';
import { shouldNotifyInBrowser, shouldOfferPermission } from '../../../src/renderer/src/alerts/model/notification-policy';

describe('desktop notifications', () => {
  const browser = { enabled: true, inElectron: false, permission: 'granted' as const };

  it('shows them in a browser that allows them while the setting is on', () => {
    expect(shouldNotifyInBrowser(browser)).toBe(true);
    expect(shouldNotifyInBrowser({ ...browser, enabled: false })).toBe(false);
    expect(shouldNotifyInBrowser({ ...browser, permission: 'denied' })).toBe(false);
    expect(shouldNotifyInBrowser({ ...browser, permission: null })).toBe(false);
  });

  it('leaves them to the desktop shell in Electron, which shows them itself', () => {
    expect(shouldNotifyInBrowser({ ...browser, inElectron: true })).toBe(false);
    expect(shouldOfferPermission({ ...browser, inElectron: true, permission: 'default' })).toBe(false);
  });

  it('offers to ask for permission only when the browser has not been asked', () => {
    expect(shouldOfferPermission({ ...browser, permission: 'default' })).toBe(true);
    expect(shouldOfferPermission({ ...browser, permission: 'granted' })).toBe(false);
    expect(shouldOfferPermission({ ...browser, enabled: false, permission: 'default' })).toBe(false);
  });
});
