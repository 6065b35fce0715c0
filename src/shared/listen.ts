/** What listening needs of a server (Node's http.Server), named here so that shared code imports no Node module. */
export interface ListeningServer {
  once(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
  listen(port: number, host: string, listening: () => void): unknown;
  address(): unknown;
}

/** Starts listening and resolves with the port bound (port 0 picks a free one); a failure to bind rejects. */
export function listenOn(server: ListeningServer, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}
