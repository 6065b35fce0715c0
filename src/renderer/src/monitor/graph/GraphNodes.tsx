import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeDisplayName } from '../../../../shared/workflow/definition';
import { SOURCE_HANDLE, TARGET_HANDLE } from '../../editor/model/flow-mapping';
import { agentShare, wholePercent } from '../../../../shared/task/progress';
import { containerShare, nodeClasses } from './graph-node-model';
import type { GraphFlowNode } from './graph-flow';
import { useLiteWhileMoving } from '../../common/view-motion';

/** Edges attach here; read-only, so the handles are only anchors, never connectable. */
function Anchors() {
  return (
    <>
      <Handle type="target" position={Position.Left} id={TARGET_HANDLE} className="graph-handle" isConnectable={false} />
      <Handle type="source" position={Position.Right} id={SOURCE_HANDLE} className="graph-handle" isConnectable={false} />
    </>
  );
}

/** The box, its status colour and its anchors alone while a large graph's view moves (view-motion.ts). */
function LiteNode({ data, type }: NodeProps<GraphFlowNode>) {
  const status = data.view?.status ?? 'pending';
  const kind = type === 'container' ? `graph-container${data.definition.isRoot ? ' is-root' : ''}` : 'graph-agent';
  return (
    <div className={nodeClasses(kind, status, data.selected)} data-testid={`graph-node-${data.definition.nodeId}`} data-status={status}>
      <Anchors />
    </div>
  );
}

export const GraphAgentNode = memo(function GraphAgentNode(props: NodeProps<GraphFlowNode>) {
  return useLiteWhileMoving() ? <LiteNode {...props} /> : <FullAgentNode {...props} />;
});

export const GraphContainerNode = memo(function GraphContainerNode(props: NodeProps<GraphFlowNode>) {
  return useLiteWhileMoving() ? <LiteNode {...props} /> : <FullContainerNode {...props} />;
});

function FullAgentNode({ data }: NodeProps<GraphFlowNode>) {
  const { t } = useTranslation();
  const { definition, view, selected } = data;
  const status = view?.status ?? 'pending';
  const progress = agentShare(view);
  const name = nodeDisplayName(definition);
  return (
    <div className={nodeClasses('graph-agent', status, selected)} data-testid={`graph-node-${definition.nodeId}`} data-status={status} title={name}>
      <Anchors />
      <div className="graph-node-head">
        <span className="graph-status-dot" aria-hidden="true" />
        <span className="graph-node-title" data-verbatim="">{name}</span>
        {view && view.batch > 1 && <span className="graph-batch" title={t('graph.batchTitle', { batch: view.batch })}>{t('graph.batch', { batch: view.batch })}</span>}
      </div>
      <div className="graph-node-sub">
        <span className="graph-status-text">{t(`monitor.status.${status}`)}</span>
        {(status === 'running' || (progress > 0 && progress < 1)) && <span className="graph-percent">{wholePercent(progress)}%</span>}
      </div>
      <div className="graph-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)} aria-label={t('graph.progress')}>
        <div className="graph-progress-fill" style={{ width: `${Math.min(100, Math.max(0, progress * 100))}%` }} />
      </div>
    </div>
  );
}

function FullContainerNode({ data }: NodeProps<GraphFlowNode>) {
  const { t } = useTranslation();
  const { definition, view, selected } = data;
  const status = view?.status ?? 'pending';
  const managed = view?.managedNodes;
  const name = nodeDisplayName(definition);
  const share = containerShare(managed);
  return (
    <div className={`${nodeClasses('graph-container', status, selected)}${definition.isRoot ? ' is-root' : ''}`} data-testid={`graph-node-${definition.nodeId}`} data-status={status}>
      <div className="graph-container-head">
        <Anchors />
        <span className="graph-status-dot" aria-hidden="true" />
        <span className="graph-node-title" data-verbatim="" title={name}>
          {name}
        </span>
        <span className="graph-status-text">{t(`monitor.status.${status}`)}</span>
        {managed && managed.total > 0 && (
          <span className="graph-managed" title={t('graph.managedTitle', { ...managed })}>
            {t('graph.managed', { ...managed })}
            {managed.running > 0 && <span className="graph-managed-running"> · {t('graph.managedRunning', { count: managed.running })}</span>}
            {managed.failed > 0 && <span className="graph-managed-failed"> · {t('graph.managedFailed', { count: managed.failed })}</span>}
          </span>
        )}
      </div>
      {managed && managed.total > 0 && (
        <div className="graph-progress graph-container-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)} aria-label={t('graph.progress')}>
          <div className="graph-progress-fill" style={{ width: `${share * 100}%` }} />
        </div>
      )}
    </div>
  );
}
