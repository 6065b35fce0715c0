import { timingSafeEqual } from 'node:crypto';
import {
  ENGINE_PROTOCOL_MIN_VERSION,
  ENGINE_PROTOCOL_VERSION,
  engineHandshakeSchema,
  isCompatibleProtocol,
  type EngineHandshake,
  type HandshakeRefusal,
} from '../shared/engine/protocol';

export class HandshakeRefused extends Error {
  readonly data: HandshakeRefusal;

  constructor(code: HandshakeRefusal['code'], message: string) {
    super(message);
    this.name = 'HandshakeRefused';
    this.data = { code, engineProtocol: ENGINE_PROTOCOL_VERSION, engineMinProtocol: ENGINE_PROTOCOL_MIN_VERSION };
  }
}

/**
 * Checks a console's handshake `auth`. The protocol version is checked first, so a console
 * of another generation (whose handshake may look different) learns that, not a riddle.
 */
export function checkHandshake(auth: unknown, token: string): EngineHandshake {
  const protocol = (auth as { protocol?: unknown } | null | undefined)?.protocol;
  if (typeof protocol !== 'number' || !isCompatibleProtocol(protocol)) {
    const range =
      ENGINE_PROTOCOL_MIN_VERSION === ENGINE_PROTOCOL_VERSION ? `version ${ENGINE_PROTOCOL_VERSION}` : `versions ${ENGINE_PROTOCOL_MIN_VERSION} to ${ENGINE_PROTOCOL_VERSION}`;
    const theirs = typeof protocol === 'number' ? `version ${protocol}` : 'no protocol version';
    throw new HandshakeRefused(
      'INCOMPATIBLE_PROTOCOL',
      `incompatible Engine protocol: this Engine speaks ${range}, the console sent ${theirs}; update the older of the two`,
    );
  }
  const parsed = engineHandshakeSchema.safeParse(auth);
  const given = (auth as { token?: unknown }).token;
  if (typeof given !== 'string' || !sameSecret(given, token)) {
    throw new HandshakeRefused('UNAUTHORIZED', 'unauthorized: the Engine refused the token');
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HandshakeRefused('INVALID_HANDSHAKE', `invalid handshake: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
