import { describe, expect, it } from 'vitest';
import { graphBase } from '../../../src/renderer/src/monitor/graph/graph-flow';
import { absoluteBoxes, boundsOf, centreOn, minimapScale, visibleFrame } from '../../../src/renderer/src/common/minimap-model';
import { sampleWorkflow } from '../editor/fixtures';

describe('canvas minimap model', () => {
  it('places children by their containers, at absolute positions', () => {
    const boxes = absoluteBoxes(graphBase(sampleWorkflow()).nodes);
    expect(boxes.find((box) => box.id === 'simulate')).toEqual({ id: 'simulate', container: false, x: 330, y: 120, width: 200, height: 64 });
    expect(boxes.find((box) => box.id === 'stage')?.container).toBe(true);
    expect(boundsOf(boxes)).toEqual({ x: 0, y: 0, width: 900, height: 500 });
    expect(boundsOf([])).toEqual({ x: 0, y: 0, width: 1, height: 1 });
  });

  it('fits the whole graph in the minimap, centred', () => {
    const scale = minimapScale({ x: 100, y: 0, width: 1000, height: 250 }, 200, 150);
    expect(scale.scale).toBe(0.2);
    expect(scale.offsetX).toBe(-20);
    expect(scale.offsetY).toBe(50);
  });

  it('turns the viewport into the frame it shows, and a point back into a viewport centred on it', () => {
    expect(visibleFrame([-200, -100, 0.5], 800, 600)).toEqual({ x: 400, y: 200, width: 1600, height: 1200 });
    const viewport = centreOn(1000, 500, 0.5, 800, 600);
    const frame = visibleFrame([viewport.x, viewport.y, viewport.zoom], 800, 600);
    expect(frame.x + frame.width / 2).toBe(1000);
    expect(frame.y + frame.height / 2).toBe(500);
  });
});
