import { contextBridge, ipcRenderer } from 'electron';
import { CONSOLE_METHOD_NAMES, ipcChannel } from '../shared/api/contract';

/** Exposes exactly the contract's methods, derived from its list; nothing else of Electron. */
const api = Object.fromEntries(
  CONSOLE_METHOD_NAMES.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(ipcChannel(method), ...args)]),
);

contextBridge.exposeInMainWorld('consoleApi', api);
