import type { AppStatus } from './app-status';

/**
 * The one contract between the core and every face of the product (Electron IPC, the headless
 * host's WebSocket, the CLI). Each method is declared once here, as data, so transports can
 * enumerate it at run time and the ConsoleApi type is derived from the same object.
 *
 * `query` methods read; `control` methods change something and are refused to viewers.
 */
export type MethodKind = 'query' | 'control';

export interface MethodSpec<Args extends unknown[], Result> {
  readonly kind: MethodKind;
  /** Phantom fields: carry the types, never set at run time. */
  readonly args?: Args;
  readonly result?: Result;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any[] accepts every argument tuple
type AnyMethodSpec = MethodSpec<any[], unknown>;

function query<Args extends unknown[], Result>(): MethodSpec<Args, Result> {
  return { kind: 'query' };
}

export const CONSOLE_METHODS = {
  getAppStatus: query<[], AppStatus>(),
} as const satisfies Record<string, AnyMethodSpec>;

export type ConsoleMethodName = keyof typeof CONSOLE_METHODS;

type ArgsOf<S> = S extends MethodSpec<infer A, unknown> ? A : never;
type ResultOf<S> = S extends MethodSpec<unknown[], infer R> ? R : never;

export type ConsoleApi = {
  [K in ConsoleMethodName]: (...args: ArgsOf<(typeof CONSOLE_METHODS)[K]>) => Promise<ResultOf<(typeof CONSOLE_METHODS)[K]>>;
};

export const CONSOLE_METHOD_NAMES = Object.keys(CONSOLE_METHODS) as ConsoleMethodName[];

/** Electron IPC channel of a method. */
export function ipcChannel(method: ConsoleMethodName): string {
  return `console:${method}`;
}
