import type { ReactNode } from 'react';
import { Dialog, DialogButtons } from './Dialog';

interface FormDialogProps {
  title: string;
  testId: string;
  wide?: boolean;
  onClose: () => void;
  formClassName: string;
  saveLabel: string;
  saveTestId: string;
  cancelLabel?: string;
  /** Disables the save button while a save runs. */
  saving: boolean;
  onSave: () => void;
  children: ReactNode;
}

/** A dialog around one form: Enter in a field or the save button submits it, Cancel closes. */
export function FormDialog({ title, testId, wide, onClose, formClassName, saveLabel, saveTestId, cancelLabel, saving, onSave, children }: FormDialogProps) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId={testId}
      wide={wide ?? false}
      actions={<DialogButtons onCancel={onClose} {...(cancelLabel ? { cancelLabel } : {})} acceptLabel={saveLabel} disabled={saving} testId={saveTestId} onAccept={onSave} />}
    >
      <form
        className={formClassName}
        onSubmit={(event) => {
          event.preventDefault();
          onSave();
        }}
      >
        {children}
      </form>
    </Dialog>
  );
}
