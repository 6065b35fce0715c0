import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { taskDuration } from '../dashboard/task-table';
import { useFormatDuration } from '../../common/format';
import { wholePercent } from '../../../../shared/task/progress';
import { taskShare } from '../model/task-progress';
import { useNow } from '../../common/use-now';
import { StatusBadge } from '../StatusBadge';
import type { TaskPanelProps } from '../../task-panels/task-panel';
import { NodeTree } from '../tree/NodeTree';
import { WallGraph } from './WallGraph';
import './presentation.css';

/**
 * For a wall screen read from across a room: full screen, high contrast, the figures a room
 * watches (progress, running, failed, elapsed time, the task's status) largest, and the
 * graph laid out to fill the screen with every text at least 24 px (see wall-plan.ts), or
 * the tree. Esc returns to the monitor (the first Esc, in full screen, only leaves full
 * screen: the browser keeps that key; the large view stays until the second).
 */
export function PresentationView({ onExit, ...props }: TaskPanelProps & { onExit: () => void }) {
  const { t } = useTranslation();
  const [show, setShow] = useState<'graph' | 'tree'>('graph');
  const { task } = props;

  useEffect(() => {
    const root = document.documentElement;
    // The wall screen is dark whatever the window's theme, xyflow's controls and minimap included.
    const theme = root.dataset['theme'];
    root.dataset['theme'] = 'dark';
    // Full screen needs a user gesture and may be refused (or unsupported); the view works either way.
    if (!document.fullscreenElement) root.requestFullscreen?.().catch(() => undefined);
    const leave = (event: KeyboardEvent) => event.key === 'Escape' && onExit();
    window.addEventListener('keydown', leave);
    return () => {
      window.removeEventListener('keydown', leave);
      if (theme === undefined) delete root.dataset['theme'];
      else root.dataset['theme'] = theme;
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [onExit]);

  return (
    <div className="presentation" data-testid="presentation">
      <header className="presentation-header">
        <h1 data-verbatim="" title={task.name}>{task.name}</h1>
        <WallMinorFigures {...props} />
        <div className="presentation-switch" role="group">
          {(['graph', 'tree'] as const).map((name) => (
            <button type="button" key={name} aria-pressed={show === name} onClick={() => setShow(name)}>
              {t(`monitor.tabs.${name}`)}
            </button>
          ))}
          <button type="button" onClick={onExit} data-testid="present-exit">
            {t('monitor.presentation.exit')}
          </button>
        </div>
      </header>
      <WallFigures {...props} />
      <div className="presentation-body">{show === 'graph' ? <WallGraph nodes={props.nodes} /> : <NodeTree {...props} canControl={false} />}</div>
    </div>
  );
}

function Figure({ name, value, isKey }: { name: string; value: string; isKey: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`presentation-figure figure-${name}${isKey ? ' is-key' : ''}`} data-testid={`wall-figure-${name}`}>
      <dd>{value}</dd>
      <dt>{t(`monitor.presentation.figures.${name}`)}</dt>
    </div>
  );
}

/** The counts a room reads second, beside the task's name. */
function WallMinorFigures({ task }: TaskPanelProps) {
  return (
    <dl className="presentation-minor">
      <Figure name="completed" value={String(task.completedNodes)} isKey={false} />
      <Figure name="skipped" value={String(task.skippedNodes)} isKey={false} />
      <Figure name="total" value={String(task.totalNodes)} isKey={false} />
    </dl>
  );
}

/** The figures a room acts on, largest: status, progress, running, failed, elapsed time. */
function WallFigures({ task, nodes, at }: TaskPanelProps) {
  const { t } = useTranslation();
  const formatDuration = useFormatDuration();
  const now = useNow(at === null && task.startTime !== null && task.endTime === null);
  const figure = (name: string, value: string) => <Figure name={name} value={value} isKey />;
  return (
    <dl className="presentation-figures">
      <div className="presentation-figure figure-status is-key" data-testid="wall-figure-status">
        <dd>
          <StatusBadge status={task.status} large />
        </dd>
        <dt>{t('monitor.presentation.figures.status')}</dt>
      </div>
      {figure('progress', `${wholePercent(taskShare(task, nodes))}%`)}
      {figure('running', String(task.runningNodes))}
      {figure('failed', String(task.failedNodes))}
      {figure('elapsed', formatDuration(taskDuration(task, at ?? now)))}
    </dl>
  );
}
