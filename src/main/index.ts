import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ID } from './core/paths';
import { startConsoleRuntime, type ConsoleRuntime } from './core/runtime';
import { readSettings } from './core/settings/settings-store';
import { openWithRecovery } from './core/store/recovery';
import { registerConsoleApi } from './ipc';
import { applicationMenuTemplate } from './menu';
import { notifyAlerts } from './notifications';
import { recoveryDialogs } from './recovery-dialog';
import { CONTENT_SECURITY_POLICY, SECURE_WEB_PREFERENCES, WINDOW_OPTIONS } from './security';
import { createUpdater, describeUpdateCheck, type Updater } from './updater';

const here = fileURLToPath(new URL('.', import.meta.url));
let runtime: ConsoleRuntime | undefined;
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
  else void window.loadFile(join(here, '../renderer/index.html'));
  return window;
}

function readAppUpdateConfig(): string | null {
  try {
    return readFileSync(join(process.resourcesPath, 'app-update.yml'), 'utf8');
  } catch {
    return null;
  }
}

function startUpdater(started: ConsoleRuntime): Updater {
  return createUpdater({
    settings: () => readSettings(started.store).updates,
    platform: process.platform,
    readAppUpdateConfig,
    logger: console,
    onDownloaded: (version, install) => {
      void dialog
        .showMessageBox({
          type: 'info',
          message: `Deduction Console ${version} is ready to install.`,
          detail: 'Restart now to install it, or it is installed when you quit. Running deductions resume after the restart.',
          buttons: ['Restart and install', 'Later'],
          defaultId: 1,
          cancelId: 1,
        })
        .then(({ response }) => response === 0 && install());
    },
  });
}

async function checkForUpdates(updater: Updater): Promise<void> {
  const shown = describeUpdateCheck(await updater.check());
  await dialog.showMessageBox({ type: shown.type, message: shown.message, detail: shown.detail, buttons: ['OK'] });
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  const dbFile = join(app.getPath('userData'), 'deduction.sqlite');
  const started = await openWithRecovery(
    () => startConsoleRuntime({ dbFile, migrationsDir: migrationsDir(), appName: app.getName(), version: app.getVersion() }),
    { dbFile, migrationsDir: migrationsDir(), ui: recoveryDialogs() },
  );
  if (!started) {
    app.quit();
    return;
  }
  runtime = started;
  const updater = startUpdater(runtime);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(applicationMenuTemplate(process.platform, app.getName(), { checkForUpdates: () => void checkForUpdates(updater) })),
  );
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  registerConsoleApi(ipcMain, runtime.api, runtime.events, (event) => {
    const contents = mainWindow?.webContents;
    return contents !== undefined && event.sender === contents && event.senderFrame === contents.mainFrame;
  });
  notifyAlerts(runtime);
  mainWindow = createWindow();
  void updater.checkOnStart();
}

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
      dialog.showErrorBox('Deduction Console could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing || !runtime) return;
    closing = true;
    event.preventDefault();
    void runtime.close().finally(() => app.quit());
  });
}
