import { io as connect } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_SOCKET } from '../../../../src/shared/api/host-protocol';
import type { CallResult } from '../../../../src/shared/api/errors';
import { createConsoleHost, type ConsoleHost } from '../../../../src/main/core/host/console-host';
import type { Logger } from '../../../../src/shared/logger';
import { hostSettingsSchema, type HostSettings } from '../../../../src/shared/settings/settings';
import type { ConsoleRuntime } from '../../../../src/main/core/runtime';
import { startTestRuntime } from '../../../helpers/console-runtime';
import { useTempDirs } from '../../../helpers/temp';

const OPERATOR = 'operator-token-0123456789';
const VIEWER = 'viewer-token-0123456789ab';
const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const tempDir = useTempDirs();

let runtime: ConsoleRuntime;
let host: ConsoleHost;

beforeEach(async () => {
  runtime = await startTestRuntime(tempDir());
  host = createConsoleHost({
    apiFor: (session) => runtime.apiFor(session.operator, session.role),
    events: runtime.events,
    operatorName: () => 'Zhang San',
    tokens: () => ({ operator: OPERATOR, viewer: VIEWER }),
    logger: quiet,
  });
});
afterEach(async () => {
  await host.close();
  await runtime.close();
});

const enabled = (fields: Partial<HostSettings> = {}): HostSettings => hostSettingsSchema.parse({ enabled: true, port: 0, ...fields });

function taskList(url: string, token: string): Promise<Response> {
  return fetch(`${url}/api/v1/deduction/task/list`, { headers: { authorization: `Bearer ${token}` } });
}

describe('the desktop app’s console host', () => {
  it('is off by default and in older stores', () => {
    expect(hostSettingsSchema.parse({})).toEqual({ enabled: false, port: 7400, address: '127.0.0.1', allowRemote: false });
    expect(host.status()).toEqual({ state: 'off' });
  });

  it('serves the REST API when enabled and stops when the setting turns it off', async () => {
    const on = await host.apply(enabled());
    expect(on.state).toBe('on');
    expect(on.operatorUrl).toBe(`${on.url}/#token=${OPERATOR}`);
    expect(on.viewerUrl).toBe(`${on.url}/#token=${VIEWER}`);
    const answer = await taskList(on.url!, OPERATOR);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { code: number }).code).toBe(200);
    expect((await taskList(on.url!, 'not-the-token-at-all-0123')).status).toBe(401);

    const local = host.localApi(runtime.api);
    await local.updateSettings({ host: { ...enabled(), enabled: false } });
    expect(host.status()).toEqual({ state: 'off' });
    expect((await local.getAppStatus()).host).toEqual({ state: 'off' });
    await expect(taskList(on.url!, OPERATOR)).rejects.toThrow(/fetch failed/);
    expect((await local.getSettings()).host.enabled).toBe(false);
  });

  it('shows its links to the local window only', async () => {
    const local = host.localApi(runtime.api);
    const settings = await local.updateSettings({ host: enabled() });
    expect(settings.host.enabled).toBe(true);
    const status = (await local.getAppStatus()).host;
    expect(status?.state).toBe('on');
    expect(status?.operatorUrl).toContain(OPERATOR);
    const viaHost = await fetch(`${status!.url}/api/v1/deduction/task/list`, { headers: { authorization: `Bearer ${VIEWER}` } });
    expect(viaHost.status).toBe(200);
    expect(await runtime.apiFor('viewer', 'viewer').getAppStatus()).not.toHaveProperty('host');
  });

  it('lets a host operator turn sharing off: the call is answered, then the host stops', async () => {
    const on = await host.apply(enabled());
    const socket = connect(on.url!, { auth: { token: OPERATOR }, transports: ['websocket'], reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('connect_error', reject));
      const answer = await new Promise<CallResult>((resolve) => socket.emit(HOST_SOCKET.call, 'updateSettings', [{ host: { ...enabled(), enabled: false } }], resolve));
      expect(answer).toMatchObject({ ok: true });
      await vi.waitFor(() => expect(host.status()).toEqual({ state: 'off' }));
      await expect(taskList(on.url!, OPERATOR)).rejects.toThrow(/fetch failed/);
    } finally {
      socket.close();
    }
  });

  it('stays off once closed, even when enabled afterwards', async () => {
    await host.close();
    expect(await host.apply(enabled())).toEqual({ state: 'off' });
  });

  it('refuses a non-loopback address without remote access, naming why', async () => {
    const refused = await host.apply(enabled({ address: '0.0.0.0' }));
    expect(refused.state).toBe('failed');
    expect(refused.reason).toMatch(/0\.0\.0\.0 is not loopback: allow remote access/);
    expect(refused.url).toBeUndefined();
  });

  it('reports a port it cannot bind instead of throwing', async () => {
    const first = await host.apply(enabled());
    const other = createConsoleHost({ apiFor: (session) => runtime.apiFor(session.operator, session.role), events: runtime.events, operatorName: () => 'x', logger: quiet });
    try {
      const clash = await other.apply(enabled({ port: Number(new URL(first.url!).port) }));
      expect(clash.state).toBe('failed');
      expect(clash.reason).toMatch(/cannot serve the console on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
    } finally {
      await other.close();
    }
  });
});
