import { memo, useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { OperatorView, PendingApproval } from '../../../shared/api/operators';
import { errorMessage } from '../common/error-message';
import { useConnection } from '../shell/use-connection';

const REFRESH_MS = 5000;

/**
 * The operators who decide manual steps (their skills, supervisor or not, open steps), added
 * and removed here, and the manual steps awaiting a decision with who may decide each.
 */
export const OperatorsPanel = memo(function OperatorsPanel({ client, canEdit }: { client: ConsoleClient; canEdit: boolean }) {
  const { t } = useTranslation();
  const [operators, setOperators] = useState<OperatorView[]>([]);
  const [pending, setPending] = useState<PendingApproval[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [skills, setSkills] = useState('');
  const [supervisor, setSupervisor] = useState(false);

  const refresh = useCallback(() => {
    Promise.all([client.listOperators(), client.listPendingApprovals()]).then(
      ([listed, steps]) => {
        setOperators(listed);
        setPending(steps);
        setError(null);
      },
      (failure: unknown) => setError(errorMessage(t, failure)),
    );
  }, [client, t]);
  // Read again at once when the host comes back, so a failure from while it was away does not linger.
  const connected = useConnection().phase === 'connected';
  useEffect(() => {
    if (!connected) return;
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh, connected]);

  const act = (action: Promise<unknown>) =>
    action.then(
      () => {
        setError(null);
        refresh();
      },
      (failure: unknown) => setError(errorMessage(t, failure)),
    );
  const add = (event: FormEvent) => {
    event.preventDefault();
    const tags = skills.split(/[\s,]+/).filter((tag) => tag !== '');
    void act(client.saveOperator({ name: name.trim(), skills: tags, supervisor })).then(() => {
      setName('');
      setSkills('');
      setSupervisor(false);
    });
  };

  return (
    <section className="engine-health" data-testid="operators" aria-labelledby="operators-title">
      <header className="engine-health-header">
        <h2 id="operators-title">{t('engines.operators.title')}</h2>
      </header>
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      {operators.length === 0 ? (
        <p className="muted engine-empty">{t('engines.operators.none')}</p>
      ) : (
        <ul className="operator-list">
          {operators.map((operator) => (
            <li key={operator.name} data-testid="operator">
              <strong>{operator.name}</strong>
              {operator.supervisor && <span className="muted"> · {t('engines.operators.supervisor')}</span>}
              <span className="muted"> · {operator.skills.length === 0 ? t('engines.operators.noSkills') : operator.skills.join(', ')}</span>
              <span className="muted"> · {t('engines.operators.open', { count: operator.openSteps })}</span>{' '}
              {canEdit && (
                <button type="button" className="link-button" onClick={() => void act(client.removeOperator(operator.name))}>
                  {t('engines.operators.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="operator-form" onSubmit={add} data-testid="operator-form">
          <input value={name} required maxLength={200} placeholder={t('engines.operators.name')} aria-label={t('engines.operators.name')} onChange={(event) => setName(event.target.value)} />
          <input value={skills} placeholder={t('engines.operators.skills')} aria-label={t('engines.operators.skills')} onChange={(event) => setSkills(event.target.value)} />
          <label>
            <input type="checkbox" checked={supervisor} onChange={(event) => setSupervisor(event.target.checked)} /> {t('engines.operators.supervisor')}
          </label>
          <button type="submit" disabled={name.trim() === ''}>
            {t('engines.operators.add')}
          </button>
        </form>
      )}
      <h3 className="operator-pending-title">{t('engines.operators.pending')}</h3>
      {pending.length === 0 ? (
        <p className="muted engine-empty">{t('engines.operators.noPending')}</p>
      ) : (
        <ul className="operator-list" data-testid="pending-approvals">
          {pending.map((step) => (
            <li key={`${step.taskId}/${step.nodeId}`}>
              <strong data-verbatim="">{step.nodeName ?? step.nodeId}</strong>{' '}
              <span className="muted">
                · <span data-verbatim="">{step.taskName}</span>
              </span>{' '}
              <span>
                ·{' '}
                {step.assignee !== null
                  ? t('engines.operators.assignedTo', { assignee: step.assignee })
                  : step.requiredSkills.length > 0
                    ? t('engines.operators.supervisorOnly', { skills: step.requiredSkills.join(', ') })
                    : t('engines.operators.anyone')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
