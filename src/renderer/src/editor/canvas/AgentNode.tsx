import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { nodeDisplayName } from '../../../../shared/workflow/definition';
import { SOURCE_HANDLE, TARGET_HANDLE, type WorkflowFlowNode } from '../model/flow-mapping';
import { NodeFlags } from './NodeFlags';
import { ProblemBadge } from './ProblemBadge';
import { useLiteWhileMoving } from '../../common/view-motion';

function agentClasses({ data, selected }: NodeProps<WorkflowFlowNode>): string {
  const { agent, severity, highlighted } = data;
  return ['wf-node', 'wf-agent', `kind-${agent?.kind ?? 'unknown'}`, severity ? `has-${severity}` : '', selected ? 'is-selected' : '', highlighted ? 'is-highlighted' : '']
    .filter(Boolean)
    .join(' ');
}

export function AgentNode(props: NodeProps<WorkflowFlowNode>) {
  // The box and its handles alone while the view moves (xyflow may measure the handles then).
  return useLiteWhileMoving() ? (
    <div className={agentClasses(props)} data-testid={`agent-node-${props.data.node.nodeId}`}>
      <Handle type="target" position={Position.Left} id={TARGET_HANDLE} className="wf-handle" />
      <Handle type="source" position={Position.Right} id={SOURCE_HANDLE} className="wf-handle" />
    </div>
  ) : (
    <FullAgentNode {...props} />
  );
}

function FullAgentNode(props: NodeProps<WorkflowFlowNode>) {
  const { t } = useTranslation();
  const { node, agent, problems, severity } = props.data;
  return (
    <div className={agentClasses(props)} data-testid={`agent-node-${node.nodeId}`}>
      <Handle type="target" position={Position.Left} id={TARGET_HANDLE} className="wf-handle" />
      <div className="wf-node-head">
        <span className="wf-node-title" data-verbatim="" title={nodeDisplayName(node)}>
          {nodeDisplayName(node)}
        </span>
        <ProblemBadge problems={problems} severity={severity} />
      </div>
      <div className="wf-node-sub">
        <span className="kind-chip">{t(agent ? `kinds.${agent.kind}` : 'kinds.unknown')}</span>
        <code title={node.agentLoad}>{node.agentLoad ?? t('editor.node.noLoad')}</code>
        <NodeFlags node={node} />
      </div>
      <Handle type="source" position={Position.Right} id={SOURCE_HANDLE} className="wf-handle" />
    </div>
  );
}
