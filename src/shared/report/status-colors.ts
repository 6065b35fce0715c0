import type { ExecutionStatus, NodeStatus, TaskStatus } from '../status';

/**
 * Status colours of the exported report. The file stands alone (no theme variables, often
 * printed on white), so it carries fixed colours that read on paper and in grey.
 */
export const REPORT_STATUS_COLORS: Readonly<Record<NodeStatus | TaskStatus | ExecutionStatus, string>> = {
  pending: '#9e9e9e',
  waiting: '#8d6e63',
  ready: '#00838f',
  initializing: '#5e35b1',
  running: '#1565c0',
  paused: '#f9a825',
  completed: '#2e7d32',
  failed: '#c62828',
  stopped: '#546e7a',
  skipped: '#bdbdbd',
  timeout: '#ef6c00',
  held: '#ad1457',
};
