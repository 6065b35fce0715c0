import { z } from 'zod';

/**
 * Ids are 64-bit snowflakes. They cross every edge (IPC, WebSocket, JSON, the UI) as decimal
 * strings so that no JavaScript number ever rounds them.
 */
export type Id = string;

/** Decimal without leading zeros; 0 is never an id (snowflakes and row ids start at 1). */
const ID_PATTERN = /^[1-9][0-9]{0,18}$/;
const MAX_INT64 = 9223372036854775807n;

export function isId(value: unknown): value is Id {
  return typeof value === 'string' && ID_PATTERN.test(value) && BigInt(value) <= MAX_INT64;
}

/** An id at every edge that parses input (contract, protocol, files). */
export const idSchema = z.string().refine(isId, 'must be a decimal id');
