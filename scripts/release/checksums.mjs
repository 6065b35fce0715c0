import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

export const MANIFEST_NAME = 'SHA256SUMS';

export function sha256File(file) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * The manifest in the format `sha256sum -c` reads: the hash, two spaces, the name, one line
 * per file, sorted by name. Names that sha256sum would have to escape are refused.
 */
export function manifestText(entries) {
  const lines = [...entries]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, sha256 }) => {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`${name}: not a SHA-256 hex digest: ${sha256}`);
      if (name === '' || /[\n\r\\]/.test(name)) throw new Error(`${JSON.stringify(name)} cannot be listed in ${MANIFEST_NAME}`);
      return `${sha256}  ${name}`;
    });
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The name of `file` in a manifest written in `dir`: relative, with forward slashes. */
export function manifestName(dir, file) {
  const name = relative(dir, file);
  if (name === '' || name.startsWith('..') || isAbsolute(name)) throw new Error(`${file} is not inside ${dir}`);
  return name.split(sep).join('/');
}

/** Hashes `files` and writes `dir/SHA256SUMS` listing them; returns its path. */
export async function writeManifest(dir, files) {
  const entries = [];
  for (const file of files) entries.push({ name: manifestName(dir, file), sha256: await sha256File(file) });
  const path = join(dir, MANIFEST_NAME);
  await writeFile(path, manifestText(entries));
  return path;
}
