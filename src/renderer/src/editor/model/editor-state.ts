import type { WorkflowDefinition } from '../../../../shared/workflow/definition';
import { createHistory, record, recordFrom, redo, replacePresent, seal, undo, type History } from './history';
import { EMPTY_SELECTION, type SelectionState } from './flow-mapping';

/**
 * The editor's whole state and its reducer: the document with its undo history, what is
 * selected, and which stored template version the document came from.
 */
export interface TemplateOrigin {
  templateName: string;
  version: number;
}

export interface EditorState {
  history: History<WorkflowDefinition>;
  selection: SelectionState;
  origin?: TemplateOrigin | undefined;
  /** The definition as last loaded or saved, to tell whether there are unsaved changes. */
  saved: WorkflowDefinition;
}

export type EditorAction =
  | { type: 'load'; definition: WorkflowDefinition; origin?: TemplateOrigin | undefined; unsaved?: boolean }
  | { type: 'edit'; apply: (definition: WorkflowDefinition) => WorkflowDefinition; coalesceKey?: string; select?: SelectionState }
  /** A gesture in progress: shown at once, made an undo step by `endGesture`. */
  | { type: 'preview'; apply: (definition: WorkflowDefinition) => WorkflowDefinition }
  | { type: 'endGesture'; from: WorkflowDefinition; apply?: (definition: WorkflowDefinition) => WorkflowDefinition }
  | { type: 'select'; selection: SelectionState }
  /** Selection changes as the canvas reports them, applied to the selection as it is by then. */
  | { type: 'toggleSelection'; kind: 'nodes' | 'edges'; changes: readonly { id: string; selected: boolean }[] }
  | { type: 'seal' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'saved'; definition: WorkflowDefinition; origin: TemplateOrigin };

export function initialEditorState(definition: WorkflowDefinition): EditorState {
  return { history: createHistory(definition), selection: EMPTY_SELECTION, saved: definition };
}

/** Drops selected ids that no longer exist, e.g. after an undo removed the node. */
function pruneSelection(selection: SelectionState, definition: WorkflowDefinition, edgeExists: (id: string) => boolean): SelectionState {
  const ids = new Set(definition.nodes.map((node) => node.nodeId));
  const nodes = [...selection.nodes].filter((id) => ids.has(id));
  const edges = [...selection.edges].filter(edgeExists);
  if (nodes.length === selection.nodes.size && edges.length === selection.edges.size) return selection;
  return { nodes: new Set(nodes), edges: new Set(edges) };
}

export function createEditorReducer(edgeExists: (definition: WorkflowDefinition, edgeId: string) => boolean) {
  const settle = (state: EditorState, history: History<WorkflowDefinition>, selection = state.selection): EditorState => ({
    ...state,
    history,
    selection: pruneSelection(selection, history.present, (id) => edgeExists(history.present, id)),
  });
  return function editorReducer(state: EditorState, action: EditorAction): EditorState {
    switch (action.type) {
      case 'load': {
        const fresh = initialEditorState(action.definition);
        return { ...fresh, origin: action.origin, saved: action.unsaved ? { ...action.definition } : action.definition };
      }
      case 'edit':
        return settle(state, record(state.history, action.apply(state.history.present), action.coalesceKey), action.select ?? state.selection);
      case 'preview':
        return settle(state, replacePresent(state.history, action.apply(state.history.present)));
      case 'endGesture': {
        const finished = action.apply ? replacePresent(state.history, action.apply(state.history.present)) : state.history;
        return settle(state, recordFrom(seal(finished), action.from));
      }
      case 'select':
        return { ...state, history: seal(state.history), selection: action.selection };
      case 'toggleSelection': {
        const next = new Set(state.selection[action.kind]);
        for (const change of action.changes) {
          if (change.selected) next.add(change.id);
          else next.delete(change.id);
        }
        return { ...state, history: seal(state.history), selection: { ...state.selection, [action.kind]: next } };
      }
      case 'seal':
        return { ...state, history: seal(state.history) };
      case 'undo':
        return settle(state, undo(seal(state.history)));
      case 'redo':
        return settle(state, redo(seal(state.history)));
      case 'saved':
        return { ...state, origin: action.origin, saved: action.definition };
    }
  };
}

export function isDirty(state: EditorState): boolean {
  return state.history.present !== state.saved;
}
