import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** The window's security settings, kept as data so a unit test can check them without Electron. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
} as const satisfies WebPreferences;

/** Sized for a 1366x768 laptop at least; hidden until the first paint so no white flash. */
export const WINDOW_OPTIONS = {
  width: 1366,
  height: 768,
  minWidth: 1024,
  minHeight: 640,
  show: false,
  backgroundColor: '#10141a',
} as const satisfies BrowserWindowConstructorOptions;
