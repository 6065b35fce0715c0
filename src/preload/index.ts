import { contextBridge, ipcRenderer } from 'electron';
import type { ConsoleTransport } from '../shared/api/client';
import {
  IPC_EVENT_CHANNEL,
  IPC_SUBSCRIBE_CHANNEL,
  ipcChannel,
  isConsoleEvent,
  isConsoleMethod,
} from '../shared/api/contract';
import { errorReason } from '../shared/api/error-reasons';
import { ApiError } from '../shared/api/errors';

/**
 * Exposes the ConsoleApi transport generically: one call for every method of the contract
 * (and nothing else), one subscription for every event stream. The typed client is built in
 * the renderer from the same contract, so no method is written twice.
 */
const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, name: string, payload: unknown) => {
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const bridge: ConsoleTransport = {
  call(method, args) {
    if (!isConsoleMethod(method)) {
      const unknown = new ApiError('UNKNOWN_METHOD', errorReason('method.unknown', { method: String(method) }));
      return Promise.resolve({ ok: false, error: unknown.toBody() });
    }
    return ipcRenderer.invoke(ipcChannel(method), ...args);
  },
  subscribe(event, listener) {
    if (!isConsoleEvent(event)) return () => undefined;
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
      ipcRenderer.send(IPC_SUBSCRIBE_CHANNEL, event, true);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) {
        listeners.delete(event);
        ipcRenderer.send(IPC_SUBSCRIBE_CHANNEL, event, false);
      }
    };
  },
};

contextBridge.exposeInMainWorld('consoleBridge', bridge);
