import type { z } from 'zod';
import { CONSOLE_METHODS, type ConsoleMethodName } from './contract';

/**
 * socket.io event names of the headless host, which serves the ConsoleApi to browsers.
 * The client authenticates with `auth: { token }` in the handshake.
 */
export const HOST_SOCKET = {
  call: 'console:call',
  subscribe: 'console:subscribe',
  unsubscribe: 'console:unsubscribe',
  event: 'console:event',
  /** The browser's heartbeat: the host acknowledges at once, so a silent host is a lost one. */
  ping: 'console:ping',
} as const;

/** Where the browser UI finds its token: the page URL's `#token=…` (never sent in requests). */
export const HOST_TOKEN_PARAM = 'token';

/**
 * Positions of each method's arguments that may be left out but may not be null. JSON has no
 * `undefined`: socket.io sends an argument left out before the end, or at the end, as null.
 */
const absentWhenNull = new Map<ConsoleMethodName, ReadonlySet<number>>();

function optionalPositions(method: ConsoleMethodName): ReadonlySet<number> {
  let positions = absentWhenNull.get(method);
  if (!positions) {
    const items = (CONSOLE_METHODS[method].args as unknown as z.ZodTuple).def.items as readonly z.ZodType[];
    positions = new Set(items.flatMap((item, index) => (item.safeParse(undefined).success && !item.safeParse(null).success ? [index] : [])));
    absentWhenNull.set(method, positions);
  }
  return positions;
}

/**
 * A call's arguments as the host received them over JSON, back as the caller passed them:
 * a null where the contract allows an absent argument but no null is an argument left out.
 * Every other value, null included where the contract takes it, is passed on for the
 * dispatcher to check.
 */
export function argsFromWire(method: ConsoleMethodName, args: readonly unknown[]): unknown[] {
  const optional = optionalPositions(method);
  return args.map((arg, index) => (arg === null && optional.has(index) ? undefined : arg));
}
