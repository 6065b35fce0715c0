import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../../src/renderer/src/i18n/resources';
import { pickLanguage } from '../../../src/renderer/src/i18n/language';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}

/** Plural forms differ by language (Chinese has one); a key counts once whatever its forms. */
function baseKeys(tree: unknown): string[] {
  return [...new Set(keys(tree).map((key) => key.replace(PLURAL, '')))].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('has the same keys in English and Simplified Chinese', () => {
    expect(baseKeys(zhCN)).toEqual(baseKeys(en));
  });

  it('has no empty translation', () => {
    for (const [name, tree] of Object.entries({ en, zhCN })) {
      const empty = keys(tree).filter((key) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) === '');
      expect(empty, name).toEqual([]);
    }
  });

  it('has every literal key the renderer asks for', () => {
    const known = new Set(baseKeys(en));
    const used = new Set<string>();
    for (const file of sourceFiles(join(__dirname, '../../../src/renderer/src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
  });
});

describe('language choice', () => {
  it('keeps the user’s choice, else follows the system, reading any Chinese as Simplified Chinese', () => {
    expect(pickLanguage('en', ['zh-CN'])).toBe('en');
    expect(pickLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLanguage(null, ['de-DE', 'en-GB'])).toBe('en');
    expect(pickLanguage('fr', ['ja'])).toBe('en');
  });
});
