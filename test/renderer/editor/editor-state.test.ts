import { describe, expect, it } from 'vitest';
import { addNode, findNode, moveNodes, removeNodes, updateNode } from '../../../src/renderer/src/editor/model/document';
import { createEditorReducer, initialEditorState, isDirty } from '../../../src/renderer/src/editor/model/editor-state';
import { parseEdgeId } from '../../../src/renderer/src/editor/model/flow-ids';
import { sampleWorkflow } from './fixtures';

const reducer = createEditorReducer((definition, id) => {
  const ref = parseEdgeId(id);
  return ref !== undefined && findNode(definition, ref.targetNodeId)?.dependencies?.[ref.index] !== undefined;
});

describe('editor state', () => {
  it('records edits for undo and tells when the document differs from what was saved', () => {
    let state = initialEditorState(sampleWorkflow());
    expect(isDirty(state)).toBe(false);
    state = reducer(state, { type: 'edit', apply: (definition) => updateNode(definition, 'fetch', { name: 'Download' }) });
    expect(isDirty(state)).toBe(true);
    state = reducer(state, { type: 'undo' });
    expect(findNode(state.history.present, 'fetch')?.name).toBe('Fetch');
    expect(isDirty(state)).toBe(false);
    state = reducer(state, { type: 'redo' });
    expect(findNode(state.history.present, 'fetch')?.name).toBe('Download');
    state = reducer(state, { type: 'saved', definition: state.history.present, origin: { templateName: '7', version: 2 } });
    expect(isDirty(state)).toBe(false);
    expect(state.origin).toEqual({ templateName: '7', version: 2 });
  });

  it('makes typing in one field one undo step, and a selection change starts a new one', () => {
    let state = initialEditorState(sampleWorkflow());
    for (const name of ['D', 'Do', 'Dow']) {
      state = reducer(state, { type: 'edit', apply: (definition) => updateNode(definition, 'fetch', { name }), coalesceKey: 'fetch.name' });
    }
    state = reducer(state, { type: 'select', selection: { nodes: new Set(['fetch']), edges: new Set() } });
    state = reducer(state, { type: 'edit', apply: (definition) => updateNode(definition, 'fetch', { name: 'Down' }), coalesceKey: 'fetch.name' });
    state = reducer(state, { type: 'undo' });
    expect(findNode(state.history.present, 'fetch')?.name).toBe('Dow');
    state = reducer(state, { type: 'undo' });
    expect(findNode(state.history.present, 'fetch')?.name).toBe('Fetch');
  });

  it('shows a drag while it lasts and undoes it in one step', () => {
    let state = initialEditorState(sampleWorkflow());
    const from = state.history.present;
    for (const x of [50, 60, 70]) state = reducer(state, { type: 'preview', apply: (definition) => moveNodes(definition, new Map([['fetch', { x, y: 80 }]])) });
    state = reducer(state, { type: 'endGesture', from });
    expect(findNode(state.history.present, 'fetch')?.layout?.x).toBe(70);
    expect(state.history.past).toHaveLength(1);
    expect(findNode(reducer(state, { type: 'undo' }).history.present, 'fetch')?.layout?.x).toBe(40);
  });

  it('drops selected nodes and edges that an edit or an undo removed', () => {
    let state = initialEditorState(sampleWorkflow());
    const added = addNode(state.history.present, { nodeType: 'agent', parentId: 'root', position: { x: 40, y: 300 }, name: 'New' });
    state = reducer(state, { type: 'edit', apply: () => added.definition, select: { nodes: new Set([added.nodeId]), edges: new Set() } });
    expect([...state.selection.nodes]).toEqual([added.nodeId]);
    state = reducer(state, { type: 'undo' });
    expect(state.selection.nodes.size).toBe(0);
    state = reducer(state, { type: 'select', selection: { nodes: new Set(['stage']), edges: new Set(['dep:0:report']) } });
    state = reducer(state, { type: 'edit', apply: (definition) => removeNodes(definition, ['stage']) });
    expect(state.selection).toEqual({ nodes: new Set(), edges: new Set() });
  });

  it('loads a document as a fresh start: no history, nothing selected', () => {
    let state = reducer(initialEditorState(sampleWorkflow()), { type: 'edit', apply: (definition) => removeNodes(definition, ['fetch']) });
    state = reducer(state, { type: 'load', definition: sampleWorkflow(), origin: { templateName: '1', version: 3 } });
    expect(state.history.past).toHaveLength(0);
    expect(state.origin).toEqual({ templateName: '1', version: 3 });
    expect(isDirty(state)).toBe(false);
    expect(isDirty(reducer(state, { type: 'load', definition: sampleWorkflow(), unsaved: true }))).toBe(true);
  });
});

describe('selection from the canvas', () => {
  it('applies node and edge changes reported in one gesture on top of each other', () => {
    let state = reducer(initialEditorState(sampleWorkflow()), { type: 'select', selection: { nodes: new Set(), edges: new Set(['dep:0:report']) } });
    // Clicking a node reports the node selected and, separately, the edge deselected.
    state = reducer(state, { type: 'toggleSelection', kind: 'nodes', changes: [{ id: 'fetch', selected: true }] });
    state = reducer(state, { type: 'toggleSelection', kind: 'edges', changes: [{ id: 'dep:0:report', selected: false }] });
    expect(state.selection).toEqual({ nodes: new Set(['fetch']), edges: new Set() });
  });
});
