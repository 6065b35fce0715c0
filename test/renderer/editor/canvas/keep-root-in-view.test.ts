import { describe, expect, it } from 'vitest';
import { rectInView } from '../../../../src/renderer/src/editor/canvas/use-keep-root-in-view';

describe('rectInView', () => {
  const rect = { x: 0, y: 0, width: 800, height: 400 };
  it('holds while the rectangle, scaled and moved by the view, fits the canvas', () => {
    expect(rectInView(rect, { x: 40, y: 40, zoom: 1 }, 900, 500)).toBe(true);
    expect(rectInView(rect, { x: 40, y: 40, zoom: 0.5 }, 500, 300)).toBe(true);
  });
  it('fails once any side runs off the canvas', () => {
    expect(rectInView(rect, { x: -20, y: 40, zoom: 1 }, 900, 500)).toBe(false);
    expect(rectInView(rect, { x: 40, y: 40, zoom: 1.2 }, 900, 500)).toBe(false);
    expect(rectInView({ ...rect, y: -100 }, { x: 40, y: 40, zoom: 1 }, 900, 500)).toBe(false);
  });
});
