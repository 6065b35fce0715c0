import type { IncomingMessage } from 'node:http';

/**
 * Whether a WebSocket upgrade may come from the page that asks for it. Browsers always send
 * Origin with a WebSocket, so a page on another site is refused unless allowed by name; a
 * program (no Origin) is left to its token.
 */
export function originAllowed(request: IncomingMessage, allowedOrigins: ReadonlySet<string>): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowedOrigins.has(origin)) return true;
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

/** An --allow-origin value as browsers send it (scheme://host[:port], no path), or an error naming it. */
export function normalizeOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`allowed origin ${JSON.stringify(value)} is not a URL (expected e.g. https://console.example.org)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`allowed origin ${JSON.stringify(value)} must be http:// or https://`);
  return url.origin;
}
