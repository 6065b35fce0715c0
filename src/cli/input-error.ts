import { StoreOpenError } from '../main/core/store/errors';

/**
 * Invalid input exits 2 across the CLI, with a message naming the file and what is wrong in
 * words; 1 is left for a command that was given good input and still failed.
 */
export class CliInputError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CliInputError';
  }
}

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'does not exist',
  ENOTDIR: 'does not exist (a folder on its path is a file)',
  EISDIR: 'is a folder, not a file',
  EACCES: 'cannot be read or written: permission denied',
  EPERM: 'cannot be read or written: the operation is not permitted',
  ENAMETOOLONG: 'has a name too long for this system',
  ELOOP: 'is a loop of symbolic links',
};

/** The words for an error caused by the input, or undefined for any other failure. */
export function invalidInputMessage(error: unknown): string | undefined {
  if (error instanceof CliInputError) return error.message;
  if (error instanceof StoreOpenError) return error.code === 'BAD_MIGRATIONS' ? undefined : error.message;
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (code !== undefined && path !== undefined && FILE_ERRORS[code] !== undefined) return `${path} ${FILE_ERRORS[code]}`;
  return undefined;
}

/** Whether a store operation failed in the database itself (full disk, I/O) rather than on its input. */
function isDatabaseFailure(error: unknown): boolean {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return name === 'SqliteError' || (typeof code === 'string' && ['ENOSPC', 'EIO', 'EDQUOT', 'EMFILE', 'ENFILE'].includes(code));
}

/**
 * Runs a store operation whose refusals are about what it was given (a bundle that does not
 * check out, a task id that names no task): those become CliInputErrors naming `file`.
 */
export async function refusingInput<T>(file: string, operation: () => T | Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isDatabaseFailure(error) || invalidInputMessage(error) !== undefined || !(error instanceof Error)) throw error;
    const words = FILE_ERRORS[(error as NodeJS.ErrnoException).code ?? ''];
    if (words !== undefined) throw new CliInputError(`${file} ${words}`, { cause: error });
    throw new CliInputError(error.message.includes(file) ? error.message : `${file}: ${error.message}`, { cause: error });
  }
}
