import type { EngineOptions } from './server';

/**
 * What the console gives an Engine it starts on a worker thread: the Engine's options less
 * what cannot cross a thread (the logger, which becomes messages) or is not used on loopback.
 */
export type EngineThreadOptions = Omit<EngineOptions, 'logger' | 'tls'>;

/** The worker's side of the conversation, in the order it happens. */
export type EngineThreadReport =
  | { type: 'ready'; url: string; port: number }
  | { type: 'failed'; message: string }
  | { type: 'log'; level: 'debug' | 'info' | 'warn' | 'error'; message: string };

/** The console's side: the one request it makes; the thread then ends once the Engine has closed. */
export type EngineThreadRequest = { type: 'close' };
