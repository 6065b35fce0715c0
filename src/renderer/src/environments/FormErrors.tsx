import { useTranslation } from 'react-i18next';
import type { FormError } from './model/environment-form';

/** What is wrong with the form as typed (`row`: which Engine), then why the host refused it, as it said it. */
export function FormErrors({ error, apiError }: { error: { error: FormError; row?: number } | null; apiError: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      {error && <p className="field-error">{t(`environments.errors.${error.error}`, { row: (error.row ?? 0) + 1 })}</p>}
      {apiError && (
        <p role="alert" className="field-error">
          {apiError}
        </p>
      )}
    </>
  );
}
