import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { BundleError, unreadable } from './bundle-error';

export interface LineLimits {
  maxBytes: number;
  maxLineBytes: number;
}

const CHUNK_BYTES = 1 << 20;

/**
 * Calls `onLine` for every non-empty line of `file` (numbered from 1 as an editor shows them,
 * a trailing CR dropped), reading in chunks so that memory holds one line at a time.
 * Synchronous, so that a caller can read inside a database transaction. Refuses a file or a line beyond the limits
 * before reading it whole.
 */
export function readLines(file: string, what: string, limits: LineLimits, onLine: (line: string, lineNumber: number) => void): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw unreadable(file, what, error);
  }
  try {
    const size = statSize(fd, file, what);
    if (size > limits.maxBytes) throw new BundleError(file, null, `the ${what} is ${size} bytes; up to ${limits.maxBytes} bytes can be read`);
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let total = 0;
    let lineNumber = 0;
    const emit = (parts: Buffer[]): void => {
      lineNumber++;
      let text = Buffer.concat(parts).toString('utf8');
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (text.length > 0) onLine(text, lineNumber);
    };
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      } catch (error) {
        throw unreadable(file, what, error);
      }
      if (read === 0) break;
      total += read;
      if (total > limits.maxBytes) throw new BundleError(file, null, `the ${what} grew beyond ${limits.maxBytes} bytes while it was read`);
      const view = chunk.subarray(0, read);
      let start = 0;
      for (let newline = view.indexOf(10); newline !== -1; newline = view.indexOf(10, start)) {
        emit([...pending, Buffer.from(view.subarray(start, newline))]);
        pending = [];
        pendingBytes = 0;
        start = newline + 1;
      }
      if (start < read) {
        pending.push(Buffer.from(view.subarray(start)));
        pendingBytes += read - start;
        if (pendingBytes > limits.maxLineBytes) {
          throw new BundleError(file, lineNumber + 1, `the line is longer than ${limits.maxLineBytes} bytes, the longest a ${what} may hold`);
        }
      }
    }
    if (pending.length > 0) emit(pending);
  } finally {
    closeSync(fd);
  }
}

function statSize(fd: number, file: string, what: string): number {
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    return stat.size;
  } catch (error) {
    throw unreadable(file, what, error);
  }
}
