import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { FIT_WHOLE } from '../canvas/WorkflowCanvas';
import type { DialogState } from '../dialogs/dialog-state';
import type { EditorDocument } from '../use-editor-document';
import type { EditingActions } from '../use-editing-actions';
import type { FileActions } from '../use-file-actions';
import { buildCommandTable, type CommandTable } from './command-table';

interface CommandTableInput {
  doc: EditorDocument;
  editing: EditingActions;
  files: FileActions;
  online: boolean;
  dialog: DialogState | undefined;
  setDialog: (dialog: DialogState | undefined) => void;
  setFindOpen: (open: boolean) => void;
  openFilePicker: () => void;
  /** Why Save and Start must wait for the operator's review of the document's commands, when they must. */
  reviewReason: string | undefined;
  /** A viewer's session, which the core refuses Save and Start to. */
  readOnly: boolean;
}

/** The editor's commands, as one table of what each is called, when it may run and what it does. */
export function useCommandTable({ doc, editing, files, online, dialog, setDialog, setFindOpen, openFilePicker, reviewReason, readOnly }: CommandTableInput): CommandTable {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const { state, dispatch, dirty } = doc;
  const offline = () => t('toolbar.offline');
  const needsCore = { enabled: () => online, reason: offline };
  const changesStore = {
    enabled: () => online && !readOnly && reviewReason === undefined,
    reason: () => (!online ? offline() : readOnly ? t('app.viewerCannot') : reviewReason),
  };
  return buildCommandTable(
    {
      new: { run: () => (dirty ? setDialog({ kind: 'confirm', then: 'new' }) : doc.newWorkflow()) },
      open: { ...needsCore, run: () => setDialog(dirty ? { kind: 'confirm', then: 'open' } : { kind: 'open' }) },
      save: { ...changesStore, run: files.save },
      import: { ...needsCore, run: openFilePicker },
      exportJson: { ...needsCore, run: () => files.exportAs('json') },
      exportBpmn: { ...needsCore, run: () => files.exportAs('bpmn') },
      exportItops: { ...needsCore, run: () => files.exportAs('itops') },
      start: { ...changesStore, run: files.start },
      undo: { enabled: () => state.history.past.length > 0, run: () => dispatch({ type: 'undo' }) },
      redo: { enabled: () => state.history.future.length > 0, run: () => dispatch({ type: 'redo' }) },
      copy: { run: () => void editing.copy() },
      cut: { run: editing.cut },
      paste: { run: editing.paste },
      delete: { run: editing.deleteSelection },
      selectAll: { run: editing.selectAll },
      find: { run: () => setFindOpen(true) },
      help: { run: () => setDialog(dialog?.kind === 'help' ? undefined : { kind: 'help' }) },
      escape: {
        run: () => {
          setFindOpen(false);
          doc.setHighlighted(undefined);
          doc.select({ nodes: new Set(), edges: new Set() });
        },
      },
      fitView: { run: () => void flow.fitView(FIT_WHOLE) },
      autoLayout: { run: files.layoutNow },
    },
    t,
  );
}
