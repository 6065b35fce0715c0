import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../../shared/workflow/problems';
import { problemTooltip } from '../../common/problem-text';

/** The count of a node's or an edge's problems, coloured by the worst of them. */
export function ProblemBadge({ problems, severity }: { problems: readonly Problem[]; severity: 'error' | 'warning' | undefined }) {
  const { t } = useTranslation();
  if (!severity || problems.length === 0) return null;
  return (
    <span className={`problem-badge problem-badge-${severity}`} title={problemTooltip(t, problems)} aria-label={t('problems.count', { count: problems.length })} data-testid="problem-badge">
      {severity === 'error' ? '!' : '⚠'} {problems.length}
    </span>
  );
}
