import type { CliIo } from '../../src/cli/io';

/** A CliIo that records what a command prints, for in-process CLI tests. */
export function recordingIo(isTTY = false): CliIo & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    isTTY,
    stdout: () => out.join('\n'),
    stderr: () => err.join('\n'),
  };
}
