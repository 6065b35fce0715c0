import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeView } from '../../../../shared/task/nodes';
import { formatPercent } from '../../common/format';
import { containerShare } from '../graph/graph-node-model';

export type WallNodeData = { nodeId: string; view: NodeView | undefined };
export type WallFlowNode = Node<WallNodeData, 'agent' | 'container' | 'frame'>;

/** Where edges attach; the wall is read-only, so these are anchors, never connectable. */
function Anchors() {
  return (
    <>
      <Handle type="target" position={Position.Left} className="wall-handle" isConnectable={false} />
      <Handle type="source" position={Position.Right} className="wall-handle" isConnectable={false} />
    </>
  );
}

function Title({ view, nodeId }: WallNodeData) {
  const name = view?.name ?? nodeId;
  return (
    <span className="wall-title" data-verbatim="" title={name}>
      {name}
    </span>
  );
}

export const WallAgentCard = memo(function WallAgentCard({ data }: NodeProps<WallFlowNode>) {
  const { t } = useTranslation();
  const status = data.view?.status ?? 'pending';
  const progress = status === 'completed' ? 1 : (data.view?.progress ?? 0);
  return (
    <div className={`wall-card wall-status-${status}`} data-testid={`wall-node-${data.nodeId}`} data-status={status}>
      <Anchors />
      <Title {...data} />
      <span className="wall-line">
        <span className="wall-status">{t(`monitor.status.${status}`)}</span>
        {progress > 0 && progress < 1 && <span className="wall-percent">{formatPercent(progress)}</span>}
      </span>
      <span className="wall-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, Math.max(0, progress * 100))}%` }} />
      </span>
    </div>
  );
});

/** A container shown as one card: its agents' counts stand for them. */
export const WallContainerCard = memo(function WallContainerCard({ data }: NodeProps<WallFlowNode>) {
  const { t } = useTranslation();
  const status = data.view?.status ?? 'pending';
  const managed = data.view?.managedNodes;
  const share = containerShare(managed);
  return (
    <div className={`wall-card wall-collapsed wall-status-${status}`} data-testid={`wall-node-${data.nodeId}`} data-status={status}>
      <Anchors />
      <Title {...data} />
      <span className="wall-line">
        <span className="wall-status">{t(`monitor.status.${status}`)}</span>
        {managed && managed.total > 0 && <span className="wall-percent">{formatPercent(share)}</span>}
      </span>
      <span className="wall-line wall-counts">
        {managed && (
          <>
            <span>{t('monitor.presentation.agentsDone', { done: managed.completed, total: managed.total })}</span>
            {managed.running > 0 && <span className="wall-count-running">▶ {managed.running}</span>}
            {managed.failed > 0 && <span className="wall-count-failed">✕ {managed.failed}</span>}
          </>
        )}
      </span>
      <span className="wall-bar" aria-hidden="true">
        <span style={{ width: `${share * 100}%` }} />
      </span>
    </div>
  );
});

/** An open container: its name above the cards of its children. */
export const WallFrame = memo(function WallFrame({ data }: NodeProps<WallFlowNode>) {
  const { t } = useTranslation();
  const status = data.view?.status ?? 'pending';
  return (
    <div className={`wall-frame wall-status-${status}`} data-testid={`wall-node-${data.nodeId}`} data-status={status}>
      <Anchors />
      <span className="wall-frame-head">
        <Title {...data} />
        <span className="wall-status">{t(`monitor.status.${status}`)}</span>
      </span>
    </div>
  );
});
