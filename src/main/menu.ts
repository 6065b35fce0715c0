import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  checkForUpdates?: () => void;
}

/** The application menu: the platform's usual roles, so copy/paste and zoom work everywhere. */
export function applicationMenuTemplate(platform: NodeJS.Platform, appName: string, actions: MenuActions = {}): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ label: appName, role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'forceReload' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    ...(actions.checkForUpdates ? [{ role: 'help', submenu: [{ label: 'Check for Updates…', click: actions.checkForUpdates }] } satisfies MenuItemConstructorOptions] : []),
  ];
}
