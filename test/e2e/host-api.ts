import { io as connect } from 'socket.io-client';
import type { ConsoleApi, ConsoleMethodName } from '../../src/shared/api/contract';
import type { CallResult } from '../../src/shared/api/errors';
import { HOST_SOCKET } from '../../src/shared/api/host-protocol';
import { E2E_OPERATOR_TOKEN } from './global-setup';

/** One ConsoleApi call to the e2e host, as an operator, over its WebSocket. */
export async function callHost<M extends ConsoleMethodName>(method: M, ...args: Parameters<ConsoleApi[M]>): Promise<Awaited<ReturnType<ConsoleApi[M]>>> {
  const socket = connect(process.env['E2E_HOST_URL']!, { auth: { token: E2E_OPERATOR_TOKEN }, transports: ['websocket'] });
  try {
    const outcome = await new Promise<CallResult>((resolve) => socket.emit(HOST_SOCKET.call, method, args, resolve));
    if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
    return outcome.result as Awaited<ReturnType<ConsoleApi[M]>>;
  } finally {
    socket.close();
  }
}
