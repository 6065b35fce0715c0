import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * One way to turn a thrown value into text: errorText (or errorStack for a developer's log) in
 * src/shared/error-text.ts. A cast to Error reads undefined from a thrown string, and
 * String(error) prefixes "Error: " to some messages and not others.
 */
const ROOT = join(__dirname, '../..');
const HOME = 'src/shared/error-text.ts';
const COPIES = [/\(\w+ as Error\)\.(message|stack)/g, /String\((error|err|cause|reason)\)/g, /instanceof Error \? \w+\.message/g];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('error text', () => {
  it('is made from a thrown value only by errorText or errorStack', () => {
    const found: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const name = relative(ROOT, file);
      if (name === HOME) continue;
      const text = readFileSync(file, 'utf8');
      for (const pattern of COPIES) for (const match of text.matchAll(pattern)) found.push(`${name}: ${match[0]}`);
    }
    expect(found).toEqual([]);
  });
});
