import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { taskCounters } from '../counters';
import { taskProgress } from '../dashboard/task-table';
import { formatPercent } from '../../common/format';
import { LiveGraph } from '../graph/LiveGraph';
import { StatusBadge } from '../StatusBadge';
import type { TaskPanelProps } from '../../task-panels/task-panel';
import { NodeTree } from '../tree/NodeTree';
import './presentation.css';

/**
 * For a wall screen: full screen, large type, high contrast, the counters and either the
 * tree or the graph. Esc returns to the monitor (the first Esc, in full screen, only leaves
 * full screen: the browser keeps that key; the large view stays until the second).
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
        <h1 data-verbatim="">{task.name}</h1>
        <StatusBadge status={task.status} large />
        <span className="presentation-progress">{formatPercent(taskProgress(task))}</span>
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
      <dl className="presentation-counters">
        {taskCounters(task).map(([name, value]) => (
          <div key={name} className={`presentation-counter counter-${name}`}>
            <dd>{value}</dd>
            <dt>{t(`monitor.counters.${name}`)}</dt>
          </div>
        ))}
      </dl>
      <div className="presentation-body">{show === 'graph' ? <LiveGraph {...props} canControl={false} /> : <NodeTree {...props} canControl={false} />}</div>
    </div>
  );
}
