import { describe, expect, it } from 'vitest';
import { parseForm, toForm } from '../../../src/renderer/src/alerts/model/alert-settings-form';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings/settings';

describe('the alert settings form', () => {
  it('shows the failure rate in percent and reads it back as a share', () => {
    const form = toForm(DEFAULT_SETTINGS.alerts);
    expect(form).toMatchObject({ failureRatePercent: '5', healthScore: '60', runTimeMinutes: '60', resourceUsePercent: '80', memoryLimitMb: '', escalationMinutes: '15', webhookUrl: '', command: '' });
    expect(parseForm(form)).toEqual({ ok: true, value: DEFAULT_SETTINGS.alerts });
    expect(parseForm({ ...form, failureRatePercent: ' 12.5 ', healthScore: '75' })).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS.alerts, failureRateThreshold: 0.125, healthScoreThreshold: 75 },
    });
  });

  it('reads the escalation: minutes, a webhook, a command one argument per line', () => {
    const form = { ...toForm(DEFAULT_SETTINGS.alerts), escalationMinutes: '30', webhookUrl: ' https://hooks.example/alert ', command: '/usr/bin/logger\n-t deduction\n\n' , memoryLimitMb: '2048', onRunTime: false };
    const parsed = parseForm(form);
    expect(parsed.ok && parsed.value).toMatchObject({
      onRunTime: false,
      agentMemoryLimitMb: 2048,
      escalation: { enabled: true, afterMinutes: 30, webhookUrl: 'https://hooks.example/alert', command: ['/usr/bin/logger', '-t deduction'] },
    });
    expect(parsed.ok && toForm(parsed.value)).toMatchObject({ command: '/usr/bin/logger\n-t deduction', webhookUrl: 'https://hooks.example/alert' });
  });

  it('refuses a webhook that is not http(s), minutes below 1, and numbers beyond the settings’ bounds', () => {
    const form = toForm(DEFAULT_SETTINGS.alerts);
    expect(parseForm({ ...form, webhookUrl: 'ftp://x', escalationMinutes: '0', runTimeMinutes: '0.5' })).toEqual({ ok: false, errors: { webhookUrl: 'notAUrl', escalationMinutes: 'atLeastOne', runTimeMinutes: 'atLeastOne' } });
    expect(parseForm({ ...form, escalationMinutes: '99999999' })).toEqual({ ok: false, errors: { escalationMinutes: 'tooLarge' } });
  });

  it('keeps the switches as they are set', () => {
    const form = { ...toForm(DEFAULT_SETTINGS.alerts), onEngineLost: false, desktopNotifications: false };
    const parsed = parseForm(form);
    expect(parsed.ok && parsed.value).toMatchObject({ onEngineLost: false, desktopNotifications: false, onNodeFailure: true });
  });

  it('reports every wrong field at once', () => {
    const form = toForm(DEFAULT_SETTINGS.alerts);
    expect(parseForm({ ...form, failureRatePercent: '', healthScore: 'abc' })).toEqual({ ok: false, errors: { failureRatePercent: 'notANumber', healthScore: 'notANumber' } });
    expect(parseForm({ ...form, failureRatePercent: '101', healthScore: '-1' })).toEqual({ ok: false, errors: { failureRatePercent: 'percentRange', healthScore: 'scoreRange' } });
    expect(parseForm({ ...form, failureRatePercent: 'Infinity' })).toEqual({ ok: false, errors: { failureRatePercent: 'notANumber' } });
  });

  it('accepts the ends of the ranges', () => {
    const form = toForm(DEFAULT_SETTINGS.alerts);
    expect(parseForm({ ...form, failureRatePercent: '0', healthScore: '100' }).ok).toBe(true);
    expect(parseForm({ ...form, failureRatePercent: '100', healthScore: '0' }).ok).toBe(true);
  });
});
