import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveUpdateFolder } from '../../../../src/main/core/updates/folder-feed';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();

/** A raw request, so that paths reach the server exactly as written (fetch would normalise `..`). */
function get(base: string, path: string, method = 'GET'): Promise<{ status: number; body: string; type: string | undefined }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, type: response.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

function updateFolder(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'latest.yml'), 'version: 0.2.0\npath: deduction-console-0.2.0-win-x64.exe\n');
  writeFileSync(join(dir, 'deduction console 0.2.0.exe'), 'installer bytes');
  mkdirSync(join(dir, 'old'));
  writeFileSync(join(dir, 'old', 'latest.yml'), 'version: 0.1.0\n');
  return dir;
}

describe('serving an update folder on loopback', () => {
  it('serves the files directly in the folder, on 127.0.0.1', async () => {
    const feed = await serveUpdateFolder(updateFolder());
    try {
      expect(new URL(feed.url).hostname).toBe('127.0.0.1');
      const yml = await get(feed.url, '/latest.yml?noCache=1abc');
      expect(yml).toMatchObject({ status: 200, body: expect.stringContaining('version: 0.2.0'), type: expect.stringContaining('yaml') });
      expect(await get(feed.url, '/deduction%20console%200.2.0.exe')).toMatchObject({ status: 200, body: 'installer bytes' });
      expect(await get(feed.url, '/latest.yml', 'HEAD')).toMatchObject({ status: 200, body: '' });
    } finally {
      await feed.close();
    }
  });

  it('serves nothing else: no listing, no subfolders, no way out, no writes', async () => {
    const dir = updateFolder();
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.txt'), 'not for the updater');
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'link.txt'));
    const feed = await serveUpdateFolder(dir);
    try {
      for (const path of ['/', '/old', '/old/latest.yml', '/old%2Flatest.yml', '/../secret.txt', '/..%2F..%2Fetc%2Fpasswd', '/link.txt', '/missing.yml', '/%E0%A4%A']) {
        expect((await get(feed.url, path)).status, path).toBe(404);
      }
      expect((await get(feed.url, '/latest.yml', 'PUT')).status).toBe(405);
    } finally {
      await feed.close();
    }
  });

  it('stops listening when closed', async () => {
    const feed = await serveUpdateFolder(updateFolder());
    await feed.close();
    await expect(get(feed.url, '/latest.yml')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('says which folder it cannot read', async () => {
    await expect(serveUpdateFolder(join(tempDir(), 'not-there'))).rejects.toThrow(/the update folder .*not-there cannot be read/);
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    await expect(serveUpdateFolder(file)).rejects.toThrow(/not a folder/);
  });
});
