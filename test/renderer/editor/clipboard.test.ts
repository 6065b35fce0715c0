import { describe, expect, it } from 'vitest';
import { copyNodes, PASTE_OFFSET, pasteClip } from '../../../src/renderer/src/editor/model/clipboard';
import { absoluteRect, findNode } from '../../../src/renderer/src/editor/model/document';
import { sampleWorkflow } from './fixtures';

describe('clipboard', () => {
  it('copies a container with its subtree and only the dependencies inside the copy', () => {
    const clip = copyNodes(sampleWorkflow(), ['stage']);
    expect(clip?.nodes.map((node) => node.nodeId)).toEqual(['stage', 'simulate', 'report']);
    expect(clip?.topLevel).toEqual(['stage']);
    expect(clip?.nodes.find((node) => node.nodeId === 'simulate')?.dependencies).toEqual([]);
    expect(clip?.nodes.find((node) => node.nodeId === 'report')?.dependencies).toHaveLength(1);
  });

  it('does not copy the root', () => {
    expect(copyNodes(sampleWorkflow(), ['root'])).toBeUndefined();
  });

  it('pastes under fresh ids, rewiring internal dependencies and parents, offset from the original', () => {
    const definition = sampleWorkflow();
    const clip = copyNodes(definition, ['stage']);
    if (!clip) throw new Error('expected a clip');
    const { definition: next, pastedIds } = pasteClip(definition, clip, 'root');
    expect(pastedIds).toEqual(['stage-2']);
    expect(findNode(next, 'simulate-2')?.parentId).toBe('stage-2');
    expect(findNode(next, 'report-2')?.dependencies?.[0]?.sourceNodeId).toBe('simulate-2');
    expect(findNode(next, 'stage-2')?.children).toEqual(['simulate-2', 'report-2']);
    expect(findNode(next, 'root')?.children).toEqual(['fetch', 'stage', 'stage-2']);
    const original = absoluteRect(definition, 'stage');
    expect(absoluteRect(next, 'stage-2')).toMatchObject({ x: original.x + PASTE_OFFSET, y: original.y + PASTE_OFFSET });
  });

  it('pastes a group at a given point keeping the nodes’ arrangement', () => {
    const definition = sampleWorkflow();
    const clip = copyNodes(definition, ['simulate', 'report']);
    if (!clip) throw new Error('expected a clip');
    const { definition: next, pastedIds } = pasteClip(definition, clip, 'root', { x: 100, y: 380 });
    expect(pastedIds).toEqual(['simulate-2', 'report-2']);
    expect(findNode(next, 'simulate-2')?.layout).toMatchObject({ x: 100, y: 380 });
    expect(findNode(next, 'report-2')?.layout).toMatchObject({ x: 330, y: 380 });
    expect(findNode(next, 'report-2')?.dependencies?.[0]?.sourceNodeId).toBe('simulate-2');
    expect(findNode(next, 'simulate-2')?.isRoot).toBeUndefined();
  });

  it('refuses to paste into an agent', () => {
    const definition = sampleWorkflow();
    const clip = copyNodes(definition, ['fetch']);
    if (!clip) throw new Error('expected a clip');
    expect(pasteClip(definition, clip, 'simulate').definition).toBe(definition);
  });
});
