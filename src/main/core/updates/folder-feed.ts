import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, sep } from 'node:path';
import { errorText } from '../../../shared/error-text';

export interface FolderFeed {
  /** The http://127.0.0.1:PORT/ base URL the folder is served at. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves an update folder (a LAN share, a USB drive) read-only on loopback for as long as
 * one update check and download take. electron-updater fetches over Electron's network
 * stack, which speaks http(s) only, so a folder is reached this way; its checks (the sha512
 * in latest*.yml, the Windows publisher) are the same as for a server.
 * Only files directly in the folder are served: no listing, no subfolders, no way out.
 */
export async function serveUpdateFolder(dir: string): Promise<FolderFeed> {
  let root: string;
  try {
    root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    throw new Error(`the update folder ${dir} cannot be read: ${errorText(error)}`, { cause: error });
  }
  const server = createServer((request, response) => {
    void answer(root, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405);
  const file = await servedFile(root, request.url ?? '/');
  if (!file) return refuse(response, 404);
  response.writeHead(200, {
    'Content-Type': file.path.endsWith('.yml') ? 'text/yaml; charset=utf-8' : 'application/octet-stream',
    'Content-Length': file.size,
    'Cache-Control': 'no-store',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file.path)
    .on('error', () => response.destroy())
    .pipe(response);
}

async function servedFile(root: string, url: string): Promise<{ path: string; size: number } | null> {
  let name: string;
  try {
    name = decodeURIComponent(new URL(url, 'http://feed').pathname.slice(1));
  } catch {
    return null;
  }
  if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name)) return null;
  try {
    const path = await realpath(join(root, name));
    // A drive's root (E:\ on a USB stick) already ends with the separator.
    if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : null;
  } catch {
    return null;
  }
}

function refuse(response: ServerResponse, status: number): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(status === 404 ? 'not found' : 'method not allowed');
}
