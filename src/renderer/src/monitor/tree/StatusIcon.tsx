import { memo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeStatus } from '../../../../shared/status';
import type { EdgeState } from '../../../../shared/task/nodes';

/*
 * One shape per status, so that statuses read apart without colour (colour-blind operators,
 * a grey wall screen): hollow circle, hourglass, hollow triangle, half circle, filled
 * triangle, check, cross, square, skip arrow, pause bars.
 */
const SHAPES: Record<NodeStatus, ReactElement> = {
  pending: <circle cx="8" cy="8" r="5.5" fill="none" strokeWidth="1.6" />,
  waiting: <path d="M4.5 2.5h7M4.5 13.5h7M5 2.5c0 3.5 6 3.5 6 0M5 13.5c0-3.5 6-3.5 6 0" fill="none" strokeWidth="1.5" strokeLinecap="round" />,
  ready: <path d="M5 3.2v9.6L12.6 8z" fill="none" strokeWidth="1.5" strokeLinejoin="round" />,
  initializing: (
    <>
      <circle cx="8" cy="8" r="5.5" fill="none" strokeWidth="1.5" />
      <path d="M8 2.5a5.5 5.5 0 0 1 0 11z" stroke="none" />
    </>
  ),
  running: <path d="M4.5 2.5v11L13 8z" stroke="none" />,
  completed: <path d="M3 8.5l3.2 3.2L13 4.5" fill="none" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />,
  failed: <path d="M4 4l8 8M12 4l-8 8" fill="none" strokeWidth="2.2" strokeLinecap="round" />,
  stopped: <rect x="3.5" y="3.5" width="9" height="9" rx="1" stroke="none" />,
  skipped: <path d="M2.5 11.5c1-5 7-6.5 10-2.5M12.5 5v4h-4" fill="none" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />,
  held: (
    <>
      <rect x="4" y="3" width="3" height="10" rx="0.5" stroke="none" />
      <rect x="9" y="3" width="3" height="10" rx="0.5" stroke="none" />
    </>
  ),
};

/** A status as a coloured shape with its name for screen readers and on hover. */
export const StatusIcon = memo(function StatusIcon({ status }: { status: NodeStatus }) {
  const { t } = useTranslation();
  const label = t(`monitor.status.${status}`);
  return (
    <svg className="tree-status-icon" viewBox="0 0 16 16" role="img" aria-label={label} style={{ color: `var(--status-${status})` }} fill="currentColor" stroke="currentColor">
      <title>{label}</title>
      {SHAPES[status]}
    </svg>
  );
});

/* A dependency's own state, never its source's status: check, hollow circle, barred circle. */
const EDGE_SHAPES: Record<EdgeState, ReactElement> = {
  satisfied: <path d="M3 8.5l3.2 3.2L13 4.5" fill="none" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />,
  pending: <circle cx="8" cy="8" r="5.5" fill="none" strokeWidth="1.6" strokeDasharray="2.2 1.8" />,
  unsatisfiable: (
    <>
      <circle cx="8" cy="8" r="5.5" fill="none" strokeWidth="1.6" />
      <path d="M4.2 11.8l7.6-7.6" fill="none" strokeWidth="1.6" strokeLinecap="round" />
    </>
  ),
};

const EDGE_COLORS: Record<EdgeState, string> = { satisfied: 'var(--ok)', pending: 'var(--fg-muted)', unsatisfiable: 'var(--danger)' };

/** Whether a dependency is satisfied, still pending, or can never be satisfied, as a shape and its word. */
export const EdgeStateIcon = memo(function EdgeStateIcon({ state }: { state: EdgeState }) {
  const { t } = useTranslation();
  const label = t(`tree.detail.edgeState.${state}`);
  return (
    <svg className="tree-status-icon" viewBox="0 0 16 16" role="img" aria-label={label} style={{ color: EDGE_COLORS[state] }} fill="currentColor" stroke="currentColor" data-edge-state={state}>
      <title>{label}</title>
      {EDGE_SHAPES[state]}
    </svg>
  );
});
