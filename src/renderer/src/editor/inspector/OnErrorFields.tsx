import { useTranslation } from 'react-i18next';
import { ON_ERROR_ACTIONS, type OnErrorAction, type OnErrorRule } from '../../../../shared/workflow/definition';
import { addRule, removeRule, setRuleAction, setRuleCode, setRuleHandler, setRuleRetries } from '../model/on-error-rules';

interface OnErrorFieldsProps {
  rules: readonly OnErrorRule[] | undefined;
  /** The agents a handler rule may name. */
  handlers: readonly string[];
  onChange: (rules: OnErrorRule[] | undefined) => void;
  testId: string;
  /** The legend: a node's own rules or the workflow's default list. */
  title: string;
}

/** The recovery rules table: error code pattern, action, and the retry budget or handler node the action needs. */
export function OnErrorFields({ rules, handlers, onChange, testId, title }: OnErrorFieldsProps) {
  const { t } = useTranslation();
  const list = rules ?? [];
  return (
    <fieldset className="field-group" data-testid={testId}>
      <legend>{title}</legend>
      {list.length === 0 ? (
        <p className="muted">{t('inspector.onError.none')}</p>
      ) : (
        <table className="on-error-table">
          <thead>
            <tr>
              <th>{t('inspector.onError.code')}</th>
              <th>{t('inspector.onError.action')}</th>
              <th>{t('inspector.onError.detail')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((rule, index) => (
              <tr key={index} data-testid={`${testId}-rule-${index}`}>
                <td>
                  <input value={rule.code} spellCheck={false} aria-label={t('inspector.onError.code')} placeholder="TIMEOUT, HTTP_*, *" data-testid={`${testId}-code-${index}`} onChange={(event) => onChange(setRuleCode(list, index, event.target.value))} />
                </td>
                <td>
                  <select value={rule.action} aria-label={t('inspector.onError.action')} data-testid={`${testId}-action-${index}`} onChange={(event) => onChange(setRuleAction(list, index, event.target.value as OnErrorAction, handlers[0]))}>
                    {ON_ERROR_ACTIONS.map((action) => (
                      <option key={action} value={action}>
                        {t(`inspector.onError.actions.${action}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {rule.action === 'retry' && (
                    <input
                      type="number"
                      min={1}
                      max={100}
                      value={rule.maxRetries ?? ''}
                      aria-label={t('inspector.onError.maxRetries')}
                      title={t('inspector.onError.maxRetries')}
                      data-testid={`${testId}-retries-${index}`}
                      onChange={(event) => {
                        const value = Number(event.target.value);
                        onChange(setRuleRetries(list, index, event.target.value === '' || !Number.isInteger(value) || value < 0 || value > 100 ? undefined : value));
                      }}
                    />
                  )}
                  {rule.action === 'handler' && (
                    <select value={rule.handlerNodeId ?? ''} aria-label={t('inspector.onError.handler')} data-testid={`${testId}-handler-${index}`} onChange={(event) => onChange(setRuleHandler(list, index, event.target.value === '' ? undefined : event.target.value))}>
                      <option value="">{t('inspector.onError.chooseHandler')}</option>
                      {[...new Set([...handlers, ...(rule.handlerNodeId ? [rule.handlerNodeId] : [])])].map((id) => (
                        <option key={id} value={id}>
                          {id}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td>
                  <button type="button" className="link-button" title={t('inspector.onError.remove')} aria-label={t('inspector.onError.remove')} data-testid={`${testId}-remove-${index}`} onClick={() => onChange(removeRule(list, index))}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" data-testid={`${testId}-add`} onClick={() => onChange(addRule(rules))}>
        {t('inspector.onError.add')}
      </button>
      <p className="muted">{t('inspector.onError.help')}</p>
    </fieldset>
  );
}
