import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { CONSOLE_METHOD_NAMES, IPC_EVENT_CHANNEL, IPC_SUBSCRIBE_CHANNEL, ipcChannel, isConsoleEvent, type ConsoleApi, type ConsoleEvents } from '../shared/api/contract';
import { errorReason } from '../shared/api/error-reasons';
import { ApiError, type CallResult } from '../shared/api/errors';
import { dispatch } from './core/service/dispatch';

export type SenderCheck = (event: IpcMainInvokeEvent | IpcMainEvent) => boolean;

/**
 * Registers every ConsoleApi method on ipcMain from the contract's list, so no method is
 * wired by hand, and forwards subscribed event streams to the window. Calls from any frame
 * but our own window's top frame are refused. The desktop user is the operator.
 */
export function registerConsoleApi(ipcMain: IpcMain, api: ConsoleApi, events: ConsoleEvents, isTrustedSender: SenderCheck): void {
  for (const method of CONSOLE_METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) {
        const refused = new ApiError('FORBIDDEN', errorReason('method.untrustedSender', { method }));
        return { ok: false, error: refused.toBody() } satisfies CallResult;
      }
      return dispatch(api, method, args, 'operator');
    });
  }
  const subscriptions = new Map<WebContents, Map<string, () => void>>();
  ipcMain.on(IPC_SUBSCRIBE_CHANNEL, (event, name: unknown, on: unknown) => {
    if (!isTrustedSender(event) || !isConsoleEvent(name)) return;
    const contents = event.sender;
    let mine = subscriptions.get(contents);
    if (!mine) {
      mine = new Map<string, () => void>();
      subscriptions.set(contents, mine);
      contents.once('destroyed', () => {
        for (const end of subscriptions.get(contents)?.values() ?? []) end();
        subscriptions.delete(contents);
      });
    }
    if (on === true && !mine.has(name)) {
      mine.set(name, events.subscribe(name, (payload) => contents.send(IPC_EVENT_CHANNEL, name, payload)));
    } else if (on === false) {
      mine.get(name)?.();
      mine.delete(name);
    }
  });
}
