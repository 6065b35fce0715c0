import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../../shared/api/contract';
import { isEndedNodeStatus, isNotStartedNodeStatus } from '../../../../shared/status';
import type { NodeView } from '../../../../shared/task/nodes';
import { Dialog, DialogButtons } from '../../common/Dialog';
import { errorMessage } from '../../common/error-message';
import { readJsonObject } from './json-text';

type Asking = { kind: 'remove' } | { kind: 'rerun'; text: string; error: string | null };

/**
 * Changes to one node of a running task, beside its controls: remove it while it has not
 * started (it never ran, so nothing of it is lost), or rerun it with its config edited (a new
 * batch resolves the new config; the batches before keep theirs).
 */
export function NodeLiveActions({ client, taskId, node }: { client: ConsoleClient; taskId: string; node: NodeView }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const removable = node.parentId !== null && isNotStartedNodeStatus(node.status);
  const rerunnable = isEndedNodeStatus(node.status);
  if (!removable && !rerunnable) return null;

  const openRerun = async () => {
    setNotice(null);
    try {
      const { workflow } = await client.getTask(taskId);
      const spec = workflow.nodes.find((each) => each.nodeId === node.nodeId);
      const config = (node.nodeType === 'agent' ? spec?.agentConfig : spec?.containerConfig) ?? {};
      setAsking({ kind: 'rerun', text: JSON.stringify(config, null, 2), error: null });
    } catch (error) {
      setNotice({ ok: false, text: errorMessage(t, error) });
    }
  };

  const remove = async () => {
    setAsking(null);
    try {
      const { removed } = await client.removeNode(taskId, node.nodeId);
      setNotice({ ok: true, text: t('liveEdit.node.removed', { count: removed.length }) });
    } catch (error) {
      setNotice({ ok: false, text: errorMessage(t, error) });
    }
  };

  const rerun = async (current: Extract<Asking, { kind: 'rerun' }>) => {
    const read = readJsonObject(current.text);
    if (!read.ok) return setAsking({ ...current, error: t('liveEdit.notJsonObject', { error: read.error }) });
    try {
      const result = await client.rerunNode(taskId, node.nodeId, { config: read.value });
      setAsking(null);
      setNotice({ ok: true, text: t('liveEdit.node.rerun', { count: result.nodes }) });
    } catch (error) {
      setAsking({ ...current, error: errorMessage(t, error) });
    }
  };

  return (
    <div className="node-live-actions" role="group" aria-label={t('liveEdit.node.label')}>
      {removable && (
        <button type="button" className="danger-button" data-testid="node-remove" onClick={() => setAsking({ kind: 'remove' })}>
          {t('liveEdit.node.remove')}
        </button>
      )}
      {rerunnable && (
        <button type="button" data-testid="node-rerun-edited" onClick={() => void openRerun()}>
          {t('liveEdit.node.rerunEdited')}
        </button>
      )}
      {notice && (
        <p className={notice.ok ? 'control-outcome' : 'control-outcome control-failed'} role="status" data-testid="node-live-outcome">
          {notice.text}
        </p>
      )}
      {asking?.kind === 'remove' && (
        <Dialog
          title={t('liveEdit.node.removeTitle')}
          testId="node-remove-dialog"
          onClose={() => setAsking(null)}
          actions={<DialogButtons onCancel={() => setAsking(null)} acceptLabel={t('liveEdit.node.remove')} tone="danger" testId="node-remove-confirm" onAccept={() => void remove()} />}
        >
          <p>
            {t('liveEdit.node.removeBody')} <code data-verbatim="">{node.nodeId}</code>
          </p>
        </Dialog>
      )}
      {asking?.kind === 'rerun' && (
        <Dialog
          title={t('liveEdit.node.rerunTitle')}
          testId="node-rerun-dialog"
          wide
          onClose={() => setAsking(null)}
          actions={<DialogButtons onCancel={() => setAsking(null)} acceptLabel={t('liveEdit.node.rerunEdited')} testId="node-rerun-confirm" onAccept={() => void rerun(asking)} />}
        >
          <p>{t('liveEdit.node.rerunBody')}</p>
          <label className="field">
            <span>{t('liveEdit.node.config')}</span>
            <textarea data-testid="node-rerun-config" rows={12} spellCheck={false} value={asking.text} onChange={(event) => setAsking({ ...asking, text: event.target.value, error: null })} />
          </label>
          {asking.error && (
            <p className="control-failed" role="alert" data-testid="node-rerun-error">
              {asking.error}
            </p>
          )}
        </Dialog>
      )}
    </div>
  );
}
