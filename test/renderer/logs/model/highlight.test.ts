import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../../../src/shared/api/logs';
import { highlightSegments } from '../../../../src/renderer/src/logs/model/highlight';

const hits = (text: string, search: string) =>
  highlightSegments(text, searchTerms(search))
    .filter((segment) => segment.hit)
    .map((segment) => segment.text);

describe('search hit highlighting', () => {
  it('marks every occurrence of every word, whatever the case', () => {
    expect(hits('Strike aborted: strike again', 'STRIKE')).toEqual(['Strike', 'strike']);
    expect(hits('enemy radar detected', 'radar enemy')).toEqual(['enemy', 'radar']);
  });

  it('finds Chinese words inside unbroken text', () => {
    expect(hits('发现敌方雷达锁定', '敌方雷达')).toEqual(['敌方雷达']);
    expect(hits('雷达扫描 敌方雷达', '雷达')).toEqual(['雷达', '雷达']);
  });

  it('merges overlapping and touching hits into one run', () => {
    expect(hits('abcdef', 'abc cde')).toEqual(['abcde']);
    expect(hits('abcdef', 'abc def')).toEqual(['abcdef']);
  });

  it('treats regular-expression characters literally and quotes as the API does', () => {
    expect(hits('cost (x+1) * 2', '(x+1)')).toEqual(['(x+1)']);
    expect(hits('say "hello"', '"hello"')).toEqual(['hello']);
    expect(hits('nothing here', '')).toEqual([]);
  });

  it('returns the whole text as one plain run without terms', () => {
    expect(highlightSegments('plain', [])).toEqual([{ text: 'plain', hit: false }]);
    expect(highlightSegments('', ['x'])).toEqual([]);
  });

  it('always gives back exactly the text it was given', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ maxLength: 4 }), { maxLength: 4 }), (text, terms) => {
        const segments = highlightSegments(text, terms);
        expect(segments.map((segment) => segment.text).join('')).toBe(text);
        for (let index = 1; index < segments.length; index++) expect(segments[index]!.hit).not.toBe(segments[index - 1]!.hit);
      }),
    );
  });
});
