import { Handle, NodeResizer, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { nodeDisplayName } from '../../../../shared/workflow/definition';
import { CONTAINER_HEAD_CLASS, SOURCE_HANDLE, TARGET_HANDLE, type WorkflowFlowNode } from '../model/flow-mapping';
import { NodeFlags } from './NodeFlags';
import { ProblemBadge } from './ProblemBadge';
import { useContainerPan } from './use-container-pan';

const MIN_WIDTH = 200;
const MIN_HEIGHT = 100;

export function ContainerNode({ data, selected }: NodeProps<WorkflowFlowNode>) {
  const { t } = useTranslation();
  const { node, problems, severity, highlighted, dropTarget, childCount } = data;
  const pan = useContainerPan();
  const classes = [
    'wf-container',
    node.isRoot ? 'is-root' : '',
    severity ? `has-${severity}` : '',
    selected ? 'is-selected' : '',
    highlighted ? 'is-highlighted' : '',
    dropTarget ? 'is-drop-target' : '',
  ];
  return (
    <>
      <NodeResizer isVisible={selected} minWidth={MIN_WIDTH} minHeight={MIN_HEIGHT} lineClassName="wf-resize-line" handleClassName="wf-resize-handle" />
      <div className={classes.filter(Boolean).join(' ')} data-testid={`container-node-${node.nodeId}`} onMouseDown={pan.onMouseDown} onClick={pan.onClick}>
        <div className={CONTAINER_HEAD_CLASS}>
          <Handle type="target" position={Position.Left} id={TARGET_HANDLE} className="wf-handle" />
          <span className="kind-chip kind-chip-container">{t(node.isRoot ? 'editor.node.root' : 'editor.node.container')}</span>
          <span className="wf-node-title" data-verbatim="" title={nodeDisplayName(node)}>
            {nodeDisplayName(node)}
          </span>
          <span className="wf-container-count">{t('editor.node.children', { count: childCount })}</span>
          <NodeFlags node={node} />
          <ProblemBadge problems={problems} severity={severity} />
          <Handle type="source" position={Position.Right} id={SOURCE_HANDLE} className="wf-handle" />
        </div>
      </div>
    </>
  );
}
