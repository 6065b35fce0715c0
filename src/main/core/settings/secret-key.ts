import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';

/** The 32-byte key that seals secrets (Engine tokens) in the database. */
export type SecretKeyProvider = () => Buffer;

const KEY_BYTES = 32;

/** How a desktop shell protects the key file with the system's keychain (Electron's safeStorage). */
export interface KeyWrapper {
  wrap(key: Buffer): Buffer;
  unwrap(wrapped: Buffer): Buffer;
}

/**
 * A key kept in `file`, made on first use readable by its owner only (0600). Headless consoles
 * keep it beside their database; a copy of the database alone then holds no readable token.
 * With a wrapper, the file holds the key as the wrapper sealed it.
 */
export function keyFileProvider(file: string, wrapper?: KeyWrapper): SecretKeyProvider {
  let key: Buffer | undefined;
  return () => {
    key ??= readOrCreate(file, wrapper);
    return key;
  };
}

function readOrCreate(file: string, wrapper: KeyWrapper | undefined): Buffer {
  let stored: Buffer | undefined;
  try {
    stored = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read the secret key file ${file}: ${(error as NodeJS.ErrnoException).code}`, { cause: error });
  }
  if (stored) {
    const key = wrapper ? wrapper.unwrap(stored) : Buffer.from(stored.toString('utf8').trim(), 'base64');
    if (key.length !== KEY_BYTES) throw new Error(`the secret key file ${file} does not hold a ${KEY_BYTES}-byte key`);
    return key;
  }
  const key = randomBytes(KEY_BYTES);
  writeFileSync(file, wrapper ? wrapper.wrap(key) : `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  // The mode above is masked by the umask; the key must not be readable by anyone else whatever it is.
  chmodSync(file, 0o600);
  return key;
}

/** A key that lives as long as the process: for a database that lives no longer (in memory). */
export function ephemeralKeyProvider(): SecretKeyProvider {
  const key = randomBytes(KEY_BYTES);
  return () => key;
}
