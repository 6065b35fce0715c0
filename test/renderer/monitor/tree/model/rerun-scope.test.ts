import { describe, expect, it } from 'vitest';
import { rerunCount, rerunIndex } from '../../../../../src/renderer/src/monitor/tree/model/rerun-scope';
import { sampleNodes } from '../fixtures';

describe('rerun scope', () => {
  it('counts the node, its transitive dependents and everything inside those containers', () => {
    const index = rerunIndex(sampleNodes());
    // strike → judge.
    expect(rerunCount(index, 'strike')).toBe(2);
    // scout → radar.
    expect(rerunCount(index, 'scout')).toBe(2);
    // blue → patrol, inner, radar; patrol → judge.
    expect(rerunCount(index, 'blue')).toBe(5);
    expect(rerunCount(index, 'judge')).toBe(1);
    expect(rerunCount(index, 'root')).toBe(9);
  });
});
