import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPath, formatPlace, type Problem } from '../../../../shared/workflow/problems';
import { problemMessage, problemTitle } from '../../common/problem-text';

interface ProblemsPanelProps {
  problems: readonly Problem[];
  onSelect: (problem: Problem) => void;
}

/** Every problem of the live validation; a click selects and shows what it is about. */
export function ProblemsPanel({ problems, onSelect }: ProblemsPanelProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section className={`problems-panel ${open ? 'is-open' : ''}`} aria-label={t('problems.title')} data-testid="problems-panel">
      <button type="button" className="problems-header" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="problems-toggle">
        <span className="problems-caret" aria-hidden>
          {open ? '▾' : '▸'}
        </span>
        <span className="panel-title">{t('problems.title')}</span>
        <span className={`problems-summary ${errors > 0 ? 'has-error' : warnings > 0 ? 'has-warning' : 'is-clean'}`} data-testid="problems-summary">
          {problems.length === 0 ? t('problems.none') : t('problems.summary', { errors: t('problems.errors', { count: errors }), warnings: t('problems.warnings', { count: warnings }) })}
        </span>
      </button>
      {open && problems.length > 0 && <ProblemList problems={problems} onSelect={onSelect} testId="problems-list" />}
    </section>
  );
}

export function ProblemList({ problems, onSelect, testId }: ProblemsPanelProps & { testId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="problem-list" data-testid={testId}>
      {problems.map((problem, index) => (
        <li key={`${problem.code}-${formatPath(problem.path)}-${index}`}>
          <button type="button" className={`problem-item problem-${problem.severity}`} onClick={() => onSelect(problem)} data-testid="problem-item">
            <span className="problem-severity">{t(`problems.severity.${problem.severity}`)}</span>
            <span className="problem-title">{problemTitle(t, problem)}</span>
            <span className="problem-message">{problemMessage(t, problem)}</span>
            <code className="problem-path" title={formatPath(problem.path)}>
              {formatPlace(problem)}
            </code>
          </button>
        </li>
      ))}
    </ul>
  );
}
