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
});
