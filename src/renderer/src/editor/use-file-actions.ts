import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { WorkflowDefinition } from '../../../shared/workflow/definition';
import { formatPlace, type Problem } from '../../../shared/workflow/problems';
import { workflowCommands } from '../../../shared/workflow/commands';
import { hasErrors, validateWorkflow } from '../../../shared/workflow/validate';
import { errorMessage } from '../common/error-message';
import { problemMessage } from '../common/problem-text';
import type { DialogState } from './dialogs/dialog-state';
import type { EditorServices, ExportFormat } from './editor-services';
import { downloadText } from './file-transfer';
import type { AgentCatalogItem } from './model/agent-catalog';
import { autoLayout } from './model/auto-layout';
import { hasLayout } from './model/document';
import { fileNameFor } from './model/file-names';
import { NO_REVIEW, reviewFromFile } from './review/command-review';
import type { EditorDocument } from './use-editor-document';
import type { Notice } from './use-notice';

async function loadElk() {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  return new ELK();
}

/** The IT-ops template is JSON too; its own suffix keeps it apart from the definition's files. */
const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { json: 'json', bpmn: 'bpmn', itops: 'itops.json' };

function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((found) => found.severity === 'error');
}

/** Nothing about remarks when there are none; a file opened with errors says it must be repaired. */
function importedNotice(t: TFunction, name: string, problems: readonly Problem[], valid: boolean): string {
  if (!valid) return t('notices.importedBroken', { name, count: problems.length });
  return problems.length === 0 ? t('notices.importedClean', { name }) : t('notices.imported', { name, count: problems.length });
}

export interface FileActions {
  busy: boolean;
  save: () => void;
  start: () => void;
  exportAs: (format: ExportFormat) => void;
  importFile: (file: File) => void;
  openTemplate: (templateName: string, version?: number) => void;
  layoutNow: () => void;
}

interface FileActionsInput {
  doc: EditorDocument;
  services: EditorServices | null;
  catalog: readonly AgentCatalogItem[];
  setDialog: (dialog: DialogState | undefined) => void;
  setNotice: (notice: Notice | undefined) => void;
  /** True while the document has commands the operator has not reviewed. */
  reviewOwed: boolean;
  onTaskStarted?: ((taskId: string) => void) | undefined;
  /** Inspector text that is not applied yet: errors that refuse a save or a start like the validator's. */
  unapplied: readonly Problem[];
}

/** What the editor does with the console core and with files: save, start, import, export, open, lay out. */
export function useFileActions({ doc, services, catalog, setDialog, setNotice, reviewOwed, onTaskStarted, unapplied }: FileActionsInput): FileActions {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const { latest, state, dirty, load } = doc;

  const withLayout = async (next: WorkflowDefinition): Promise<WorkflowDefinition> => (hasLayout(next) ? next : autoLayout(next, await loadElk()));

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      setNotice({ kind: 'error', text: t('notices.failed', { error: errorMessage(t, error) }) });
    } finally {
      setBusy(false);
    }
  };

  // A draft may be saved with agent configs still incomplete; a task may not start with them.
  const refuseIfInvalid = (action: 'save' | 'start'): boolean => {
    const result = validateWorkflow(latest.current, action === 'start' ? { agents: catalog } : {});
    const problems = [...unapplied, ...result.problems];
    if (!hasErrors(problems)) return false;
    setDialog({ kind: 'refused', action, problems });
    return true;
  };

  return {
    busy,
    save: () => {
      if (!services) return;
      // Saving makes the file one of this console's templates, which open without a review.
      if (reviewOwed) return setDialog({ kind: 'review' });
      if (refuseIfInvalid('save')) return;
      const snapshot = latest.current;
      void run(async () => {
        const saved = await services.saveTemplate({ templateName: state.origin?.templateName, definition: snapshot });
        doc.dispatch({ type: 'saved', definition: snapshot, origin: saved });
        setNotice({ kind: 'info', text: t('notices.saved', { version: saved.version }) });
      });
    },
    start: () => {
      if (!services) return;
      if (reviewOwed) return setDialog({ kind: 'review' });
      if (refuseIfInvalid('start')) return;
      const snapshot = latest.current;
      void run(async () => {
        const started = await services.createAndStartTask({ definition: snapshot, template: !dirty ? state.origin : undefined });
        setNotice({ kind: 'info', text: t('notices.started', { taskId: started.taskId }) });
        onTaskStarted?.(started.taskId);
      });
    },
    exportAs: (format) => {
      if (!services) return;
      const snapshot = latest.current;
      void run(async () => {
        const text = await services.exportWorkflow(snapshot, format);
        downloadText(fileNameFor(snapshot.name, EXPORT_EXTENSIONS[format]), text, format === 'bpmn' ? 'application/xml' : 'application/json');
        setNotice({ kind: 'info', text: t('notices.exported', { format: t(`toolbar.formats.${format}`) }) });
      });
    },
    importFile: (file) => {
      if (!services) return;
      void run(async () => {
        const result = await services.importWorkflow(file.name, await file.text());
        const opened = result.definition ?? result.draft;
        if (!opened) {
          const reasons = result.problems.map((found) => (found.path.length > 0 ? `${formatPlace(found)}: ${problemMessage(t, found)}` : problemMessage(t, found))).join('; ');
          setNotice({ kind: 'error', text: t('notices.importFailed', { name: file.name, count: result.problems.length, reasons }) });
          return;
        }
        // A file comes from elsewhere: what it would run is shown before it may start.
        load(await withLayout(opened), undefined, true, reviewFromFile());
        setNotice({ kind: result.definition ? 'info' : 'error', text: importedNotice(t, file.name, result.definition ? result.problems : errorsOf(result.problems), result.definition !== undefined) });
        if (workflowCommands(opened, catalog).length > 0) setDialog({ kind: 'review' });
      });
    },
    openTemplate: (templateName, version) => {
      if (!services) return;
      setDialog(undefined);
      void run(async () => {
        const loaded = await services.loadTemplate(templateName, version);
        load(await withLayout(loaded.definition), { templateName: loaded.templateName, version: loaded.version }, false, NO_REVIEW);
        setNotice({ kind: 'info', text: t('notices.opened', { name: loaded.definition.name, version: loaded.version }) });
      });
    },
    layoutNow: () => {
      const snapshot = latest.current;
      void run(async () => {
        const laidOut = await autoLayout(snapshot, await loadElk());
        // An edit made while ELK worked wins over the layout of the older document.
        if (latest.current !== snapshot) return;
        doc.onEdit(() => laidOut);
        doc.requestFit();
      });
    },
  };
}
