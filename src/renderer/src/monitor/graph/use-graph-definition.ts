import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../../shared/task/views';
import type { WorkflowDefinition } from '../../../../shared/workflow/definition';
import type { TaskNodes } from '../../task-panels/task-panel';
import { layOutGraph, withParents } from './graph-layout';
import { loadElk } from './load-elk';
import { errorMessage, type Failure } from '../../common/error-message';

interface LayoutSource {
  taskId: string;
  workflow: WorkflowDefinition;
  nodes: TaskNodes;
}

type LayoutState = { source: LayoutSource; definition: WorkflowDefinition | null; failure: Failure | null };

/** The window's height the monitor's header and tabs take above the graph. */
const CHROME_PX = 150;

/** The view the graph will fill: the window, less the monitor's header (the panel is not there yet). */
function viewSize(): { width: number; height: number } {
  return { width: window.innerWidth, height: Math.max(1, window.innerHeight - CHROME_PX) };
}

/**
 * The task's workflow placed on the canvas, computed once per task: a task's workflow and
 * hierarchy never change, however often the task is read again (each read is a new object).
 */
export function useGraphDefinition(task: TaskDetail, nodes: TaskNodes): { definition: WorkflowDefinition | null; error: string | null } {
  const { t } = useTranslation();
  const [source, setSource] = useState<LayoutSource>({ taskId: task.taskId, workflow: task.workflow, nodes });
  if (source.taskId !== task.taskId) setSource({ taskId: task.taskId, workflow: task.workflow, nodes });
  const [state, setState] = useState<LayoutState | null>(null);
  useEffect(() => {
    let cancelled = false;
    const parents = new Map<string, string | null>();
    for (const view of source.nodes.byId.values()) parents.set(view.nodeId, view.parentId);
    layOutGraph(withParents(source.workflow, parents), loadElk, viewSize()).then(
      (definition) => {
        if (!cancelled) setState({ source, definition, failure: null });
      },
      (error: unknown) => {
        if (!cancelled) setState({ source, definition: null, failure: { error } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [source]);
  if (!state || state.source !== source) return { definition: null, error: null };
  return { definition: state.definition, error: state.failure && errorMessage(t, state.failure.error) };
}
