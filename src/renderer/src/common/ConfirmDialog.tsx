import { Dialog, DialogButtons } from './Dialog';

export function ConfirmDialog({ title, body, confirmLabel, onConfirm, onClose }: { title: string; body: string; confirmLabel: string; onConfirm: () => void; onClose: () => void }) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId="confirm-dialog"
      actions={
        <DialogButtons
          onCancel={onClose}
          acceptLabel={confirmLabel}
          tone="danger"
          testId="confirm-accept"
          onAccept={() => {
            onClose();
            onConfirm();
          }}
        />
      }
    >
      <p>{body}</p>
    </Dialog>
  );
}
