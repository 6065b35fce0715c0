/**
 * Resolves on the first Ctrl+C or SIGTERM. Call it before announcing that a server is up:
 * whoever reads the announcement may signal at once, and a signal with no listener yet
 * would kill the process without closing the store.
 */
export function stopSignal(): Promise<void> {
  return new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
