import type { ConsoleApi } from '../../../../../shared/api/contract';
import type { NodeControl } from './available-controls';

/**
 * Sends one operator control. `text` is the stop or hold reason or the decision's comment (blank
 * means none). Resolves to the number of nodes a rerun covers, null for the other controls.
 */
export async function callControl(
  client: Pick<ConsoleApi, 'stopNode' | 'restartNode' | 'skipNode' | 'rerunFrom' | 'decideManual' | 'holdNode' | 'releaseNode'>,
  taskId: string,
  nodeId: string,
  control: NodeControl,
  text = '',
): Promise<number | null> {
  const note = text.trim() === '' ? undefined : text.trim();
  switch (control) {
    case 'stop':
      await client.stopNode(taskId, nodeId, note);
      return null;
    case 'restart':
      await client.restartNode(taskId, nodeId);
      return null;
    case 'skip':
      await client.skipNode(taskId, nodeId);
      return null;
    case 'rerun':
      return client.rerunFrom(taskId, nodeId);
    case 'hold':
      await client.holdNode(taskId, nodeId, note === undefined ? undefined : { reason: note });
      return null;
    case 'release':
      await client.releaseNode(taskId, nodeId);
      return null;
    case 'approve':
    case 'reject':
      await client.decideManual(taskId, nodeId, note === undefined ? { approved: control === 'approve' } : { approved: control === 'approve', comment: note });
      return null;
  }
}
