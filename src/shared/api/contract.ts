import { z } from 'zod';
import type { AppStatus } from './app-status';
import { logQuerySchema, type LogPage } from './logs';
import { progressQuerySchema, resourceQuerySchema, type ProgressSeries, type ResourceSeries } from './resources';

/**
 * The one contract between the core and every face of the product (Electron IPC, the headless
 * host's WebSocket, the CLI). Each method and event stream is declared once here, as data:
 * transports enumerate it at run time, the argument schemas check what untrusted callers send,
 * and the ConsoleApi type is derived from the same object.
 *
 * `query` methods read; `control` methods change something and are refused to viewers.
 */
export type MethodKind = 'query' | 'control';

export interface MethodSpec<Args extends z.ZodType<readonly unknown[]>, Result> {
  readonly kind: MethodKind;
  readonly args: Args;
  /** Phantom: carries the result type, never set at run time. */
  readonly result?: Result;
}

export interface EventSpec<Payload> {
  /** Phantom: carries the payload type, never set at run time. */
  readonly payload?: Payload;
}

type AnyMethodSpec = MethodSpec<z.ZodType<readonly unknown[]>, unknown>;

function query<Result>() {
  return <Args extends z.ZodType<readonly unknown[]>>(args: Args): MethodSpec<Args, Result> => ({ kind: 'query', args });
}

export const CONSOLE_METHODS = {
  getAppStatus: query<AppStatus>()(z.tuple([])),
  queryLogs: query<LogPage>()(z.tuple([logQuerySchema])),
  getResourceSeries: query<ResourceSeries>()(z.tuple([resourceQuerySchema])),
  getProgressSeries: query<ProgressSeries>()(z.tuple([progressQuerySchema])),
} as const satisfies Record<string, AnyMethodSpec>;

export const CONSOLE_EVENTS = {} as const satisfies Record<string, EventSpec<unknown>>;

export type ConsoleMethodName = keyof typeof CONSOLE_METHODS;
export type ConsoleEventName = keyof typeof CONSOLE_EVENTS;

type ArgsOf<S> = S extends MethodSpec<infer A, unknown> ? z.input<A> : never;
type ResultOf<S> = S extends MethodSpec<z.ZodType<readonly unknown[]>, infer R> ? R : never;
type PayloadOf<S> = S extends EventSpec<infer P> ? P : never;

export type ConsoleApi = {
  [K in ConsoleMethodName]: (...args: ArgsOf<(typeof CONSOLE_METHODS)[K]>) => Promise<ResultOf<(typeof CONSOLE_METHODS)[K]>>;
};

export type ConsoleEventPayload<E extends ConsoleEventName> = PayloadOf<(typeof CONSOLE_EVENTS)[E]>;

/** Subscribing to an event stream returns the function that ends the subscription. */
export interface ConsoleEvents {
  subscribe<E extends ConsoleEventName>(event: E, listener: (payload: ConsoleEventPayload<E>) => void): () => void;
}

/** What the UI holds: every method plus the event streams. */
export type ConsoleClient = ConsoleApi & ConsoleEvents;

export const CONSOLE_METHOD_NAMES = Object.keys(CONSOLE_METHODS) as ConsoleMethodName[];
export const CONSOLE_EVENT_NAMES = Object.keys(CONSOLE_EVENTS) as ConsoleEventName[];

export function isConsoleMethod(name: unknown): name is ConsoleMethodName {
  return typeof name === 'string' && Object.hasOwn(CONSOLE_METHODS, name);
}

export function isConsoleEvent(name: unknown): name is ConsoleEventName {
  return typeof name === 'string' && Object.hasOwn(CONSOLE_EVENTS, name);
}

/** Electron IPC channel of a method, and the one channel events travel on. */
export function ipcChannel(method: ConsoleMethodName): string {
  return `console:${method}`;
}
export const IPC_EVENT_CHANNEL = 'console-event';
export const IPC_SUBSCRIBE_CHANNEL = 'console-subscribe';
