import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { SchemeView } from '../../../shared/environments/schemes';
import { FormDialog } from '../common/FormDialog';
import { FormErrors } from './FormErrors';
import { useCatalogForm } from './use-catalog-form';
import { parseSchemeForm, schemeForm } from './model/environment-form';

/** Creates a scheme, or edits one (`scheme` given). */
export function SchemeDialog({ client, scheme, onSaved, onClose }: { client: ConsoleClient; scheme?: SchemeView; onSaved: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, setForm, error, saving, apiError, submit } = useCatalogForm(
    () => schemeForm(scheme),
    parseSchemeForm,
    { existingId: scheme?.id, create: (value) => client.createScheme(value), update: (id, patch) => client.updateScheme(id, patch) },
    () => {
      onSaved();
      onClose();
    },
  );

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
        <input value={form.name} data-testid="scheme-name" aria-invalid={error?.error === 'nameRequired' ? true : undefined} onChange={(event) => setForm({ ...form, name: event.target.value })} />
      </label>
      <label className="field">
        <span className="field-label">{t('environments.description')}</span>
        <input value={form.description} onChange={(event) => setForm({ ...form, description: event.target.value })} />
      </label>
      <label className="field">
        <span className="field-label">{t('environments.scheme.config')}</span>
        <textarea rows={5} value={form.config} spellCheck={false} aria-invalid={error?.error === 'configInvalid' ? true : undefined} onChange={(event) => setForm({ ...form, config: event.target.value })} />
        <span className="field-hint">{t('environments.scheme.configHint')}</span>
      </label>
      <FormErrors error={error} apiError={apiError} />
    </FormDialog>
  );
}
