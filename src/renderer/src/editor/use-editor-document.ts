import { useCallback, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowDefinition } from '../../../shared/workflow/definition';
import type { ApplyEdit } from './inspector/edit-types';
import type { FieldDraft, FieldDrafts } from './inspector/field-drafts';
import { createWorkflow, findNode } from './model/document';
import { createEditorReducer, initialEditorState, isDirty, type EditorAction, type EditorState, type TemplateOrigin } from './model/editor-state';
import { parseEdgeId } from './model/flow-ids';
import type { SelectionState } from './model/flow-mapping';
import { NO_REVIEW, type CommandReview } from './review/command-review';

const reducer = createEditorReducer((definition, id) => {
  const ref = parseEdgeId(id);
  return ref !== undefined && findNode(definition, ref.targetNodeId)?.dependencies?.[ref.index] !== undefined;
});

export interface EditorDocument {
  state: EditorState;
  dispatch: (action: EditorAction) => void;
  definition: WorkflowDefinition;
  /** The definition as of the last render, for handlers that must not act on a stale one. */
  latest: { readonly current: WorkflowDefinition };
  dirty: boolean;
  review: CommandReview;
  setReview: (review: CommandReview) => void;
  highlighted: string | undefined;
  setHighlighted: (nodeId: string | undefined) => void;
  /** Bumped to fit the whole workflow in view once the canvas has drawn a newly loaded document. */
  fitRequest: number;
  requestFit: () => void;
  onEdit: ApplyEdit;
  /** Inspector text not applied to the definition, by field; a loaded document starts with none. */
  fieldDrafts: ReadonlyMap<string, FieldDraft>;
  drafts: FieldDrafts;
  select: (selection: SelectionState) => void;
  load: (next: WorkflowDefinition, origin: TemplateOrigin | undefined, unsaved: boolean, review: CommandReview) => void;
  newWorkflow: () => void;
}

/** The open document: its undo history, selection, origin and command review, and the edits that change them. */
export function useEditorDocument(): EditorDocument {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(reducer, undefined, () => initialEditorState(createWorkflow(t('editor.newWorkflowName'), t('editor.rootName'))));
  const definition = state.history.present;
  const latest = useRef(definition);
  useLayoutEffect(() => {
    latest.current = definition;
  }, [definition]);
  const [review, setReview] = useState<CommandReview>(NO_REVIEW);
  const [highlighted, setHighlighted] = useState<string | undefined>();
  const [fitRequest, setFitRequest] = useState(0);
  const requestFit = useCallback(() => setFitRequest((count) => count + 1), []);

  const [fieldDrafts, setFieldDrafts] = useState<ReadonlyMap<string, FieldDraft>>(() => new Map());
  const draftsNow = useRef(fieldDrafts);
  useLayoutEffect(() => {
    draftsNow.current = fieldDrafts;
  }, [fieldDrafts]);
  const drafts: FieldDrafts = useMemo(
    () => ({
      get: (key) => draftsNow.current.get(key),
      set: (key, draft) =>
        setFieldDrafts((current) => {
          if (draft === undefined && !current.has(key)) return current;
          const next = new Map(current);
          if (draft === undefined) next.delete(key);
          else next.set(key, draft);
          return next;
        }),
    }),
    [],
  );

  const onEdit: ApplyEdit = useCallback((apply, coalesceKey, select) => dispatch({ type: 'edit', apply, ...(coalesceKey ? { coalesceKey } : {}), ...(select ? { select } : {}) }), []);
  const select = useCallback((selection: SelectionState) => dispatch({ type: 'select', selection }), []);

  const load = useCallback(
    (next: WorkflowDefinition, origin: TemplateOrigin | undefined, unsaved: boolean, nextReview: CommandReview) => {
      dispatch({ type: 'load', definition: next, origin, unsaved });
      setReview(nextReview);
      setHighlighted(undefined);
      setFieldDrafts(new Map());
      requestFit();
    },
    [requestFit],
  );
  const newWorkflow = () => load(createWorkflow(t('editor.newWorkflowName'), t('editor.rootName')), undefined, false, NO_REVIEW);

  return {
    state,
    dispatch,
    definition,
    latest,
    dirty: isDirty(state),
    review,
    setReview,
    highlighted,
    setHighlighted,
    fitRequest,
    requestFit,
    onEdit,
    fieldDrafts,
    drafts,
    select,
    load,
    newWorkflow,
  };
}
