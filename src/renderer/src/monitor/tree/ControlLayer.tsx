import { useCallback, useMemo } from 'react';
import type { TaskNodes } from '../../task-panels/task-panel';
import { ControlDialog, nodeLabel } from './ControlDialog';
import { ControlNotices } from './ControlNotices';
import { rerunCount, rerunIndex } from './model/rerun-scope';
import type { useNodeControls } from './use-node-controls';

/** The confirmation of the control being asked for, and what became of those sent. */
export function ControlLayer({ controls, nodes, enabled }: { controls: ReturnType<typeof useNodeControls>; nodes: TaskNodes; enabled: boolean }) {
  const { request } = controls;
  const node = request ? nodes.byId.get(request.nodeId) : undefined;
  const rerunEstimate = useMemo(() => (request?.control === 'rerun' ? rerunCount(rerunIndex(nodes), request.nodeId) : 0), [request, nodes]);
  const labelOf = useCallback(
    (nodeId: string) => {
      const known = nodes.byId.get(nodeId);
      return known ? nodeLabel(known) : nodeId;
    },
    [nodes],
  );
  return (
    <>
      {request && node && enabled && (
        <ControlDialog control={request.control} node={node} rerunEstimate={rerunEstimate} onConfirm={(text) => controls.confirm(request.control, request.nodeId, text)} onClose={controls.cancel} />
      )}
      <ControlNotices notices={controls.notices} labelOf={labelOf} onDismiss={controls.dismiss} />
    </>
  );
}
