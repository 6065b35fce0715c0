import { describe, expect, it } from 'vitest';
import { highlightParts } from '../../../../../src/renderer/src/monitor/tree/model/highlight';

describe('search highlighting', () => {
  it('marks every case-insensitive occurrence and keeps the original text', () => {
    expect(highlightParts('Red scout red', 'RED')).toEqual([
      { text: 'Red', match: true },
      { text: ' scout ', match: false },
      { text: 'red', match: true },
    ]);
    expect(highlightParts('scout', '')).toEqual([{ text: 'scout', match: false }]);
    expect(highlightParts('scout', 'x')).toEqual([{ text: 'scout', match: false }]);
    expect(highlightParts('aaa', 'aa')).toEqual([
      { text: 'aa', match: true },
      { text: 'a', match: false },
    ]);
  });
});
