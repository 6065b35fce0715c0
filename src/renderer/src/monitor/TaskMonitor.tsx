import { useCallback, useMemo, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { Id } from '../../../shared/ids';
import { errorMessage } from '../common/error-message';
import { AlertsPanel } from '../alerts/AlertsPanel';
import { ResourceCharts } from '../charts/ResourceCharts';
import { LogViewer } from '../logs/LogViewer';
import { ReportMenu } from '../report/ReportMenu';
import { MONITOR_TABS, type MonitorTab } from '../shell/route';
import { useSessionRole } from '../shell/use-session-role';
import { LiveGraph } from './graph/LiveGraph';
import { PresentationView } from './presentation/PresentationView';
import { ReplayBar } from './replay/ReplayBar';
import { useReplay } from './replay/use-replay';
import { ReplaySeekContext } from './replay/replay-seek';
import { TaskControls } from './task-controls/TaskControls';
import { TaskVariablesEditor } from './live-edit/TaskVariablesEditor';
import { TaskHeader } from './TaskHeader';
import { CompareWithPrevious } from '../compare/CompareWithPrevious';
import { TaskClockPanel } from './clock/TaskClockPanel';
import { InjectList } from './injects/InjectList';
import type { TaskPanelProps } from '../task-panels/task-panel';
import { Timeline } from './timeline/Timeline';
import { NodeDetailPanel } from './tree/NodeDetailPanel';
import { NodeTree } from './tree/NodeTree';
import { useLiveTask } from './use-live-task';
import './task-monitor.css';

const PANELS: Record<MonitorTab, ComponentType<TaskPanelProps>> = {
  tree: NodeTree,
  graph: LiveGraph,
  timeline: Timeline,
  logs: LogViewer,
  charts: ResourceCharts,
  alerts: AlertsPanel,
};

/** Tabs that show the selected node's detail beside them. */
const WITH_DETAIL: ReadonlySet<MonitorTab> = new Set(['tree', 'graph', 'timeline']);

interface TaskMonitorProps {
  client: ConsoleClient;
  taskId: Id;
  tab: MonitorTab;
  nodeId: string | null;
  presenting: boolean;
  onNavigate: (change: { tab?: MonitorTab; nodeId?: string | null; presenting?: boolean }) => void;
  onBack: () => void;
}

/** One task, live or replayed: header with counters and controls, a panel per tab, the replay bar. */
export function TaskMonitor({ client, taskId, tab, nodeId, presenting, onNavigate, onBack }: TaskMonitorProps) {
  const { t } = useTranslation();
  const live = useLiveTask(client, taskId);
  const operator = useSessionRole(client) === 'operator';
  const [replaying, setReplaying] = useState(false);
  const replay = useReplay(client, live.phase === 'ready' ? live.task : null, live.phase === 'ready' ? live.nodes : null, replaying);
  const onSelectNode = useCallback((selected: string | null) => onNavigate({ nodeId: selected }), [onNavigate]);
  const { setAt, setPlaying } = replay;
  const ended = live.phase === 'ready' && live.task.endTime !== null;
  const seek = useMemo(
    () =>
      ended
        ? (at: number) => {
            setReplaying(true);
            setPlaying(false);
            setAt(at);
          }
        : null,
    [ended, setAt, setPlaying],
  );

  const view = useMemo(() => {
    if (live.phase !== 'ready') return null;
    if (replaying && replay.nodes && replay.task) return { task: replay.task, nodes: replay.nodes, at: replay.at };
    return { task: live.task, nodes: live.nodes, at: null };
  }, [live, replaying, replay.nodes, replay.task, replay.at]);

  if (live.phase === 'loading') return <p className="monitor-message">{t('common.loading')}</p>;
  if (live.phase === 'failed' || !view) {
    return (
      <div className="monitor-message" role="alert">
        <p>{t('monitor.task.failed', { error: live.phase === 'failed' ? errorMessage(t, live.error) : '' })}</p>
        <button type="button" onClick={onBack}>
          {t('monitor.task.back')}
        </button>
      </div>
    );
  }

  const props: TaskPanelProps = { client, task: view.task, nodes: view.nodes, at: view.at, selectedNodeId: nodeId, onSelectNode, canControl: operator && view.at === null };
  if (presenting) return <PresentationView {...props} onExit={() => onNavigate({ presenting: false })} />;
  const Panel = PANELS[tab];
  // From a log line, "its node" is the node in the tree; the tree's detail leads back to its lines.
  const panelProps = tab === 'logs' ? { ...props, onSelectNode: (selected: string | null) => onNavigate(selected ? { tab: 'tree', nodeId: selected } : { nodeId: null }) } : props;

  return (
    <div className={`task-monitor${replaying ? ' replaying' : ''}`} data-testid="task-monitor" data-task-status={view.task.status}>
      <TaskHeader client={client} task={view.task} nodes={view.nodes} replayAt={view.at} onBack={onBack}>
        {operator && view.at === null && <TaskControls client={client} task={live.task} />}
        {operator && view.at === null && <TaskVariablesEditor client={client} task={live.task} />}
        <TaskClockPanel client={client} taskId={taskId} canControl={operator && view.at === null} ended={ended} />
        <InjectList client={client} taskId={taskId} canControl={operator && view.at === null && !ended} live={!ended} />
        <ReportMenu client={client} taskId={taskId} />
        <CompareWithPrevious client={client} task={view.task} />
        <button type="button" data-testid="replay-toggle" aria-pressed={replaying} disabled={!ended} title={ended ? undefined : t('monitor.task.replayAfterEnd')} onClick={() => setReplaying((value) => !value)}>
          {replaying ? t('monitor.task.leaveReplay') : t('monitor.task.replay')}
        </button>
        <button type="button" data-testid="present" onClick={() => onNavigate({ presenting: true })}>
          {t('monitor.task.present')}
        </button>
      </TaskHeader>
      <nav className="monitor-tabs" role="tablist" aria-label={t('monitor.tabs.label')}>
        {MONITOR_TABS.map((name) => (
          <button type="button" role="tab" key={name} aria-selected={name === tab} data-testid={`tab-${name}`} className={name === tab ? 'tab tab-on' : 'tab'} onClick={() => onNavigate({ tab: name })}>
            {t(`monitor.tabs.${name}`)}
          </button>
        ))}
      </nav>
      <div className={`monitor-body${WITH_DETAIL.has(tab) && nodeId ? ' with-detail' : ''}`}>
        <section className="monitor-panel" role="tabpanel" aria-label={t(`monitor.tabs.${tab}`)}>
          <ReplaySeekContext.Provider value={seek}>
            <Panel {...panelProps} />
          </ReplaySeekContext.Provider>
        </section>
        {WITH_DETAIL.has(tab) && nodeId && (
          <div className="detail-column">
            <button type="button" className="detail-logs" data-testid="node-show-logs" onClick={() => onNavigate({ tab: 'logs' })}>
              {t('monitor.task.showLogs')}
            </button>
            <NodeDetailPanel {...props} />
          </div>
        )}
      </div>
      {replaying && (
        <footer className="monitor-replay">
          {replay.error ? (
            <p role="alert">{replay.error}</p>
          ) : replay.bounds ? (
            <ReplayBar start={replay.bounds.start} end={replay.bounds.end} at={replay.at ?? replay.bounds.end} onChange={replay.setAt} playing={replay.playing} onPlay={replay.setPlaying} changes={replay.changes} events={replay.events} />
          ) : (
            <p>{t('common.loading')}</p>
          )}
        </footer>
      )}
    </div>
  );
}
