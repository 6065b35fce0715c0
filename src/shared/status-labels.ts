import type { ExecutionStatus, NodeStatus, TaskStatus } from './status';

export type StatusLabelLanguage = 'en' | 'zh-CN';
export type LabelledStatus = NodeStatus | TaskStatus | ExecutionStatus;

/**
 * What each status is called, in each language, written once: the window's `monitor.status`
 * keys and the report's status words both come from here, so that one status never reads two
 * ways (it once read 待定 in the window and 待处理 in the report).
 */
export const STATUS_LABELS: Readonly<Record<StatusLabelLanguage, Readonly<Record<LabelledStatus, string>>>> = {
  en: {
    pending: 'Pending',
    waiting: 'Waiting',
    ready: 'Ready',
    initializing: 'Initializing',
    running: 'Running',
    paused: 'Paused',
    completed: 'Completed',
    failed: 'Failed',
    stopped: 'Stopped',
    skipped: 'Skipped',
    timeout: 'Timed out',
    held: 'Held',
  },
  'zh-CN': {
    pending: '待定',
    waiting: '等待中',
    ready: '就绪',
    initializing: '初始化中',
    running: '运行中',
    paused: '已暂停',
    completed: '已完成',
    failed: '失败',
    stopped: '已停止',
    skipped: '已跳过',
    timeout: '已超时',
    held: '已挂起',
  },
};
