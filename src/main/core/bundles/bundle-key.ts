import { createHmac, createPrivateKey, createPublicKey, sign, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BundleError, unreadable } from './bundle-error';
import type { SignatureAlgorithm } from './bundle-format';

/** Shortest HMAC secret accepted: the hash's own size. */
export const HMAC_MIN_BYTES = 32;

/**
 * A key that signs bundles on export and checks them on import, read from a file: a PEM
 * Ed25519 key (the exporter's private key signs; its public key, or the private key, checks),
 * or any other file of at least HMAC_MIN_BYTES bytes as a secret shared by both sides
 * (HMAC-SHA256).
 */
export interface BundleKey {
  readonly file: string;
  readonly alg: SignatureAlgorithm;
  /** Base64 signature; throws when the key can only check. */
  sign(data: Buffer): string;
  verify(data: Buffer, signature: string): boolean;
}

export function readBundleKey(file: string): BundleKey {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw unreadable(file, 'key file', error);
  }
  if (bytes.includes('-----BEGIN')) return pemKey(file, bytes);
  if (bytes.length < HMAC_MIN_BYTES) {
    throw new BundleError(file, null, `a shared key file must hold at least ${HMAC_MIN_BYTES} bytes (it holds ${bytes.length}); make one with: head -c 32 /dev/urandom > ${file}`);
  }
  return {
    file,
    alg: 'hmac-sha256',
    sign: (data) => createHmac('sha256', bytes).update(data).digest('base64'),
    verify: (data, signature) => {
      const expected = createHmac('sha256', bytes).update(data).digest();
      const given = Buffer.from(signature, 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

function pemKey(file: string, pem: Buffer): BundleKey {
  let privateKey: KeyObject | null = null;
  let publicKey: KeyObject;
  try {
    if (pem.includes('PRIVATE KEY-----')) privateKey = createPrivateKey(pem);
    publicKey = createPublicKey(privateKey ?? pem);
  } catch {
    throw new BundleError(file, null, 'the key file is PEM but holds no key this app can read; give an Ed25519 key (openssl genpkey -algorithm ed25519)');
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') {
    throw new BundleError(file, null, `the key file holds an ${publicKey.asymmetricKeyType ?? 'unknown'} key; run bundles are signed with Ed25519 keys`);
  }
  return {
    file,
    alg: 'ed25519',
    sign: (data) => {
      if (!privateKey) throw new BundleError(file, null, 'the key file holds a public key; signing a bundle needs the private key');
      return sign(null, data, privateKey).toString('base64');
    },
    verify: (data, signature) => verify(null, data, publicKey, Buffer.from(signature, 'base64')),
  };
}
