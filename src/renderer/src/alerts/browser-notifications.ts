import type { NotificationContext } from './model/notification-policy';

/** The web Notification API's permission, or null where the browser has none (or it is not a secure context). */
export function notificationPermission(): NotificationPermission | null {
  return typeof Notification === 'undefined' ? null : Notification.permission;
}

/** The desktop shell exposes its bridge; its main process shows the notifications there. */
export function inElectron(): boolean {
  return 'consoleBridge' in window && window.consoleBridge !== undefined;
}

export function notificationContext(enabled: boolean): NotificationContext {
  return { enabled, inElectron: inElectron(), permission: notificationPermission() };
}

/** Asks the browser (only from a click: browsers ignore it otherwise); the answer, or null without the API. */
export async function requestNotificationPermission(): Promise<NotificationPermission | null> {
  if (typeof Notification === 'undefined') return null;
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}
