import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-message';

/**
 * A dialog's save: while it runs the save button is disabled; if it fails, the reason is kept to
 * show and the user may try again. On success `saving` stays set, as the dialog is closing.
 */
export function useSaving() {
  const { t } = useTranslation();
  const [apiError, setApiError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async (work: () => Promise<void>) => {
    setApiError(null);
    setSaving(true);
    try {
      await work();
    } catch (failure) {
      setApiError(errorMessage(t, failure));
      setSaving(false);
    }
  };
  return { saving, apiError, save };
}
