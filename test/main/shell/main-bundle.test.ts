import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONSOLE_METHOD_NAMES, ipcChannel } from '../../../src/shared/api/contract';
import { SECURE_WEB_PREFERENCES } from '../../../src/main/security';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../src/shared/security/content-security-policy';
import { REPO_ROOT } from '../../helpers/paths';
import { useTempDirs } from '../../helpers/temp';
import { createFakeElectron, FakeBrowserWindow } from './fake-electron';

const MAIN_BUNDLE = join(REPO_ROOT, 'out/main/index.js');
const tempDir = useTempDirs();
let fake: ReturnType<typeof createFakeElectron>;
let userData: string;

vi.mock('electron', () => fake.electron);

beforeAll(async () => {
  if (!existsSync(MAIN_BUNDLE)) throw new Error(`${MAIN_BUNDLE} is missing: run \`npm run build\` first (npm test does)`);
  userData = tempDir();
  fake = createFakeElectron(userData, REPO_ROOT);
  await import(/* @vite-ignore */ MAIN_BUNDLE);
  await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1), { timeout: 10_000 });
});

afterAll(() => {
  if (fake.record.quitCalls === 0) fake.electron.app.quit();
});

describe('the built Electron main bundle', () => {
  it('registers every ConsoleApi method on ipcMain, and nothing else', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(CONSOLE_METHOD_NAMES.map(ipcChannel).sort());
  });

  it('opens the window with the secure settings, the sandboxed preload and the built renderer from app://', () => {
    const window = FakeBrowserWindow.created[0]!;
    const preferences = window.options['webPreferences'] as Record<string, unknown>;
    expect(preferences).toMatchObject(SECURE_WEB_PREFERENCES);
    expect(preferences['preload']).toMatch(/out[/\\]preload[/\\]index\.cjs$/);
    expect(existsSync(preferences['preload'] as string)).toBe(true);
    expect(window.loaded).toBe('app://console/index.html');
    expect(fake.record.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the built renderer on app:// with the CSP on every response, and nothing outside it', async () => {
    const serve = fake.record.protocolHandlers.get('app')!;
    const index = await serve({ url: 'app://console/index.html' });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = await index.text();
    expect(html).toContain(`content="${META_CONTENT_SECURITY_POLICY}"`);
    const script = html.match(/src="(?:\.\/|\/)?(assets\/[^"]+\.js)"/)?.[1];
    const asset = await serve({ url: `app://console/${script ?? 'missing.js'}` });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const url of ['app://console/../main/index.js', 'app://console/%2e%2e/main/index.js', 'app://console/%2e%2e%2f%2e%2e%2fpackage.json', 'app://elsewhere/index.html', 'app://console/nothing.html']) {
      expect((await serve({ url })).status, url).toBe(404);
    }
    expect((await serve({ url: 'app://console/%E0%A4%A' })).status).toBe(400);
  });

  it('blocks navigation, window.open, every permission request and every permission check', () => {
    const window = FakeBrowserWindow.created[0]!;
    const navigation = { prevented: false, preventDefault: () => (navigation.prevented = true) };
    window.webContents.emit('will-navigate', navigation, 'https://example.org');
    expect(navigation.prevented).toBe(true);
    expect(window.webContents.openHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    expect(window.webContents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      fake.record.permissionHandler?.({}, permission, (answer) => granted.push(answer));
    }
    expect(granted).toEqual([false, false, false, false]);
    for (const permission of ['media', 'clipboard-read', 'notifications']) expect(fake.record.permissionCheck?.({}, permission, 'app://console', {})).toBe(false);
  });

  it('answers calls from its own window and refuses calls from any other frame', async () => {
    const window = FakeBrowserWindow.created[0]!;
    const handler = fake.handlers.get(ipcChannel('getAppStatus'))!;
    const own = await handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame });
    expect(own).toMatchObject({ ok: true, result: { appName: 'Deduction Console', store: { file: join(userData, 'deduction.sqlite') } } });
    const subFrame = await handler({ sender: window.webContents, senderFrame: {} });
    expect(subFrame).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const stranger = await handler({ sender: {}, senderFrame: {} });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('sets an application menu with the usual roles', () => {
    const roles = JSON.stringify((fake.record.menu as { template: unknown }).template);
    for (const role of ['editMenu', 'windowMenu', 'zoomIn', 'togglefullscreen']) expect(roles).toContain(role);
  });
});

describe('desktop notifications', () => {
  it('show an alert raised by the core', async () => {
    const window = FakeBrowserWindow.created[0]!;
    const call = (method: string, ...args: unknown[]) => fake.handlers.get(ipcChannel(method as never))!({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, ...args);
    const workflow = {
      name: 'alerting',
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true },
        { nodeId: 'doomed', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 5, outcome: 'failed' } },
      ],
    };
    const created = (await call('createTask', workflow)) as { ok: true; result: { task_id: string } };
    expect(await call('startTask', created.result.task_id)).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(fake.record.notifications.map((note) => note.body)).toContainEqual(expect.stringMatching(/^alerting: doomed failed/)), { timeout: 15_000 });
  });
});

describe('the embedded Engine', () => {
  it('starts with the app on loopback, and stops when the app quits', async () => {
    const window = FakeBrowserWindow.created[0]!;
    const handler = fake.handlers.get(ipcChannel('listEngines'))!;
    const listed = (await handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame })) as {
      ok: true;
      result: Array<{ status: string; url: string; engineId: string }>;
    };
    expect(listed.result).toEqual([expect.objectContaining({ status: 'connected', engineId: 'embedded' })]);
    const url = new URL(listed.result[0]!.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect((await fetch(`${url.origin}/health`)).status).toBe(200);

    fake.electron.app.quit();
    await vi.waitFor(
      async () => {
        await expect(fetch(`${url.origin}/health`)).rejects.toThrow();
      },
      { timeout: 10_000 },
    );
    // The first quit is held while the core closes, then the app quits for real.
    await vi.waitFor(() => expect(fake.record.quitCalls).toBe(2));
  });
});
