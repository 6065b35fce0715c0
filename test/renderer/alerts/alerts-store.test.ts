import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/shared/api/alerts';
import type { ConsoleClient } from '../../../src/shared/api/contract';
import { ApiError } from '../../../src/shared/api/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings/settings';
import { AlertsStore } from '../../../src/renderer/src/alerts/alerts-store';

const alert = (id: string, time: number, extra: Partial<Alert> = {}): Alert => ({
  id,
  time,
  kind: 'engine-lost',
  severity: 'critical',
  state: 'open',
  escalationLevel: 0,
  taskId: null,
  taskName: null,
  nodeId: null,
  engine: 'e1',
  params: { engine: 'e1' },
  message: 'lost',
  count: 1,
  lastFiredAt: time,
  acknowledgedBy: null,
  acknowledgedAt: null,
  resolvedAt: null,
  resolvedBy: null,
  escalatedAt: null,
  notifyError: null,
  ...extra,
});

function fakeClient(options: { stored?: Alert[]; refuse?: string } = {}) {
  const listeners = new Set<(alert: Alert) => void>();
  let settings: Settings = DEFAULT_SETTINGS;
  const client = {
    listAlerts: async () => options.stored ?? [],
    acknowledgeAlert: async (id: string) => alert(id, 100, { state: 'acknowledged', acknowledgedBy: 'alice', acknowledgedAt: 500 }),
    getSettings: async () => settings,
    updateSettings: async (patch: Partial<Settings>) => {
      if (options.refuse) throw new ApiError('FORBIDDEN', options.refuse);
      settings = { ...settings, ...patch };
      return settings;
    },
    subscribe: (event: string, listener: (alert: Alert) => void) => {
      expect(event).toBe('alert');
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as ConsoleClient;
  return { client, raise: (a: Alert) => listeners.forEach((listener) => listener(a)), listening: () => listeners.size };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the shared alert store', () => {
  it('loads the stored alerts and settings, then adds live alerts newest first', async () => {
    const { client, raise } = fakeClient({ stored: [alert('1', 100)] });
    const store = new AlertsStore(client);
    let notified = 0;
    const off = store.subscribe(() => notified++);
    await settle();
    expect(store.getSnapshot().alerts.map((a) => a.id)).toEqual(['1']);
    expect(store.getSnapshot().settings).toEqual(DEFAULT_SETTINGS.alerts);
    raise(alert('2', 200));
    raise(alert('2', 200));
    expect(store.getSnapshot().alerts.map((a) => a.id)).toEqual(['2', '1']);
    expect(notified).toBeGreaterThanOrEqual(3);
    off();
  });

  it('replaces an alert by the core’s answer when it is acknowledged, and by each live change', async () => {
    const { client, raise } = fakeClient({ stored: [alert('1', 100)] });
    const store = new AlertsStore(client);
    store.subscribe(() => {});
    await settle();
    await store.acknowledge('1');
    expect(store.getSnapshot().alerts).toEqual([expect.objectContaining({ id: '1', state: 'acknowledged', acknowledgedBy: 'alice' })]);
    raise(alert('1', 100, { state: 'resolved', resolvedAt: 900, acknowledgedAt: 500 }));
    expect(store.getSnapshot().alerts.map((a) => [a.id, a.state])).toEqual([['1', 'resolved']]);
  });

  it('stops listening when the last view goes', async () => {
    const { client, listening } = fakeClient();
    const store = new AlertsStore(client);
    const a = store.subscribe(() => {});
    const b = store.subscribe(() => {});
    expect(listening()).toBe(1);
    a();
    expect(listening()).toBe(1);
    b();
    expect(listening()).toBe(0);
    await settle();
  });

  it('holds the saved settings as the core returned them', async () => {
    const { client } = fakeClient();
    const store = new AlertsStore(client);
    store.subscribe(() => {});
    await settle();
    await store.saveSettings({ ...DEFAULT_SETTINGS.alerts, healthScoreThreshold: 75 });
    expect(store.getSnapshot().settings?.healthScoreThreshold).toBe(75);
  });

  it('passes a refusal on to the dialog and keeps the settings it had', async () => {
    const { client } = fakeClient({ refuse: 'viewers may not change settings' });
    const store = new AlertsStore(client);
    store.subscribe(() => {});
    await settle();
    await expect(store.saveSettings({ ...DEFAULT_SETTINGS.alerts, healthScoreThreshold: 75 })).rejects.toThrow('viewers may not change settings');
    expect(store.getSnapshot().settings).toEqual(DEFAULT_SETTINGS.alerts);
  });
});
