import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A sealed value as stored: AES-256-GCM, base64 of nonce (12 bytes), tag (16) and ciphertext. */
const SEALED_PREFIX = 'sealed:v1:';
/** What a backup or export made without secrets stores instead of a token. */
export const REMOVED_SECRET = 'sealed:removed';

export function isSealed(value: string): boolean {
  return value.startsWith(SEALED_PREFIX) || value === REMOVED_SECRET;
}

export function seal(plain: string, key: Buffer): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
}

/** The plain value, or null when it was removed or cannot be opened with `key` (another key, or altered). */
export function unseal(value: string, key: Buffer): string | null {
  if (!value.startsWith(SEALED_PREFIX)) return null;
  const raw = Buffer.from(value.slice(SEALED_PREFIX.length), 'base64');
  if (raw.length < 28) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
