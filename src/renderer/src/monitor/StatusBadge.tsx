import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeStatus, TaskStatus } from '../../../shared/status';
import './status-badge.css';

/** A status as colour, a shape that reads without colour, and its translated name. */
export const StatusBadge = memo(function StatusBadge({ status, large = false }: { status: TaskStatus | NodeStatus; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-${status}${large ? ' status-badge-large' : ''}`} data-status={status}>
      {t(`monitor.status.${status}`)}
    </span>
  );
});
