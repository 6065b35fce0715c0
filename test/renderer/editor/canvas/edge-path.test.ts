import { describe, expect, it } from 'vitest';
import { labelMaxWidth } from '../../../../src/renderer/src/editor/canvas/edge-path';

describe('an edge label between two cards', () => {
  it('is no wider than the gap between them, less its clearance, within its least and most', () => {
    expect(labelMaxWidth(100, 200)).toBeLessThan(100);
    expect(labelMaxWidth(100, 110)).toBe(40);
    expect(labelMaxWidth(0, 1000)).toBe(160);
    // A line that runs back leaves the label its whole width: it lies beside the cards, not between them.
    expect(labelMaxWidth(500, 100)).toBe(160);
  });
});
