import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeView } from '../../../../shared/task/nodes';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { Dialog, DialogButtons } from '../../common/Dialog';
import type { NodeControl } from './model/available-controls';

interface ControlDialogProps {
  control: NodeControl;
  node: NodeView;
  /** How many nodes a rerun from this node would cover, by the tree's own count. */
  rerunEstimate: number;
  onConfirm: (text?: string) => void;
  onClose: () => void;
}

export function nodeLabel(node: Pick<NodeView, 'name' | 'nodeId'>): string {
  return node.name ?? node.nodeId;
}

/** Asks before a control is sent: a plain confirmation, or one with a reason or comment to record. */
export function ControlDialog({ control, node, rerunEstimate, onConfirm, onClose }: ControlDialogProps) {
  const { t } = useTranslation();
  const label = nodeLabel(node);
  switch (control) {
    case 'restart':
      return <ConfirmDialog title={t('tree.confirm.restartTitle', { node: label })} body={t('tree.confirm.restartBody')} confirmLabel={t('tree.controls.restart')} onConfirm={() => onConfirm()} onClose={onClose} />;
    case 'skip':
      return <ConfirmDialog title={t('tree.confirm.skipTitle', { node: label })} body={t('tree.confirm.skipBody')} confirmLabel={t('tree.controls.skip')} onConfirm={() => onConfirm()} onClose={onClose} />;
    case 'rerun':
      return (
        <ConfirmDialog
          title={t('tree.confirm.rerunTitle', { node: label })}
          body={t('tree.confirm.rerunBody', { count: rerunEstimate })}
          confirmLabel={t('tree.controls.rerun')}
          onConfirm={() => onConfirm()}
          onClose={onClose}
        />
      );
    case 'hold':
      return <TextDialog title={t('tree.confirm.holdTitle', { node: label })} body={t('tree.confirm.holdBody')} field={t('tree.confirm.reason')} confirmLabel={t('tree.controls.hold')} onConfirm={onConfirm} onClose={onClose} />;
    case 'release':
      return <ConfirmDialog title={t('tree.confirm.releaseTitle', { node: label })} body={t('tree.confirm.releaseBody')} confirmLabel={t('tree.controls.release')} onConfirm={() => onConfirm()} onClose={onClose} />;
    case 'stop':
      return <TextDialog title={t('tree.confirm.stopTitle', { node: label })} body={t('tree.confirm.stopBody')} field={t('tree.confirm.reason')} confirmLabel={t('tree.controls.stop')} danger onConfirm={onConfirm} onClose={onClose} />;
    case 'approve':
      return <TextDialog title={t('tree.confirm.approveTitle', { node: label })} body={t('tree.confirm.approveBody')} field={t('tree.confirm.comment')} confirmLabel={t('tree.controls.approve')} onConfirm={onConfirm} onClose={onClose} />;
    case 'reject':
      return <TextDialog title={t('tree.confirm.rejectTitle', { node: label })} body={t('tree.confirm.rejectBody')} field={t('tree.confirm.rejectComment')} confirmLabel={t('tree.controls.reject')} danger onConfirm={onConfirm} onClose={onClose} />;
  }
}

function TextDialog({ title, body, field, confirmLabel, danger, onConfirm, onClose }: { title: string; body: string; field: string; confirmLabel: string; danger?: boolean; onConfirm: (text: string) => void; onClose: () => void }) {
  const [text, setText] = useState('');
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId="control-dialog"
      actions={<DialogButtons onCancel={onClose} acceptLabel={confirmLabel} tone={danger ? 'danger' : 'primary'} testId="confirm-accept" onAccept={() => onConfirm(text)} />}
    >
      <p>{body}</p>
      <label className="tree-dialog-field">
        <span>{field}</span>
        <textarea rows={3} maxLength={1000} value={text} onChange={(event) => setText(event.target.value)} />
      </label>
    </Dialog>
  );
}
