import { timingSafeEqual } from 'node:crypto';
import type { Role } from '../service/dispatch';

/** A token and what it grants: a role, and the name recorded with that session's actions. */
export interface HostCredential {
  token: string;
  role: Role;
  name: string;
}

export interface HostTokens {
  operator?: string;
  viewer?: string;
  /** Recorded for sessions of the operator token (default `operator`), whatever the browser calls itself. */
  operatorName?: string;
  /** Recorded for sessions of the viewer token (default `viewer`). */
  viewerName?: string;
  /** Further tokens, each bound to its own name (e.g. one per person, from a token file). */
  named?: HostCredential[];
}

/** Guessing a token of this length is out of reach; a short viewer token would open the live view just as a short operator token opens the controls. */
export const MIN_TOKEN_LENGTH = 16;

/**
 * Every credential the host accepts, checked: each token long enough, no token bound twice.
 * Throws naming the offending entry.
 */
export function hostCredentials(tokens: HostTokens): HostCredential[] {
  const all: HostCredential[] = [
    ...(tokens.operator === undefined ? [] : [{ token: tokens.operator, role: 'operator' as const, name: tokens.operatorName ?? 'operator' }]),
    ...(tokens.viewer === undefined ? [] : [{ token: tokens.viewer, role: 'viewer' as const, name: tokens.viewerName ?? 'viewer' }]),
    ...(tokens.named ?? []),
  ];
  if (all.length === 0) throw new Error('the host needs at least one token');
  const seen = new Set<string>();
  for (const credential of all) {
    if (credential.token.length < MIN_TOKEN_LENGTH) {
      throw new Error(`the ${credential.role} token of ${JSON.stringify(credential.name)} must be at least ${MIN_TOKEN_LENGTH} characters`);
    }
    if (credential.name.trim() === '') throw new Error(`a ${credential.role} token has an empty name`);
    if (seen.has(credential.token)) throw new Error(`the ${credential.role} token of ${JSON.stringify(credential.name)} is given twice`);
    seen.add(credential.token);
  }
  return all;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The credential a handshake token matches, or null when it matches none. */
export function credentialForToken(token: unknown, credentials: readonly HostCredential[]): HostCredential | null {
  if (typeof token !== 'string' || token.length === 0) return null;
  return credentials.find((credential) => sameSecret(token, credential.token)) ?? null;
}
