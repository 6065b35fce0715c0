import { describe, expect, it } from 'vitest';
import { shouldNotifyInBrowser, shouldOfferPermission } from '../../../src/renderer/src/alerts/model/notification-policy';
import { formatAlertTime, formatRate } from '../../../src/renderer/src/alerts/model/format-alert';

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

describe('alert formatting', () => {
  it('gives today’s alerts the time and older ones the date', () => {
    const now = new Date(2026, 10, 22, 18, 0, 0).getTime();
    expect(formatAlertTime(new Date(2026, 10, 22, 9, 5, 7).getTime(), now, 'en-GB')).toBe('09:05:07');
    expect(formatAlertTime(new Date(2026, 10, 21, 23, 0, 0).getTime(), now, 'en-GB')).toContain('21/11');
  });

  it('writes shares as whole percentages', () => {
    expect(formatRate(0.2)).toBe('20%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(1)).toBe('100%');
  });
});
