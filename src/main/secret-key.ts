import { safeStorage } from 'electron';
import { keyFileProvider, type SecretKeyProvider } from './core/settings/secret-key';

/**
 * The desktop app's key for Engine tokens: kept beside the database, sealed by the system
 * keychain (safeStorage) where there is one, so the file alone opens nothing; in plain form
 * (owner-only) where there is none, like the headless console's.
 */
export function desktopSecretKey(dbFile: string): SecretKeyProvider {
  if (!safeStorage.isEncryptionAvailable()) return keyFileProvider(`${dbFile}.key`);
  return keyFileProvider(`${dbFile}.keychain-key`, {
    wrap: (key) => safeStorage.encryptString(key.toString('base64')),
    unwrap: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  });
}
