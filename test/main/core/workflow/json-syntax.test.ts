import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonSyntaxError } from '../../../../src/main/core/workflow/json-syntax';

function syntaxError(text: string): boolean {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

describe('locateJsonSyntaxError', () => {
  it.each([
    ['{"a":}', 1, 6, 'unexpected "}" where a value was expected'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'expected "," or "}", found "\\""'],
    ['[1, 2,]', 1, 7, 'unexpected "]" where a value was expected'],
    ['{"a": NaN}', 1, 7, 'unexpected "N" where a value was expected (JSON has no NaN, Infinity or undefined)'],
    ["{'a': 1}", 1, 2, `expected a property name in double quotes, found "'"`],
    ['{"a" 1}', 1, 6, 'expected ":" after a property name, found "1"'],
    ['{"a": "x\ty"}', 1, 9, 'a control character inside a string (write it as an escape such as \\n)'],
    ['"\\q"', 1, 2, 'an invalid escape \\q in a string'],
    ['"\\u12"', 1, 2, 'a \\u escape without four hex digits'],
    ['{"a": "open', 1, 7, 'a string that is never closed'],
    ['[[[', 1, 4, 'the text ends inside an unclosed array'],
    ['', 1, 1, 'the text ends before a value'],
    ['{} {}', 1, 4, 'unexpected "{" after the end of the JSON value'],
    ['[01]', 1, 3, 'expected "," or "]", found "1"'],
    ['[-]', 1, 2, 'a malformed number'],
  ])('finds %j at line %i, column %i', (text, line, column, message) => {
    expect(syntaxError(text)).toBe(true);
    expect(locateJsonSyntaxError(text)).toMatchObject({ line, column, message });
  });

  it('accepts exactly what JSON.parse accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.json().map((text) => text.slice(0, -1)), fc.json().map((text) => `${text}]`)), (text) => {
        expect(locateJsonSyntaxError(text) !== undefined).toBe(syntaxError(text));
      }),
      { numRuns: 300 },
    );
  });

  it('handles 100,000 levels of nesting', () => {
    expect(locateJsonSyntaxError(`${'['.repeat(100_000)}${']'.repeat(99_999)}`)).toMatchObject({ message: 'the text ends inside an unclosed array' });
  });
});
