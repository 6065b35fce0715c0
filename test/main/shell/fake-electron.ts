import { EventEmitter } from 'node:events';

/**
 * A stand-in for the `electron` module, recording what the main bundle asks of it, since the
 * Electron binary cannot run on these machines. Only the calls the shell makes exist here.
 */
export interface FakeWebContents extends EventEmitter {
  mainFrame: object;
  openHandler?: (details: { url: string }) => { action: string };
  sent: unknown[][];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void;
  send(channel: string, ...args: unknown[]): void;
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents: FakeWebContents;
  loaded?: string;

  constructor(readonly options: Record<string, unknown>) {
    super();
    const contents = Object.assign(new EventEmitter(), {
      mainFrame: {},
      sent: [] as unknown[][],
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
        contents.openHandler = handler;
      },
      send(channel: string, ...args: unknown[]) {
        contents.sent.push([channel, ...args]);
      },
    }) as FakeWebContents;
    this.webContents = contents;
    FakeBrowserWindow.created.push(this);
  }

  loadFile(file: string): Promise<void> {
    this.loaded = file;
    return Promise.resolve();
  }

  loadURL(url: string): Promise<void> {
    this.loaded = url;
    return Promise.resolve();
  }

  isMinimized(): boolean {
    return false;
  }

  restore(): void {}
  focus(): void {}
  show(): void {}
}

export function createFakeElectron(userData: string, appPath: string) {
  const appEvents = new EventEmitter();
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const record = {
    quitCalls: 0,
    exitCodes: [] as number[],
    menu: undefined as unknown,
    permissionHandler: undefined as undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
    privilegedSchemes: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
    protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    errors: [] as string[],
    notifications: [] as Array<{ title: string; body: string }>,
    messageBoxes: [] as Array<{ message: string; detail?: string; buttons?: string[]; cancelId?: number }>,
    /** Buttons to press in the next message boxes, in order; Escape (cancelId) when none is left. */
    messageBoxAnswers: [] as number[],
  };
  const app = Object.assign(appEvents, {
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    getPath: (name: string) => (name === 'userData' ? userData : `/nonexistent/${name}`),
    getAppPath: () => appPath,
    getName: () => 'Deduction Console',
    getVersion: () => '0.0.0-test',
    quit: () => {
      record.quitCalls++;
      appEvents.emit('will-quit', { preventDefault: () => undefined });
    },
    exit: (code: number) => record.exitCodes.push(code),
  });
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, handler),
      on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, listener),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => (record.menu = menu),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof record.permissionHandler) => (record.permissionHandler = handler),
        setPermissionCheckHandler: (handler: typeof record.permissionCheck) => (record.permissionCheck = handler),
      },
    },
    // The system keychain, as a reversible stand-in: what it seals is not the plain text.
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) => Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`),
      decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'base64').toString(),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: typeof record.privilegedSchemes) => record.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => record.protocolHandlers.set(scheme, handler),
    },
    shell: { openExternal: () => Promise.resolve() },
    Notification: class {
      static isSupported(): boolean {
        return true;
      }
      constructor(private readonly options: { title: string; body: string }) {}
      show(): void {
        record.notifications.push({ title: this.options.title, body: this.options.body });
      }
    },
    dialog: {
      showErrorBox: (title: string, message: string) => record.errors.push(`${title}: ${message}`),
      showMessageBox: async (options: (typeof record.messageBoxes)[number]) => {
        record.messageBoxes.push(options);
        return { response: record.messageBoxAnswers.shift() ?? options.cancelId ?? 0 };
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] as string[] }),
    },
  };
  return { electron, handlers, listeners, record };
}
