import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MANIFEST_NAME, writeManifest } from './checksums.mjs';
import { gpgDetachSignCommand, gpgSignTargets } from './gpg.mjs';

/** Runs a program without a shell, feeding `input` on stdin. */
export function runCommand(command, args, { input } = {}) {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { windowsHide: true }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${stderr.trim() || error.message}`, { cause: error }));
      else resolve();
    });
    child.stdin?.end(input ?? '');
  });
}

function isManifest(file) {
  const name = basename(file);
  return name === MANIFEST_NAME || name === `${MANIFEST_NAME}.asc`;
}

function signer({ env, run, created }) {
  const keyId = env.GPG_KEY_ID?.trim() || null;
  const passphrase = env.GPG_PASSPHRASE || null;
  if (keyId === null) return null;
  return async (file) => {
    const { command, args, output } = gpgDetachSignCommand(keyId, file, { withPassphrase: passphrase !== null });
    await run(command, args, passphrase === null ? {} : { input: passphrase });
    created.push(output);
  };
}

/**
 * After electron-builder has built a platform's artifacts: detached GPG signatures for the
 * AppImage and deb when GPG_KEY_ID is set, then SHA256SUMS over every artifact and signature
 * (signed too, with a key). Returns the files it wrote.
 */
export async function finishArtifacts({ outDir, artifactPaths, env, run = runCommand, log = console.log }) {
  if (artifactPaths.length === 0) {
    log('no artifacts were built (an unpacked --dir build): nothing to sign or list');
    return [];
  }
  const created = [];
  const sign = signer({ env, run, created });
  const targets = gpgSignTargets(artifactPaths);
  if (sign) for (const file of targets) await sign(file);
  else if (targets.length > 0) log(`GPG_KEY_ID is not set: ${targets.map((file) => basename(file)).join(', ')} left without GPG signatures`);
  await manifest({ dir: outDir, files: [...artifactPaths, ...created], sign, created, log });
  return created;
}

/**
 * SHA256SUMS over every file directly in a release folder (all platforms' artifacts, the
 * latest*.yml update files, the signatures), signed when GPG_KEY_ID is set.
 */
export async function finishFolder({ dir, env, run = runCommand, log = console.log }) {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(dir, entry.name));
  const created = [];
  const sign = signer({ env, run, created });
  if (!sign) log(`GPG_KEY_ID is not set: ${MANIFEST_NAME} left without a GPG signature`);
  await manifest({ dir, files, sign, created, log });
  return created;
}

async function manifest({ dir, files, sign, created, log }) {
  const listed = files.filter((file) => !isManifest(file));
  const path = await writeManifest(dir, listed);
  created.push(path);
  log(`${path}: ${listed.length} files`);
  if (sign) await sign(path);
}
