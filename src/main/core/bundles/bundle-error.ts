/**
 * A run bundle that cannot be imported or exported as asked: damaged, tampered, foreign, or a
 * file or key that cannot be read. The message names the file and, where there is one, the
 * line; the CLI exits 2 on it, as for every invalid input.
 */
export class BundleError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    detail: string,
  ) {
    super(line === null ? `${file}: ${detail}` : `${file}:${line}: ${detail}`);
    this.name = 'BundleError';
  }
}

/** What a failed open or read of `file` means, in words rather than errno codes. */
export function unreadable(file: string, what: string, error: unknown): BundleError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const why =
    code === 'ENOENT'
      ? 'does not exist'
      : code === 'EISDIR'
        ? 'is a folder, not a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'cannot be read: permission denied'
          : 'cannot be read';
  return new BundleError(file, null, `the ${what} ${why}`);
}
