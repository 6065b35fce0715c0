import { timingSafeEqual } from 'node:crypto';
import type { Role } from '../service/dispatch';

export interface HostTokens {
  operator: string;
  viewer?: string;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The role a handshake token grants, or null when it grants none. */
export function roleForToken(token: unknown, tokens: HostTokens): Role | null {
  if (typeof token !== 'string' || token.length === 0) return null;
  if (sameSecret(token, tokens.operator)) return 'operator';
  if (tokens.viewer !== undefined && sameSecret(token, tokens.viewer)) return 'viewer';
  return null;
}
