import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_INDEX_URL, registerAppScheme, serveApp } from './app-protocol';
import { createConsoleHost, type ConsoleHost } from './core/host/console-host';
import { APP_ID } from './core/paths';
import { startConsoleRuntime, type ConsoleRuntime } from './core/runtime';
import { readSettings } from './core/settings/settings-store';
import { openWithRecovery } from './core/store/recovery';
import { registerConsoleApi } from './ipc';
import { applicationMenuTemplate } from './menu';
import { notifyAlerts } from './notifications';
import { recoveryDialogs } from './recovery-dialog';
import { electronHtmlToPdf } from './report-pdf';
import { desktopSecretKey } from './secret-key';
import { SECURE_WEB_PREFERENCES, WINDOW_OPTIONS } from './security';
import { desktopUpdater } from './update-dialogs';
import { NO_APP_NODE_ENV } from '../shared/engine/node-env';
import { errorText } from '../shared/error-text';

const here = fileURLToPath(new URL('.', import.meta.url));
let runtime: ConsoleRuntime | undefined;
let consoleHost: ConsoleHost | undefined;
let mainWindow: BrowserWindow | undefined;

function migrationsDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'migrations') : join(app.getAppPath(), 'migrations');
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    ...WINDOW_OPTIONS,
    title: app.getName(),
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(here, '../preload/index.cjs') },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  if (devUrl && !app.isPackaged) void window.loadURL(devUrl);
  else void window.loadURL(APP_INDEX_URL);
  return window;
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  // Installed builds turn the RunAsNode fuse off: the embedded Engine must not start this binary as Node.
  if (app.isPackaged) process.env[NO_APP_NODE_ENV] = '1';
  const dbFile = join(app.getPath('userData'), 'deduction.sqlite');
  const started = await openWithRecovery(
    () =>
      startConsoleRuntime({
        dbFile,
        migrationsDir: migrationsDir(),
        appName: app.getName(),
        version: app.getVersion(),
        htmlToPdf: electronHtmlToPdf(),
        secretKey: desktopSecretKey(dbFile),
        // The window shows each Engine's state and reason; the app opens even when none answers yet.
        engineWait: { whenNoneUp: 'continue' },
      }),
    { dbFile, migrationsDir: migrationsDir(), ui: recoveryDialogs() },
  );
  if (!started) {
    app.quit();
    return;
  }
  runtime = started;
  const updater = desktopUpdater(runtime.store);
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform, app.getName(), { checkForUpdates: updater.checkFromMenu })));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveApp(join(here, '../renderer'));
  const live = runtime;
  consoleHost = createConsoleHost({
    apiFor: (hostSession) => live.apiFor(hostSession.operator, hostSession.role),
    events: live.events,
    operatorName: () => readSettings(live.store).operatorName,
    staticDir: join(here, '../renderer'),
  });
  // A host that cannot start is shown in the window's status; the app itself opens regardless.
  void consoleHost.apply(readSettings(live.store).host);
  registerConsoleApi(ipcMain, consoleHost.localApi(runtime.api), runtime.events, (event) => {
    const contents = mainWindow?.webContents;
    return contents !== undefined && event.sender === contents && event.senderFrame === contents.mainFrame;
  });
  notifyAlerts(runtime);
  mainWindow = createWindow();
  updater.checkOnStart();
}

registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Deduction Console could not start', errorText(error));
      app.exit(1);
    });
  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing || !runtime) return;
    closing = true;
    event.preventDefault();
    const stopping = runtime;
    void Promise.resolve(consoleHost?.close())
      .then(() => stopping.close())
      .finally(() => app.quit());
  });
}
