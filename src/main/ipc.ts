import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CONSOLE_METHOD_NAMES, ipcChannel, type ConsoleApi } from '../shared/api/contract';

/**
 * Registers every ConsoleApi method on ipcMain from the contract's list, so no method is
 * wired by hand. Calls from any frame but our own window's top frame are refused.
 */
export function registerConsoleApi(ipcMain: IpcMain, api: ConsoleApi, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  for (const method of CONSOLE_METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) throw new Error(`refused ${method}: the call did not come from the console window`);
      const call = api[method] as (...callArgs: unknown[]) => Promise<unknown>;
      return call(...args);
    });
  }
}
