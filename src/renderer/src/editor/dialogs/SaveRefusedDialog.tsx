import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../../shared/workflow/problems';
import { ProblemList } from '../problems/ProblemsPanel';
import { Dialog } from '../../common/Dialog';

/** Why an invalid workflow was not saved or started: its errors, each a link to the element. */
export function RefusedDialog({ action, problems, onSelect, onClose }: { action: 'save' | 'start'; problems: readonly Problem[]; onSelect: (problem: Problem) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const errors = problems.filter((problem) => problem.severity === 'error');
  return (
    <Dialog
      title={t(action === 'save' ? 'refused.saveTitle' : 'refused.startTitle')}
      onClose={onClose}
      testId="refused-dialog"
      wide
      actions={
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <p>{t('refused.body', { count: errors.length })}</p>
      <ProblemList
        problems={errors}
        testId="refused-problems"
        onSelect={(problem) => {
          onSelect(problem);
          onClose();
        }}
      />
    </Dialog>
  );
}
