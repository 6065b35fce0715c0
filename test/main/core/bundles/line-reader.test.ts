import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../../../src/main/core/bundles/line-reader';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();

function collect(file: string, limits = { maxBytes: 1 << 30, maxLineBytes: 1 << 24 }): Array<[number, string]> {
  const lines: Array<[number, string]> = [];
  readLines(file, 'test file', limits, (line, number) => lines.push([number, line]));
  return lines;
}

describe('reading a bundle line by line', () => {
  it('keeps lines and multi-byte characters whole across read chunks, numbers lines as an editor does, drops CRs', () => {
    const file = join(tempDir(), 'lines.txt');
    // 3 MiB of lines whose 4-byte characters fall across the 1 MiB chunk edges.
    const long = Array.from({ length: 30_000 }, (_, index) => `${index} ${'🚩'.repeat(25)}`);
    writeFileSync(file, `${long.join('\n')}\r\n\nlast`);
    const lines = collect(file);
    expect(lines).toHaveLength(30_001);
    expect(lines.slice(0, 30_000).map(([, line]) => line)).toEqual(long);
    expect(lines.at(-1)).toEqual([30_002, 'last']);
  });

  it('refuses a file or a line beyond its limit before reading it whole', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(2000));
    expect(() => collect(join(dir, 'big.txt'), { maxBytes: 1000, maxLineBytes: 100 })).toThrow(/big\.txt: the test file is 2000 bytes; up to 1000 bytes can be read/);
    writeFileSync(join(dir, 'long.txt'), `short\n${'y'.repeat(3 << 20)}\n`);
    expect(() => collect(join(dir, 'long.txt'), { maxBytes: 1 << 30, maxLineBytes: 1 << 20 })).toThrow(/long\.txt:2: the line is longer than 1048576 bytes/);
  });
});
