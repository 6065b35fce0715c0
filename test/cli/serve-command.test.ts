import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_SOCKET } from '../../src/shared/api/host-protocol';
import type { CallResult } from '../../src/shared/api/errors';
import { exitOf, spawnCli, waitForOutput } from '../helpers/built-cli';
import { useTempDirs } from '../helpers/temp';
import { SCHEMA_VERSION } from '../helpers/store';

const tempDir = useTempDirs();
const children: ReturnType<typeof spawnCli>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('deduction serve', () => {
  it('serves the UI and the API on loopback with printed tokens, and stops cleanly on SIGTERM', async () => {
    const child = spawnCli(['serve', '--port', '0', '--db', join(tempDir(), 'db.sqlite')]);
    children.push(child);
    const [, url, token] = await waitForOutput(child, /operator: (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const socket = connect(url!, { auth: { token }, transports: ['websocket'], reconnection: false });
    const outcome = await new Promise<CallResult>((resolve) => socket.emit(HOST_SOCKET.call, 'getAppStatus', [], resolve));
    socket.close();
    expect(outcome).toMatchObject({ ok: true, result: { appName: 'Deduction Console', store: { schemaVersion: SCHEMA_VERSION } } });
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
  });

  it('refuses to bind beyond loopback without --allow-remote', async () => {
    const child = spawnCli(['serve', '--host', '0.0.0.0', '--port', '0', '--db', join(tempDir(), 'db.sqlite')]);
    children.push(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(child)).toBe(1);
    expect(stderr).toMatch(/beyond loopback needs the explicit allow-remote option/);
  });

  it('takes tokens from the environment without printing them, and refuses a weak viewer token even on loopback', async () => {
    const operatorToken = 'env-operator-token-0123456789';
    const child = spawnCli(['serve', '--port', '0', '--db', join(tempDir(), 'db.sqlite')], { DEDUCTION_TOKEN: operatorToken, DEDUCTION_VIEWER_TOKEN: 'env-viewer-token-0123456789' });
    children.push(child);
    const [printed, url] = await waitForOutput(child, /operator: (http:\/\/127\.0\.0\.1:\d+) \(token from DEDUCTION_TOKEN\)/);
    expect(printed).not.toContain(operatorToken);
    const socket = connect(url!, { auth: { token: operatorToken }, transports: ['websocket'], reconnection: false });
    const outcome = await new Promise<CallResult>((resolve) => socket.emit(HOST_SOCKET.call, 'getAppStatus', [], resolve));
    socket.close();
    expect(outcome).toMatchObject({ ok: true, result: { session: { role: 'operator', operator: 'operator' } } });
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);

    const weak = spawnCli(['serve', '--port', '0', '--viewer-token', 'a', '--db', join(tempDir(), 'db.sqlite')]);
    children.push(weak);
    let stderr = '';
    weak.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(weak)).toBe(2);
    expect(stderr).toMatch(/visible to every user of this machine/);
    expect(stderr).toMatch(/the viewer token of "viewer" must be at least 16 characters/);
  });

  it('binds names to the tokens of a token file, whatever name a browser sends', async () => {
    const file = join(tempDir(), 'tokens.json');
    writeFileSync(
      file,
      JSON.stringify([
        { token: 'li-si-operator-token-0123', role: 'operator', name: 'Li Si' },
        { token: 'wall-screen-viewer-token-0123', role: 'viewer', name: 'wall screen' },
      ]),
    );
    const child = spawnCli(['serve', '--port', '0', '--token-file', file, '--db', join(tempDir(), 'db.sqlite')]);
    children.push(child);
    const [, url] = await waitForOutput(child, /operator: (http:\/\/127\.0\.0\.1:\d+) \(tokens from /);
    const session = async (token: string) => {
      const socket = connect(url!, { auth: { token, operator: 'admin' }, transports: ['websocket'], reconnection: false });
      const outcome = await new Promise<CallResult>((resolve) => socket.emit(HOST_SOCKET.call, 'getAppStatus', [], resolve));
      socket.close();
      return outcome;
    };
    expect(await session('li-si-operator-token-0123')).toMatchObject({ ok: true, result: { session: { role: 'operator', operator: 'Li Si' } } });
    expect(await session('wall-screen-viewer-token-0123')).toMatchObject({ ok: true, result: { session: { role: 'viewer', operator: 'wall screen' } } });
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);

    writeFileSync(file, JSON.stringify([{ token: 'short', role: 'operator', name: 'x' }]));
    const bad = spawnCli(['serve', '--port', '0', '--token-file', file, '--db', join(tempDir(), 'db.sqlite')]);
    children.push(bad);
    let stderr = '';
    bad.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(bad)).toBe(2);
    expect(stderr).toMatch(/token file .*tokens\.json: entry 0\.token: a token must be at least 16 characters/);
    expect(stderr).not.toContain('short');
  });
});
