import { useTranslation } from 'react-i18next';
import type { ManagedNodes, NodeView } from '../../../../shared/task/nodes';
import { agentShare, endedShare, wholePercent } from '../../../../shared/task/progress';

/** An agent's own progress: the bar is drawn exactly as wide as its label says. */
export function ProgressBar({ node }: { node: NodeView }) {
  const { t } = useTranslation();
  const percent = wholePercent(agentShare(node));
  return (
    <span className="tree-progress" title={t('tree.progressTitle', { percent })} data-percent={percent}>
      <span className="tree-progress-track">
        <span className="tree-progress-fill" style={{ width: `${percent}%`, background: `var(--status-${node.status})` }} />
      </span>
      <span className="tree-progress-text">{percent}%</span>
    </span>
  );
}

/**
 * A container's agents as one bar, by the shared rule: only agents that reached an end fill
 * it (completed, failed, skipped, each in its colour), so the filled width is the label's
 * figure; running agents are counted beside it, not drawn as done.
 */
export function ManagedBar({ managed }: { managed: ManagedNodes }) {
  const { t } = useTranslation();
  const percent = wholePercent(endedShare(managed));
  const total = Math.max(managed.total, 1);
  const segments = [
    ['completed', managed.completed],
    ['failed', managed.failed],
    ['skipped', managed.skipped],
  ] as const;
  return (
    <span className="tree-progress" title={t('tree.managed.title', { ...managed })} data-percent={percent}>
      <span className="tree-progress-track">
        {segments.map(([status, count]) =>
          count > 0 ? <span key={status} className="tree-progress-segment" style={{ width: `${(count / total) * 100}%`, background: `var(--status-${status})` }} /> : null,
        )}
      </span>
      <span className="tree-progress-text">{percent}%</span>
    </span>
  );
}
