import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  readonly url: string;
  /** Drops every open connection, as a network glitch would; new ones are let through. */
  cut(): void;
  /** Drops every connection and refuses new ones, as an Engine host that died would look. */
  block(): void;
  unblock(): void;
  /** Keeps the connections open but carries nothing more, as a dead host behind a silent network would look. */
  stall(): void;
  close(): Promise<void>;
}

/** A loopback TCP relay in front of a server, to cut and restore the network under a client. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let blocked = false;
  let stalled = false;
  const server: Server = createServer((inbound) => {
    if (blocked) {
      inbound.destroy();
      return;
    }
    const outbound = connect(targetPort, '127.0.0.1');
    open.add(inbound);
    open.add(outbound);
    const drop = (): void => {
      inbound.destroy();
      outbound.destroy();
      open.delete(inbound);
      open.delete(outbound);
    };
    inbound.on('error', drop).on('close', drop);
    outbound.on('error', drop).on('close', drop);
    inbound.on('data', (chunk: Buffer) => void (stalled || outbound.write(chunk)));
    outbound.on('data', (chunk: Buffer) => void (stalled || inbound.write(chunk)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const cut = (): void => {
    for (const socket of open) socket.destroy();
    open.clear();
  };
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    cut,
    block: () => {
      blocked = true;
      cut();
    },
    unblock: () => {
      blocked = false;
      stalled = false;
    },
    stall: () => {
      stalled = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}
