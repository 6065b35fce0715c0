import { createConsoleClient, type ConsoleTransport } from '../../../shared/api/client';
import type { ConsoleClient } from '../../../shared/api/contract';
import { HOST_TOKEN_PARAM } from '../../../shared/api/host-protocol';
import { ALWAYS_CONNECTED, type ConnectionWatch } from './connection-state';
import { createSocketTransport } from './socket-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser served by the headless host. */
    consoleBridge?: ConsoleTransport;
  }
}

const TOKEN_STORAGE_KEY = 'deduction-console-token';
/** The name a browser session records with its controls; the host falls back to role@address. */
export const OPERATOR_STORAGE_KEY = 'deduction-console-operator';

/**
 * In Electron the preload's bridge carries the calls; in a browser, the headless host's
 * socket on the page's own origin, with the token from the URL fragment (kept for the tab's
 * session and removed from the address bar so it is not bookmarked or shared by accident).
 * The connection is what the window shows of that link (Electron's cannot break).
 */
export function connectConsole(): { client: ConsoleClient; connection: ConnectionWatch } {
  if (window.consoleBridge) return { client: createConsoleClient(window.consoleBridge), connection: ALWAYS_CONNECTED };
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const fromUrl = fragment.get(HOST_TOKEN_PARAM);
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    fragment.delete(HOST_TOKEN_PARAM);
    const rest = fragment.toString();
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`);
  }
  const token = fromUrl ?? sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
  const transport = createSocketTransport(window.location.origin, token, localStorage.getItem(OPERATOR_STORAGE_KEY) ?? undefined);
  return { client: createConsoleClient(transport), connection: transport.connection };
}
