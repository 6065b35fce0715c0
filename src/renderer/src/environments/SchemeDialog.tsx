import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { SchemeView } from '../../../shared/environments/schemes';
import { FormDialog } from '../common/FormDialog';
import { useSaving } from '../common/use-saving';
import { ApiError } from './ApiError';
import { parseSchemeForm, schemeForm, type FormError } from './model/environment-form';

/** Creates a scheme, or edits one (`scheme` given). */
export function SchemeDialog({ client, scheme, onSaved, onClose }: { client: ConsoleClient; scheme?: SchemeView; onSaved: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => schemeForm(scheme));
  const [error, setError] = useState<FormError | null>(null);
  const { saving, apiError, save } = useSaving();

  const submit = () => {
    const parsed = parseSchemeForm(form);
    if (!parsed.ok) return setError(parsed.error);
    setError(null);
    void save(async () => {
      if (scheme) await client.updateScheme(scheme.id, { ...parsed.value, description: parsed.value.description || null });
      else await client.createScheme(parsed.value);
      onSaved();
      onClose();
    });
  };

  return (
    <FormDialog
      title={t(scheme ? 'environments.scheme.editTitle' : 'environments.scheme.createTitle')}
      testId="scheme-dialog"
      onClose={onClose}
      formClassName="catalog-form"
      saveLabel={t('environments.save')}
      saveTestId="scheme-save"
      saving={saving}
      onSave={submit}
    >
      <label className="field">
        <span className="field-label">{t('environments.name')}</span>
        <input value={form.name} data-testid="scheme-name" aria-invalid={error === 'nameRequired' ? true : undefined} onChange={(event) => setForm({ ...form, name: event.target.value })} />
      </label>
      <label className="field">
        <span className="field-label">{t('environments.description')}</span>
        <input value={form.description} onChange={(event) => setForm({ ...form, description: event.target.value })} />
      </label>
      <label className="field">
        <span className="field-label">{t('environments.scheme.config')}</span>
        <textarea rows={5} value={form.config} spellCheck={false} aria-invalid={error === 'configInvalid' ? true : undefined} onChange={(event) => setForm({ ...form, config: event.target.value })} />
        <span className="field-hint">{t('environments.scheme.configHint')}</span>
      </label>
      {error && <p className="field-error">{t(`environments.errors.${error}`)}</p>}
      <ApiError error={apiError} />
    </FormDialog>
  );
}
