/**
 * Ids are 64-bit snowflakes. They cross every edge (IPC, WebSocket, JSON, the UI) as decimal
 * strings so that no JavaScript number ever rounds them.
 */
export type Id = string;

const ID_PATTERN = /^[1-9][0-9]{0,18}$/;
const MAX_INT64 = 9223372036854775807n;

export function isId(value: unknown): value is Id {
  return typeof value === 'string' && ID_PATTERN.test(value) && BigInt(value) <= MAX_INT64;
}
