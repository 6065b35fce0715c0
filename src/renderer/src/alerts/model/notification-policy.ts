/** The web Notification API's permission states, named here so this module needs no DOM types. */
export type NotificationPermissionState = 'default' | 'granted' | 'denied';

/** Where the window runs and what the browser allows, for deciding who shows a desktop notification. */
export interface NotificationContext {
  /** The alert settings' desktopNotifications switch. */
  enabled: boolean;
  /** Electron's main process shows them itself; the window must not show each twice. */
  inElectron: boolean;
  /** The web Notification API's permission, or null where the browser has no such API. */
  permission: NotificationPermissionState | null;
}

export function shouldNotifyInBrowser({ enabled, inElectron, permission }: NotificationContext): boolean {
  return enabled && !inElectron && permission === 'granted';
}

/** Whether to offer the button that asks the browser for permission (it must follow a click). */
export function shouldOfferPermission({ enabled, inElectron, permission }: NotificationContext): boolean {
  return enabled && !inElectron && permission === 'default';
}
