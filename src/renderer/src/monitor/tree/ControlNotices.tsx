import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../common/error-message';
import type { ControlNotice } from './use-node-controls';

/** What became of each control sent: sending, done (with a rerun's count), or the core's refusal with its code and message. */
export function ControlNotices({ notices, labelOf, onDismiss }: { notices: readonly ControlNotice[]; labelOf: (nodeId: string) => string; onDismiss: (id: number) => void }) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <div className="tree-notices" aria-live="polite">
      {notices.map((notice) => {
        const node = labelOf(notice.nodeId);
        const control = t(`tree.controls.${notice.control}`);
        return (
          <div key={notice.id} className={`tree-notice is-${notice.kind}`} role={notice.kind === 'refused' ? 'alert' : 'status'} data-testid="control-notice">
            <div className="tree-notice-text">
              {notice.kind === 'sending' && t('tree.result.sending', { control, node })}
              {notice.kind === 'done' && (notice.control === 'rerun' ? t('tree.result.rerun', { node, count: notice.count ?? 0 }) : t(`tree.result.${notice.control}`, { node }))}
              {notice.kind === 'refused' && (
                <>
                  <strong>{t('tree.result.failed', { control, node })}</strong>
                  <span>
                    {notice.code !== null && <code>{notice.code}</code>} {errorMessage(t, notice.error)}
                  </span>
                </>
              )}
            </div>
            {notice.kind !== 'sending' && (
              <button type="button" className="icon-button" aria-label={t('tree.result.dismiss')} onClick={() => onDismiss(notice.id)}>
                ×
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
