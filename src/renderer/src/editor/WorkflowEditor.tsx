import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowDefinition } from '../../../shared/workflow/definition';
import type { Problem } from '../../../shared/workflow/problems';
import { hasErrors, validateWorkflow } from '../../../shared/workflow/validate';
import { FIT_WHOLE, WorkflowCanvas } from './canvas/WorkflowCanvas';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { HelpOverlay } from './dialogs/HelpOverlay';
import { OpenTemplateDialog } from './dialogs/OpenTemplateDialog';
import { RefusedDialog } from './dialogs/SaveRefusedDialog';
import { useEditorServices, type ExportFormat } from './editor-services';
import { downloadText } from './file-transfer';
import { FindBar } from './find/FindBar';
import { Inspector } from './inspector/Inspector';
import type { ApplyEdit } from './inspector/edit-types';
import { autoLayout } from './model/auto-layout';
import { copyNodes, pasteClip, type Clip } from './model/clipboard';
import { defaultConfig } from './model/config-schema';
import { absoluteRect, addNode, containerAt, createWorkflow, findNode, findRoot, freeSpot, hasLayout, isContainer, removeDependencies, removeNodes } from './model/document';
import { createEditorReducer, initialEditorState, isDirty, type TemplateOrigin } from './model/editor-state';
import { parseEdgeId } from './model/flow-ids';
import type { SelectionState } from './model/flow-mapping';
import { fileNameFor } from './model/file-names';
import { AGENT_SIZE, CONTAINER_SIZE, type Point } from './model/geometry';
import { indexProblems, problemTarget } from './model/problems-index';
import type { EditorCommand } from './model/shortcuts';
import type { PaletteItem } from './palette/palette-drag';
import { Palette } from './palette/Palette';
import { problemMessage } from '../common/problem-text';
import { ProblemsPanel } from './problems/ProblemsPanel';
import { EditorToolbar, type ToolbarAction } from './toolbar/EditorToolbar';
import { useAgentCatalog } from './use-agent-catalog';
import { useLiveValidation } from './use-live-validation';
import { useNotice } from './use-notice';
import { useShortcuts } from './use-shortcuts';
import { errorMessage } from '../common/error-message';

const reducer = createEditorReducer((definition, id) => {
  const ref = parseEdgeId(id);
  return ref !== undefined && findNode(definition, ref.targetNodeId)?.dependencies?.[ref.index] !== undefined;
});

const ONLINE_ACTIONS: readonly ToolbarAction[] = ['open', 'save', 'import', 'exportJson', 'exportBpmn', 'start'];

type DialogState =
  | { kind: 'open' }
  | { kind: 'help' }
  | { kind: 'refused'; action: 'save' | 'start'; problems: Problem[] }
  | { kind: 'confirm'; then: 'new' | 'open' };

async function loadElk() {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  return new ELK();
}

interface WorkflowEditorProps {
  colorMode: 'light' | 'dark';
  /** Called once a task started from the editor is running, to open its monitor. */
  onTaskStarted?: (taskId: string) => void;
}

export function WorkflowEditor(props: WorkflowEditorProps) {
  return (
    <ReactFlowProvider>
      <EditorWorkspace {...props} />
    </ReactFlowProvider>
  );
}

function EditorWorkspace({ colorMode, onTaskStarted }: WorkflowEditorProps) {
  const { t } = useTranslation();
  const services = useEditorServices();
  const flow = useReactFlow();
  const [state, dispatch] = useReducer(reducer, undefined, () => initialEditorState(createWorkflow(t('editor.newWorkflowName'), t('editor.rootName'))));
  const definition = state.history.present;
  const latest = useRef(definition);
  useLayoutEffect(() => {
    latest.current = definition;
  }, [definition]);
  const clipboard = useRef<Clip | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<DialogState | undefined>();
  const [findOpen, setFindOpen] = useState(false);
  const [highlighted, setHighlighted] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // Bumped to fit the whole workflow in view once the canvas has drawn a newly loaded document.
  const [fitRequest, setFitRequest] = useState(0);
  const [notice, setNotice] = useNotice();
  const catalog = useAgentCatalog(services);
  const validation = useLiveValidation(definition, catalog.items);
  const problemIndex = useMemo(() => indexProblems(validation.definition, validation.problems), [validation]);
  const dirty = isDirty(state);

  const onEdit: ApplyEdit = useCallback((apply, coalesceKey, select) => dispatch({ type: 'edit', apply, ...(coalesceKey ? { coalesceKey } : {}), ...(select ? { select } : {}) }), []);
  const select = useCallback((selection: SelectionState) => dispatch({ type: 'select', selection }), []);

  const focusNodes = useCallback(
    (ids: string[]) => {
      window.requestAnimationFrame(() => void flow.fitView({ nodes: ids.map((id) => ({ id })), duration: 300, maxZoom: 1.2, padding: 0.4 }));
    },
    [flow],
  );

  const reveal = useCallback(
    (problem: Problem) => {
      const target = problemTarget(validation.definition, problem);
      if (target.kind === 'node') {
        select({ nodes: new Set([target.nodeId]), edges: new Set() });
        setHighlighted(target.nodeId);
        focusNodes([target.nodeId]);
      } else if (target.kind === 'edge') {
        const ref = parseEdgeId(target.edgeId);
        const source = ref && findNode(latest.current, ref.targetNodeId)?.dependencies?.[ref.index]?.sourceNodeId;
        select({ nodes: new Set(), edges: new Set([target.edgeId]) });
        setHighlighted(undefined);
        focusNodes(source ? [source, target.nodeId] : [target.nodeId]);
      } else select({ nodes: new Set(), edges: new Set() });
    },
    [validation.definition, select, focusNodes],
  );

  /** The container new or pasted nodes go into: the selected container, the selected node's, or the root. */
  const targetContainer = (): string | undefined => {
    const current = latest.current;
    const selected = [...state.selection.nodes].map((id) => findNode(current, id));
    if (selected.length === 1 && selected[0]) return isContainer(selected[0]) ? selected[0].nodeId : (selected[0].parentId ?? findRoot(current)?.nodeId);
    return findRoot(current)?.nodeId;
  };

  const addItem = (item: PaletteItem, parentId: string, position: Point) => {
    const agent = item.agentLoad ? catalog.items.find((entry) => entry.agentLoad === item.agentLoad) : undefined;
    const name = item.nodeType === 'container' ? t('editor.newContainerName') : (agent?.name ?? t('editor.newAgentName'));
    const added = addNode(latest.current, {
      nodeType: item.nodeType,
      parentId,
      position,
      name,
      ...(item.agentLoad ? { agentLoad: item.agentLoad } : {}),
      ...(agent ? { agentConfig: defaultConfig(agent.configSchema) } : {}),
      idBase: item.agentLoad ?? (item.nodeType === 'container' ? 'container' : 'agent'),
    });
    onEdit(() => added.definition, undefined, { nodes: new Set([added.nodeId]), edges: new Set() });
  };

  const onDropItem = (item: PaletteItem, at: Point) => {
    const current = latest.current;
    const parentId = containerAt(current, at) ?? findRoot(current)?.nodeId;
    if (!parentId) return;
    const origin = absoluteRect(current, parentId);
    const size = item.nodeType === 'agent' ? AGENT_SIZE : CONTAINER_SIZE;
    addItem(item, parentId, { x: Math.round(at.x - origin.x - size.width / 2), y: Math.round(at.y - origin.y - size.height / 2) });
  };

  const onPaletteAdd = (item: PaletteItem) => {
    const parentId = targetContainer();
    if (parentId) addItem(item, parentId, freeSpot(latest.current, parentId));
  };

  const load = (next: WorkflowDefinition, origin: TemplateOrigin | undefined, unsaved: boolean) => {
    dispatch({ type: 'load', definition: next, origin, unsaved });
    setHighlighted(undefined);
    setFitRequest((count) => count + 1);
  };

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
    const result = validateWorkflow(latest.current, action === 'start' ? { agents: catalog.items } : {});
    if (!hasErrors(result.problems)) return false;
    setDialog({ kind: 'refused', action, problems: result.problems });
    return true;
  };

  const save = () => {
    if (!services || refuseIfInvalid('save')) return;
    const snapshot = latest.current;
    void run(async () => {
      const saved = await services.saveTemplate({ templateName: state.origin?.templateName, definition: snapshot });
      dispatch({ type: 'saved', definition: snapshot, origin: saved });
      setNotice({ kind: 'info', text: t('notices.saved', { version: saved.version }) });
    });
  };

  const start = () => {
    if (!services || refuseIfInvalid('start')) return;
    const snapshot = latest.current;
    void run(async () => {
      const started = await services.createAndStartTask({ definition: snapshot, template: !dirty ? state.origin : undefined });
      setNotice({ kind: 'info', text: t('notices.started', { taskId: started.taskId }) });
      onTaskStarted?.(started.taskId);
    });
  };

  const exportAs = (format: ExportFormat) => {
    if (!services) return;
    const snapshot = latest.current;
    void run(async () => {
      const text = await services.exportWorkflow(snapshot, format);
      downloadText(fileNameFor(snapshot.name, format), text, format === 'json' ? 'application/json' : 'application/xml');
      setNotice({ kind: 'info', text: t('notices.exported', { format: format.toUpperCase() }) });
    });
  };

  const importFile = (file: File) => {
    if (!services) return;
    void run(async () => {
      const result = await services.importWorkflow(file.name, await file.text());
      if (!result.definition) {
        setNotice({ kind: 'error', text: t('notices.importFailed', { name: file.name, count: result.problems.length, first: result.problems[0] ? problemMessage(t, result.problems[0]) : '' }) });
        return;
      }
      load(await withLayout(result.definition), undefined, true);
      setNotice({ kind: 'info', text: t('notices.imported', { name: file.name, count: result.problems.length }) });
    });
  };

  const openTemplate = (templateName: string, version?: number) => {
    if (!services) return;
    setDialog(undefined);
    void run(async () => {
      const loaded = await services.loadTemplate(templateName, version);
      load(await withLayout(loaded.definition), { templateName: loaded.templateName, version: loaded.version }, false);
      setNotice({ kind: 'info', text: t('notices.opened', { name: loaded.definition.name, version: loaded.version }) });
    });
  };

  const layoutNow = () => {
    const snapshot = latest.current;
    void run(async () => {
      const laidOut = await autoLayout(snapshot, await loadElk());
      // An edit made while ELK worked wins over the layout of the older document.
      if (latest.current !== snapshot) return;
      onEdit(() => laidOut);
      setFitRequest((count) => count + 1);
    });
  };

  const newWorkflow = () => load(createWorkflow(t('editor.newWorkflowName'), t('editor.rootName')), undefined, false);

  const copy = (): boolean => {
    const clip = copyNodes(latest.current, state.selection.nodes);
    if (clip) clipboard.current = clip;
    return clip !== undefined;
  };

  const deleteSelection = () => {
    const edgeRefs = [...state.selection.edges].flatMap((id) => parseEdgeId(id) ?? []);
    const nodes = [...state.selection.nodes];
    if (edgeRefs.length === 0 && nodes.length === 0) return;
    onEdit((current) => removeNodes(removeDependencies(current, edgeRefs), nodes), undefined, { nodes: new Set(), edges: new Set() });
  };

  const paste = () => {
    const clip = clipboard.current;
    const parentId = targetContainer();
    if (!clip || !parentId) return;
    const current = latest.current;
    const sameParent = clip.nodes.filter((node) => clip.topLevel.includes(node.nodeId)).every((node) => node.parentId === parentId);
    const pasted = pasteClip(current, clip, parentId, sameParent ? undefined : freeSpot(current, parentId));
    onEdit(() => pasted.definition, undefined, { nodes: new Set(pasted.pastedIds), edges: new Set() });
  };

  const runCommand = (command: EditorCommand) => {
    if (dialog && command !== 'help') return;
    switch (command) {
      case 'undo':
        return dispatch({ type: 'undo' });
      case 'redo':
        return dispatch({ type: 'redo' });
      case 'copy':
        return void copy();
      case 'cut':
        if (copy()) deleteSelection();
        return;
      case 'paste':
        return paste();
      case 'delete':
        return deleteSelection();
      case 'selectAll':
        return select({
          nodes: new Set(definition.nodes.filter((node) => !node.isRoot).map((node) => node.nodeId)),
          edges: new Set(),
        });
      case 'find':
        return setFindOpen(true);
      case 'save':
        return save();
      case 'help':
        return setDialog(dialog?.kind === 'help' ? undefined : { kind: 'help' });
      case 'escape':
        setFindOpen(false);
        setHighlighted(undefined);
        return select({ nodes: new Set(), edges: new Set() });
      case 'fitView':
        return void flow.fitView(FIT_WHOLE);
      case 'autoLayout':
        return layoutNow();
    }
  };
  useShortcuts(runCommand, !busy);

  const onToolbar = (action: ToolbarAction) => {
    switch (action) {
      case 'new':
        return dirty ? setDialog({ kind: 'confirm', then: 'new' }) : newWorkflow();
      case 'open':
        return dirty ? setDialog({ kind: 'confirm', then: 'open' }) : setDialog({ kind: 'open' });
      case 'save':
        return save();
      case 'import':
        return fileInput.current?.click();
      case 'exportJson':
        return exportAs('json');
      case 'exportBpmn':
        return exportAs('bpmn');
      case 'undo':
      case 'redo':
      case 'autoLayout':
      case 'find':
      case 'help':
        return runCommand(action);
      case 'start':
        return start();
    }
  };

  const disabled = new Set<ToolbarAction>(services ? [] : ONLINE_ACTIONS);
  if (state.history.past.length === 0) disabled.add('undo');
  if (state.history.future.length === 0) disabled.add('redo');
  const origin = state.origin ? t('toolbar.origin', { version: state.origin.version }) : t('toolbar.notSaved');

  return (
    <div className="editor" data-testid="workflow-editor">
      <EditorToolbar
        title={definition.name}
        dirty={dirty}
        origin={origin}
        disabled={disabled}
        offlineReason={services ? undefined : t('toolbar.offline')}
        busy={busy}
        onAction={onToolbar}
      />
      <input
        ref={fileInput}
        type="file"
        accept=".json,.bpmn,.xml,application/json,application/xml,text/xml"
        hidden
        data-testid="import-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) importFile(file);
        }}
      />
      <div className="editor-main">
        <Palette catalog={catalog} onAdd={onPaletteAdd} />
        <div className="editor-centre">
          <WorkflowCanvas
            definition={definition}
            latest={latest}
            selection={state.selection}
            problems={problemIndex}
            catalog={catalog.items}
            highlighted={highlighted}
            colorMode={colorMode}
            fitRequest={fitRequest}
            onEdit={onEdit}
            onPreview={(apply) => dispatch({ type: 'preview', apply })}
            onEndGesture={(from, apply) => dispatch({ type: 'endGesture', from, ...(apply ? { apply } : {}) })}
            onSelectionChanges={(kind, changes) => dispatch({ type: 'toggleSelection', kind, changes })}
            onDropItem={onDropItem}
          />
          {findOpen && (
            <FindBar
              definition={definition}
              onClose={() => setFindOpen(false)}
              onPick={(nodeId) => {
                select({ nodes: new Set([nodeId]), edges: new Set() });
                setHighlighted(nodeId);
                setFindOpen(false);
                focusNodes([nodeId]);
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
          <ProblemsPanel problems={validation.problems} onSelect={reveal} />
        </div>
        <Inspector
          definition={definition}
          selection={state.selection}
          catalog={catalog.items}
          onEdit={onEdit}
          onSelectEdge={(edgeId) => select({ nodes: new Set(), edges: new Set([edgeId]) })}
        />
      </div>
      {dialog?.kind === 'help' && <HelpOverlay onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'open' && services && <OpenTemplateDialog services={services} onOpen={openTemplate} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'refused' && <RefusedDialog action={dialog.action} problems={dialog.problems} onSelect={reveal} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'confirm' && (
        <ConfirmDialog
          title={t('confirm.discardTitle')}
          body={t('confirm.discardBody')}
          confirmLabel={t('confirm.discard')}
          onClose={() => setDialog(undefined)}
          onConfirm={() => (dialog.then === 'new' ? newWorkflow() : setDialog({ kind: 'open' }))}
        />
      )}
    </div>
  );
}
