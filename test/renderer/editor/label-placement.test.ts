import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../../src/shared/workflow/definition';
import { labelPlaces, placeKey } from '../../../src/renderer/src/editor/model/label-placement';
import { edgeCurve, pointOnCurve } from '../../../src/renderer/src/editor/model/edge-curve';

/** A, B and C in a row; C depends on B and on A, whose line passes over B. */
function skipping(): WorkflowDefinition {
  const agent = (nodeId: string, x: number, dependencies: string[]) => ({
    nodeId,
    nodeType: 'agent' as const,
    parentId: 'root',
    layout: { x, y: 52, width: 200, height: 64 },
    dependencies: dependencies.map((sourceNodeId) => ({ sourceNodeId, type: 'success' as const })),
  });
  return {
    name: 'skip',
    nodes: [
      { nodeId: 'root', nodeType: 'container', isRoot: true, layout: { x: 0, y: 0, width: 900, height: 200 } },
      agent('a', 24, []),
      agent('b', 312, ['a']),
      agent('c', 600, ['b', 'a']),
    ],
  };
}

describe('edge label placement', () => {
  it('moves a label off a card its line passes over, to the nearest clear point, and leaves the others in the middle', () => {
    const places = labelPlaces(skipping());
    expect(places.has(placeKey('b', 0))).toBe(false);
    expect(places.has(placeKey('c', 0))).toBe(false);
    const at = places.get(placeKey('c', 1));
    expect(at).toBeDefined();
    const label = pointOnCurve(edgeCurve({ x: 224, y: 84 }, { x: 600, y: 84 }, undefined), at!);
    // Clear of b (x 312…512) by at least half a label's width.
    expect(label.x < 312 || label.x > 512).toBe(true);
  });

  it('is computed once per definition', () => {
    const definition = skipping();
    expect(labelPlaces(definition)).toBe(labelPlaces(definition));
  });
});
