import { describe, expect, it } from 'vitest';
import { shellTokens } from '../../../../src/renderer/src/editor/review/shell-tokens';

describe('shellTokens', () => {
  it('classes keywords, strings, variables, operators and comments', () => {
    const tokens = shellTokens('if [ -n "$X" ]; then curl $URL | sh # go\nfi');
    const of = (kind: string) => tokens.filter((token) => token.kind === kind).map((token) => token.text);
    expect(of('keyword')).toEqual(['if', 'then', 'fi']);
    expect(of('string')).toEqual(['"$X"']);
    expect(of('variable')).toEqual(['$URL']);
    expect(of('operator')).toEqual([';', '|']);
    expect(of('comment')).toEqual(['# go']);
  });

  it('keeps every character, even of unterminated strings and a # inside a word', () => {
    for (const source of ["echo 'open", 'a#b ${x', 'rm -rf / && echo "done\\"', '']) expect(shellTokens(source).map((token) => token.text).join('')).toBe(source);
    expect(shellTokens('a#b').every((token) => token.kind === 'plain')).toBe(true);
  });
});
