import { basename } from 'node:path';

/** The Linux artifacts that get a detached GPG signature (`FILE.asc`) beside them. */
export const GPG_SIGNED_EXTENSIONS = Object.freeze(['.AppImage', '.deb']);

export function gpgSignTargets(files) {
  return files.filter((file) => GPG_SIGNED_EXTENSIONS.some((extension) => basename(file).endsWith(extension)));
}

/**
 * The gpg command writing an armored detached signature of `file` to `file.asc` with the
 * given key. A passphrase, when there is one, goes on stdin (never on the command line, where
 * other users could read it), which gpg takes only in loopback pinentry mode.
 */
export function gpgDetachSignCommand(keyId, file, { withPassphrase = false } = {}) {
  const output = `${file}.asc`;
  return {
    command: 'gpg',
    args: [
      '--batch',
      '--yes',
      ...(withPassphrase ? ['--pinentry-mode', 'loopback', '--passphrase-fd', '0'] : []),
      '--local-user',
      keyId,
      '--armor',
      '--output',
      output,
      '--detach-sign',
      file,
    ],
    output,
  };
}
