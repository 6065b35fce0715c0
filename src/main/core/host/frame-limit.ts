/**
 * engine.io gives its WebSocket server one payload limit for every connection. The host
 * starts each connection with a small one, so a stranger cannot make it buffer a large frame,
 * and raises it for a connection once its token is checked. ws keeps the limit per
 * connection in its receiver; nothing public sets it, so this reaches in, and refuses the
 * session rather than run with the wrong limit if that field ever moves.
 */
interface WsConnection {
  transport?: { name?: string; socket?: WsSocket };
}

interface WsSocket {
  _receiver?: { _maxPayload?: unknown };
  on(event: 'error', listener: () => void): void;
  terminate(): void;
}

export function setFrameLimit(connection: unknown, bytes: number): void {
  const receiver = (connection as WsConnection).transport?.socket?._receiver;
  if (!receiver || typeof receiver._maxPayload !== 'number') {
    throw new Error('the frame limit of this connection cannot be set (unexpected socket.io/ws internals)');
  }
  receiver._maxPayload = bytes;
}

/**
 * ws answers an oversized frame with a close frame and waits up to 30 s for the peer's reply
 * before dropping it; a peer that never replies would hold its socket that long.
 */
export function dropOnProtocolError(connection: unknown): void {
  const socket = (connection as WsConnection).transport?.socket;
  socket?.on('error', () => socket.terminate());
}
