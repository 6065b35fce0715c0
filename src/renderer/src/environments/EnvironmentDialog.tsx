import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { EnvironmentView } from '../../../shared/environments/environments';
import { FormDialog } from '../common/FormDialog';
import { FormErrors } from './FormErrors';
import { useCatalogForm } from './use-catalog-form';
import { emptyEngine, environmentForm, parseEnvironmentForm, STRATEGIES, type EngineRow } from './model/environment-form';

/** Creates an environment, or edits one (`environment` given): its Engines, their weights and tokens, and its strategy. */
export function EnvironmentDialog({ client, environment, onSaved, onClose }: { client: ConsoleClient; environment?: EnvironmentView; onSaved: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, setForm, error, saving, apiError, submit } = useCatalogForm(
    () => environmentForm(environment),
    parseEnvironmentForm,
    { existingId: environment?.id, create: (value) => client.createEnvironment(value), update: (id, patch) => client.updateEnvironment(id, patch) },
    () => {
      onSaved();
      onClose();
    },
  );

  const setEngine = (row: number, change: Partial<EngineRow>) => setForm({ ...form, engines: form.engines.map((engine, index) => (index === row ? { ...engine, ...change } : engine)) });

  return (
    <FormDialog
      title={t(environment ? 'environments.environment.editTitle' : 'environments.environment.createTitle')}
      testId="environment-dialog"
      wide
      onClose={onClose}
      formClassName="catalog-form"
      saveLabel={t('environments.save')}
      saveTestId="environment-save"
      saving={saving}
      onSave={submit}
    >
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('environments.name')}</span>
          <input value={form.name} data-testid="environment-name" onChange={(event) => setForm({ ...form, name: event.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">{t('environments.environment.strategy')}</span>
          <select value={form.strategy} data-testid="environment-strategy" onChange={(event) => setForm({ ...form, strategy: event.target.value as (typeof STRATEGIES)[number] })}>
            {STRATEGIES.map((strategy) => (
              <option key={strategy} value={strategy}>
                {t(`environments.strategies.${strategy}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span className="field-label">{t('environments.description')}</span>
        <input value={form.description} onChange={(event) => setForm({ ...form, description: event.target.value })} />
      </label>
      <fieldset className="field-group">
        <legend>{t('environments.environment.engines')}</legend>
        <table className="catalog-engines">
          <thead>
            <tr>
              <th>{t('environments.environment.engineName')}</th>
              <th>{t('environments.environment.url')}</th>
              <th>{t('environments.environment.token')}</th>
              <th>{t('environments.environment.weight')}</th>
              <th>{t('environments.environment.skills')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {form.engines.map((engine, row) => (
              <tr key={row} data-testid="environment-engine" className={error?.row === row ? 'has-error' : undefined}>
                <td>
                  <input value={engine.name} aria-label={t('environments.environment.engineName')} onChange={(event) => setEngine(row, { name: event.target.value })} />
                </td>
                <td>
                  <input value={engine.url} placeholder="ws://host:7300" aria-label={t('environments.environment.url')} data-testid="engine-url" onChange={(event) => setEngine(row, { url: event.target.value })} />
                </td>
                <td>
                  <input type="password" value={engine.token} autoComplete="off" aria-label={t('environments.environment.token')} data-testid="engine-token" onChange={(event) => setEngine(row, { token: event.target.value })} />
                </td>
                <td>
                  <input type="number" min={1} max={1000} value={engine.weight} className="catalog-weight" aria-label={t('environments.environment.weight')} onChange={(event) => setEngine(row, { weight: event.target.value })} />
                </td>
                <td>
                  <input value={engine.skills} placeholder="gpu, linux" aria-label={t('environments.environment.skills')} title={t('environments.environment.skillsHint')} onChange={(event) => setEngine(row, { skills: event.target.value })} />
                </td>
                <td>
                  <button type="button" className="icon-button" aria-label={t('environments.environment.removeEngine')} title={t('environments.environment.removeEngine')} onClick={() => setForm({ ...form, engines: form.engines.filter((_, index) => index !== row) })}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" data-testid="environment-add-engine" onClick={() => setForm({ ...form, engines: [...form.engines, emptyEngine()] })}>
          {t('environments.environment.addEngine')}
        </button>
        <p className="field-hint">{t('environments.environment.tokenHint')}</p>
      </fieldset>
      <FormErrors error={error} apiError={apiError} />
    </FormDialog>
  );
}
