import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../shared/workflow/problems';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { WorkflowCanvas } from './canvas/WorkflowCanvas';
import { invokeCommand } from './commands/command-table';
import { useCommandTable } from './commands/use-command-table';
import type { DialogState } from './dialogs/dialog-state';
import { HelpOverlay } from './dialogs/HelpOverlay';
import { OpenTemplateDialog } from './dialogs/OpenTemplateDialog';
import { RefusedDialog } from './dialogs/SaveRefusedDialog';
import { useEditorServices } from './editor-services';
import { FindBar } from './find/FindBar';
import { FieldDraftsContext } from './inspector/field-drafts';
import { Inspector } from './inspector/Inspector';
import { fieldDraftProblems } from './model/field-draft-problems';
import { findNode } from './model/document';
import { parseEdgeId } from './model/flow-ids';
import { indexProblems, problemTarget } from './model/problems-index';
import { Palette } from './palette/Palette';
import { ProblemsPanel } from './problems/ProblemsPanel';
import { CommandReviewBanner, CommandReviewDialog } from './review/CommandReviewDialog';
import { useCommandReview } from './review/use-command-review';
import { EditorToolbar } from './toolbar/EditorToolbar';
import { useAgentCatalog } from './use-agent-catalog';
import { useEditingActions } from './use-editing-actions';
import { useEditorDocument } from './use-editor-document';
import { useFileActions } from './use-file-actions';
import { useLiveValidation } from './use-live-validation';
import { useNotice } from './use-notice';
import { useShortcuts } from './use-shortcuts';

interface WorkflowEditorProps {
  colorMode: 'light' | 'dark';
  /** Called once a task started from the editor is running, to open its monitor. */
  onTaskStarted?: (taskId: string) => void;
  /** A viewer's session: the document can be looked at and exported, never saved or started. */
  readOnly?: boolean;
}

export function WorkflowEditor(props: WorkflowEditorProps) {
  return (
    <ReactFlowProvider>
      <EditorWorkspace {...props} />
    </ReactFlowProvider>
  );
}

/** Moves the view to nodes and points at them: what problems, the find bar and the command review link to. */
function useReveal(doc: ReturnType<typeof useEditorDocument>, validationDefinition: Parameters<typeof problemTarget>[0]) {
  const flow = useReactFlow();
  const { select, setHighlighted, latest } = doc;
  const focusNodes = useCallback(
    (ids: string[]) => {
      window.requestAnimationFrame(() => void flow.fitView({ nodes: ids.map((id) => ({ id })), duration: 300, maxZoom: 1.2, padding: 0.4 }));
    },
    [flow],
  );
  const showNode = useCallback(
    (nodeId: string) => {
      select({ nodes: new Set([nodeId]), edges: new Set() });
      setHighlighted(nodeId);
      focusNodes([nodeId]);
    },
    [select, setHighlighted, focusNodes],
  );
  const reveal = useCallback(
    (problem: Problem) => {
      const target = problemTarget(validationDefinition, problem);
      if (target.kind === 'node') showNode(target.nodeId);
      else if (target.kind === 'edge') {
        const ref = parseEdgeId(target.edgeId);
        const source = ref && findNode(latest.current, ref.targetNodeId)?.dependencies?.[ref.index]?.sourceNodeId;
        select({ nodes: new Set(), edges: new Set([target.edgeId]) });
        setHighlighted(undefined);
        focusNodes(source ? [source, target.nodeId] : [target.nodeId]);
      } else select({ nodes: new Set(), edges: new Set() });
    },
    [validationDefinition, select, setHighlighted, focusNodes, showNode, latest],
  );
  return { showNode, reveal };
}

function EditorWorkspace({ colorMode, onTaskStarted, readOnly = false }: WorkflowEditorProps) {
  const { t } = useTranslation();
  const services = useEditorServices();
  const doc = useEditorDocument();
  const { state, definition, dispatch } = doc;
  const fileInput = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<DialogState | undefined>();
  const [findOpen, setFindOpen] = useState(false);
  const [notice, setNotice] = useNotice();
  const catalog = useAgentCatalog(services);
  const validation = useLiveValidation(definition, catalog.items);
  const problems = useMemo(() => [...fieldDraftProblems(validation.definition, doc.fieldDrafts), ...validation.problems], [validation, doc.fieldDrafts]);
  const problemIndex = useMemo(() => indexProblems(validation.definition, problems), [validation.definition, problems]);
  const { showNode, reveal } = useReveal(doc, validation.definition);
  const review = useCommandReview(definition, catalog.items, doc.review, doc.setReview);
  const reviewReason = review.pending.length > 0 ? t('review.startBlocked', { count: review.pending.length }) : undefined;
  const editing = useEditingActions(doc, catalog.items);
  const files = useFileActions({ doc, services, catalog: catalog.items, setDialog, setNotice, reviewOwed: reviewReason !== undefined, onTaskStarted, unapplied: fieldDraftProblems(definition, doc.fieldDrafts) });
  const commands = useCommandTable({ doc, editing, files, online: services !== null, dialog, setDialog, setFindOpen, openFilePicker: () => fileInput.current?.click(), reviewReason, readOnly });
  useShortcuts((command) => {
    if (dialog && command !== 'help') return;
    invokeCommand(commands, command);
  }, !files.busy);

  return (
    <div className="editor" data-testid="workflow-editor">
      <EditorToolbar
        title={definition.name}
        dirty={doc.dirty}
        origin={state.origin ? t('toolbar.origin', { version: state.origin.version }) : t('toolbar.notSaved')}
        commands={commands}
        busy={files.busy}
      />
      {review.pending.length > 0 && <CommandReviewBanner count={review.pending.length} onReview={() => setDialog({ kind: 'review' })} />}
      <input
        ref={fileInput}
        type="file"
        accept=".json,.bpmn,.xml,application/json,application/xml,text/xml"
        hidden
        data-testid="import-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) files.importFile(file);
        }}
      />
      <div className="editor-main">
        <Palette catalog={catalog} onAdd={editing.onPaletteAdd} />
        <div className="editor-centre">
          <WorkflowCanvas
            definition={definition}
            latest={doc.latest}
            selection={state.selection}
            problems={problemIndex}
            catalog={catalog.items}
            highlighted={doc.highlighted}
            colorMode={colorMode}
            fitRequest={doc.fitRequest}
            onEdit={doc.onEdit}
            onPreview={(apply) => dispatch({ type: 'preview', apply })}
            onEndGesture={(from, apply) => dispatch({ type: 'endGesture', from, ...(apply ? { apply } : {}) })}
            onSelectionChanges={(kind, changes) => dispatch({ type: 'toggleSelection', kind, changes })}
            onDropItem={editing.onDropItem}
          />
          {findOpen && (
            <FindBar
              definition={definition}
              onClose={() => setFindOpen(false)}
              onPick={(nodeId) => {
                setFindOpen(false);
                showNode(nodeId);
              }}
            />
          )}
          {notice && (
            <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="editor-notice">
              <span>{notice.text}</span>
              <button type="button" className="icon-button" aria-label={t('common.close')} onClick={() => setNotice(undefined)}>
                ×
              </button>
            </div>
          )}
          <ProblemsPanel problems={problems} onSelect={reveal} />
        </div>
        <FieldDraftsContext.Provider value={doc.drafts}>
          <Inspector
            definition={definition}
            selection={state.selection}
            catalog={catalog.items}
            onEdit={doc.onEdit}
            onSelectEdge={(edgeId) => doc.select({ nodes: new Set(), edges: new Set([edgeId]) })}
          />
        </FieldDraftsContext.Provider>
      </div>
      {dialog?.kind === 'help' && <HelpOverlay onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'open' && services && <OpenTemplateDialog readOnly={readOnly} services={services} onOpen={files.openTemplate} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'refused' && <RefusedDialog action={dialog.action} problems={dialog.problems} onSelect={reveal} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'review' && review.pending.length > 0 && (
        <CommandReviewDialog
          pending={review.pending}
          onClose={() => setDialog(undefined)}
          onSelectNode={(nodeId) => {
            setDialog(undefined);
            showNode(nodeId);
          }}
          onConfirm={() => {
            review.confirm();
            setDialog(undefined);
            setNotice({ kind: 'info', text: t('review.confirmed') });
          }}
        />
      )}
      {dialog?.kind === 'confirm' && (
        <ConfirmDialog
          title={t('confirm.discardTitle')}
          body={t('confirm.discardBody')}
          confirmLabel={t('confirm.discard')}
          onClose={() => setDialog(undefined)}
          onConfirm={() => (dialog.then === 'new' ? doc.newWorkflow() : setDialog({ kind: 'open' }))}
        />
      )}
    </div>
  );
}
