import { useTranslation } from 'react-i18next';
import { configFields, missingConfigFields } from '../model/config-schema';

/** The fields an agent's manifest expects, beside the JSON editor of its config. */
export function ConfigSchemaHint({ schema, config }: { schema: Record<string, unknown> | undefined; config: Record<string, unknown> | undefined }) {
  const { t } = useTranslation();
  const fields = configFields(schema);
  if (fields.length === 0) return null;
  const missing = new Set(missingConfigFields(schema, config));
  return (
    <div className="config-hint" data-testid="config-schema-hint">
      <span className="field-label">{t('inspector.configExpected')}</span>
      <ul>
        {fields.map((field) => (
          <li key={field.name} className={missing.has(field.name) ? 'is-missing' : ''}>
            <code>{field.name}</code>
            {field.type && <span className="muted"> : {field.type}</span>}
            {field.required && <span className="config-required"> {t('inspector.required')}</span>}
            {field.choices && <span className="muted"> ({field.choices.map((choice) => JSON.stringify(choice)).join(' | ')})</span>}
            {field.defaultValue !== undefined && <span className="muted"> = {JSON.stringify(field.defaultValue)}</span>}
            {field.description && <div className="muted">{field.description}</div>}
          </li>
        ))}
      </ul>
      {missing.size > 0 && (
        <p className="field-error" role="status">
          {t('inspector.configMissing', { fields: [...missing].join(', ') })}
        </p>
      )}
    </div>
  );
}
