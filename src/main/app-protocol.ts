import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { contentTypeOf, resolveStaticPath } from './core/host/static-files';
import { CONTENT_SECURITY_POLICY } from '../shared/security/content-security-policy';

/**
 * The window is served from app://console/ rather than file://: a file:// page may read any
 * file the user can (and the GrantFileProtocolExtraPrivileges fuse is off in installed builds),
 * while app:// answers only with the built renderer, each response carrying the CSP.
 */
export const APP_SCHEME = 'app';
const APP_HOST = 'console';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready: the scheme behaves like https (origin, fetch, storage). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveApp(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request.url, rendererDir));
}

export async function appResponse(url: string, rendererDir: string): Promise<Response> {
  const notFound = () => new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  let parsed: URL;
  let pathname: string;
  try {
    parsed = new URL(url);
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return new Response('bad request path', { status: 400 });
  }
  if (parsed.host !== APP_HOST) return notFound();
  const file = resolveStaticPath(rendererDir, pathname);
  if (file === null) return notFound();
  return new Response(new Uint8Array(await readFile(file)), {
    headers: { 'Content-Type': contentTypeOf(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
  });
}
