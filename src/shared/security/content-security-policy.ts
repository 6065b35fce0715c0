/**
 * The window's Content-Security-Policy, wherever it is loaded from (the app:// protocol of the
 * desktop app, the headless host, the built index.html): everything from the app itself; no
 * remote code, no eval, no inline script, no plugins, no <base>, no form posts. 'self' also
 * covers the headless host's WebSocket, which is same-origin.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** The policy as a <meta> tag can carry it: browsers ignore frame-ancestors there (it needs a header). */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((directive) => !directive.startsWith('frame-ancestors')).join('; ');
