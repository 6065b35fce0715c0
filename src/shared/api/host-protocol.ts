/**
 * socket.io event names of the headless host, which serves the ConsoleApi to browsers.
 * The client authenticates with `auth: { token }` in the handshake.
 */
export const HOST_SOCKET = {
  call: 'console:call',
  subscribe: 'console:subscribe',
  unsubscribe: 'console:unsubscribe',
  event: 'console:event',
} as const;

/** Where the browser UI finds its token: the page URL's `#token=…` (never sent in requests). */
export const HOST_TOKEN_PARAM = 'token';
