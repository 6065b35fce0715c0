import { describe, expect, it } from 'vitest';
import { fitPadding, MINIMAP_SIZE } from '../../../../src/renderer/src/monitor/graph/graph-fit';

const px = (value: string) => Number.parseFloat(value);

describe('the live graph fit', () => {
  it('keeps the minimap corner clear below a graph wider than the view, beside one taller', () => {
    const view = { width: 1920, height: 900 };
    const wide = fitPadding({ width: 3000, height: 400 }, view);
    expect(px(wide.bottom)).toBeGreaterThan(MINIMAP_SIZE.height);
    expect(px(wide.right)).toBeLessThan(MINIMAP_SIZE.width);
    const tall = fitPadding({ width: 400, height: 3000 }, view);
    expect(px(tall.right)).toBeGreaterThan(MINIMAP_SIZE.width);
    expect(px(tall.bottom)).toBeLessThan(MINIMAP_SIZE.height);
  });
});
