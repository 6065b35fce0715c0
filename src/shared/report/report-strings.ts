import type { Recommendation, RiskLevel } from '../alerts/task-analysis';
import type { ExecutionStatus, LogLevel, NodeKind, NodeStatus, NodeType, TaskStatus } from '../status';
import type { DurationUnits } from '../format/duration';
import type { ReportLanguage } from './run-report';
import { NODE_REASON } from '../task/reasons';
import { STATUS_LABELS } from '../status-labels';

/**
 * The words of an exported report, in each language the report speaks. The report is a file
 * written by the core (HTML, PDF, CSV), outside the window's i18next, so its text lives here;
 * the type keeps both languages complete.
 */
export interface ReportStrings {
  /** The document's language tag. */
  lang: string;
  /** `{name}` is the task's name. */
  title: string;
  generatedAt: string;
  timesIn: string;
  none: string;
  sections: Record<'summary' | 'counters' | 'resources' | 'timeline' | 'failures' | 'retries' | 'recoveries' | 'operatorActions' | 'nodes', string>;
  fields: Record<
    | 'taskId'
    | 'status'
    | 'createdBy'
    | 'createdAt'
    | 'startTime'
    | 'endTime'
    | 'duration'
    | 'engines'
    | 'error'
    | 'node'
    | 'name'
    | 'type'
    | 'kind'
    | 'parent'
    | 'level'
    | 'attempts'
    | 'engine'
    | 'agentLoad'
    | 'agentMetaId'
    | 'agentUrl'
    | 'containerType'
    | 'envConfig'
    | 'bizValue'
    | 'description'
    | 'engineTaskId'
    | 'engineUrl'
    | 'errorCode'
    | 'errorMessage'
    | 'peakCpu'
    | 'peakMemory'
    | 'peakMemoryBytes'
    | 'queued'
    | 'queueTimeMs'
    | 'meanCpu'
    | 'meanMemoryMb'
    | 'inside'
    | 'insideTotal'
    | 'insideCompleted'
    | 'durationMs'
    | 'batch'
    | 'time'
    | 'operator'
    | 'change'
    | 'reason'
    | 'logLevel'
    | 'message'
    | 'outcomes',
    string
  >;
  counters: Record<'totalNodes' | 'agents' | 'containers' | 'completed' | 'failed' | 'running' | 'skipped' | 'stopped' | 'executions' | 'retriedNodes', string>;
  health: Record<'title' | 'score' | 'performance' | 'risk' | 'failureRate' | 'recommendations', string>;
  risk: Record<RiskLevel, string>;
  recommendations: Record<Recommendation, string>;
  resources: Record<'taskPeakCpu' | 'taskPeakMemory' | 'topCpu' | 'topMemory' | 'noSamples', string>;
  /** Templates: `{shown}` and `{total}` are replaced. */
  notes: Record<
    | 'timelineTruncated'
    | 'failuresTruncated'
    | 'retriesTruncated'
    | 'actionsTruncated'
    | 'nodesTruncated'
    | 'logsShown'
    | 'noFailures'
    | 'noRetries'
    | 'noActions'
    | 'noTimeline'
    | 'noLogs'
    | 'stillRunning',
    string
  >;
  status: Record<NodeStatus | TaskStatus | ExecutionStatus, string>;
  nodeTypes: Record<NodeType, string>;
  nodeKinds: Record<NodeKind, string>;
  logLevels: Record<LogLevel, string>;
  units: DurationUnits;
  /** What an onError rule made of a node (RECOVERY_CODES), by the code it leaves on the node. */
  recoveries: Record<RecoveryCode, string>;
}

/** The node error codes that say an onError rule decided how the node ended. */
export const RECOVERY_CODES = [NODE_REASON.recovered, NODE_REASON.skippedByRule, NODE_REASON.escalated] as const;
export type RecoveryCode = (typeof RECOVERY_CODES)[number];

const en: ReportStrings = {
  lang: 'en',
  title: 'Run report: {name}',
  generatedAt: 'Generated',
  timesIn: 'Times in',
  none: '—',
  sections: {
    summary: 'Summary',
    counters: 'Counters',
    resources: 'Resource peaks',
    timeline: 'Timeline',
    failures: 'Failures',
    retries: 'Retries and reruns',
    recoveries: 'Recovery rules',
    operatorActions: 'Operator actions',
    nodes: 'Nodes',
  },
  fields: {
    taskId: 'Task ID',
    status: 'Status',
    createdBy: 'Created by',
    createdAt: 'Created',
    startTime: 'Started',
    endTime: 'Ended',
    duration: 'Duration',
    engines: 'Engines',
    error: 'Error',
    node: 'Node',
    name: 'Name',
    type: 'Type',
    kind: 'Kind',
    parent: 'Parent',
    level: 'Depth',
    attempts: 'Attempts',
    engine: 'Engine',
    agentLoad: 'Agent',
    agentMetaId: 'Agent meta id',
    agentUrl: 'Agent URL',
    containerType: 'Container type',
    envConfig: 'Environment config',
    bizValue: 'Business values',
    description: 'Description',
    engineTaskId: 'Engine task id',
    engineUrl: 'Engine URL',
    errorCode: 'Error code',
    errorMessage: 'Error message',
    peakCpu: 'Peak CPU',
    peakMemory: 'Peak memory',
    peakMemoryBytes: 'Peak memory (bytes)',
    queued: 'Queued',
    queueTimeMs: 'Queue time (ms)',
    meanCpu: 'Mean CPU',
    meanMemoryMb: 'Mean memory (MB)',
    inside: 'Completed inside',
    insideTotal: 'Nodes inside',
    insideCompleted: 'Nodes inside completed',
    durationMs: 'Duration (ms)',
    batch: 'Attempt',
    time: 'Time',
    operator: 'Operator',
    change: 'Change',
    reason: 'Reason',
    logLevel: 'Level',
    message: 'Message',
    outcomes: 'Outcome of each attempt',
  },
  health: { title: 'Health', score: 'Health score', performance: 'Performance score', risk: 'Risk level', failureRate: 'Failure rate', recommendations: 'Recommendations' },
  risk: { low: 'Low', medium: 'Medium', high: 'High' },
  recommendations: { checkErrorLogs: 'Check the error logs and troubleshoot the failures.', optimizeOrAddResources: 'Optimize the flow or add resources.' },
  counters: {
    totalNodes: 'Nodes',
    agents: 'Agents',
    containers: 'Containers',
    completed: 'Completed',
    failed: 'Failed',
    running: 'Running',
    skipped: 'Skipped',
    stopped: 'Stopped',
    executions: 'Executions',
    retriedNodes: 'Nodes run more than once',
  },
  resources: {
    taskPeakCpu: 'Task peak CPU (all nodes together)',
    taskPeakMemory: 'Task peak memory (all nodes together)',
    topCpu: 'Highest CPU',
    topMemory: 'Highest memory',
    noSamples: 'No resource samples were recorded for this task.',
  },
  notes: {
    timelineTruncated: 'Showing the first {shown} of {total} agents to start.',
    failuresTruncated: 'Showing {shown} of {total} failed nodes with their logs.',
    retriesTruncated: 'Showing {shown} of {total} nodes that ran more than once.',
    actionsTruncated: 'Showing the first {shown} of {total} operator actions.',
    nodesTruncated: 'Showing {shown} of {total} nodes; the CSV export lists them all.',
    logsShown: 'The last {shown} warning and error lines.',
    noFailures: 'No node failed.',
    noRetries: 'Every node ran at most once.',
    noActions: 'No operator acted on this task.',
    noTimeline: 'No agent has started yet.',
    noLogs: 'No warning or error lines were logged.',
    stillRunning: 'The task had not ended when this report was made; figures are as of that moment.',
  },
  status: STATUS_LABELS.en,
  nodeTypes: { container: 'Container', agent: 'Agent' },
  nodeKinds: { manual: 'Manual task', script: 'Script task', api_call: 'API call', decision: 'Decision', parallel: 'Parallel' },
  logLevels: { debug: 'Debug', info: 'Info', warn: 'Warning', error: 'Error', critical: 'Critical' },
  units: { ms: 'ms', s: 's', min: 'min', h: 'h', d: 'd' },
  recoveries: { RECOVERED: 'recovered by its handler', SKIPPED_BY_RULE: 'skipped by a rule', ESCALATED: 'failed and escalated' },
};

const zhCN: ReportStrings = {
  lang: 'zh-CN',
  title: '运行报告：{name}',
  generatedAt: '生成时间',
  timesIn: '时区',
  none: '—',
  sections: {
    summary: '概要',
    counters: '统计',
    resources: '资源峰值',
    timeline: '时间线',
    failures: '失败',
    retries: '重试与重跑',
    recoveries: '失败处理规则',
    operatorActions: '操作员操作',
    nodes: '节点',
  },
  fields: {
    taskId: '任务 ID',
    status: '状态',
    createdBy: '创建者',
    createdAt: '创建时间',
    startTime: '开始时间',
    endTime: '结束时间',
    duration: '耗时',
    engines: '引擎',
    error: '错误',
    node: '节点',
    name: '名称',
    type: '类型',
    kind: '种类',
    parent: '父节点',
    level: '层级',
    attempts: '执行次数',
    engine: '引擎',
    agentLoad: '智能体',
    agentMetaId: '智能体元数据 ID',
    agentUrl: '智能体下载地址',
    containerType: '容器类型',
    envConfig: '环境配置',
    bizValue: '业务参数',
    description: '任务描述',
    engineTaskId: '引擎侧任务 ID',
    engineUrl: 'Engine 地址',
    errorCode: '错误码',
    errorMessage: '错误信息',
    peakCpu: 'CPU 峰值',
    peakMemory: '内存峰值',
    peakMemoryBytes: '内存峰值（字节）',
    queued: '排队',
    queueTimeMs: '排队时间（毫秒）',
    meanCpu: 'CPU 平均',
    meanMemoryMb: '内存平均（MB）',
    inside: '内部完成',
    insideTotal: '内部节点数',
    insideCompleted: '内部已完成节点数',
    durationMs: '耗时（毫秒）',
    batch: '第几次',
    time: '时间',
    operator: '操作员',
    change: '状态变化',
    reason: '原因',
    logLevel: '级别',
    message: '消息',
    outcomes: '每次执行的结果',
  },
  health: { title: '健康度', score: '健康分', performance: '性能分', risk: '风险等级', failureRate: '失败率', recommendations: '建议' },
  risk: { low: '低', medium: '中', high: '高' },
  recommendations: { checkErrorLogs: '建议检查错误日志并进行故障排除。', optimizeOrAddResources: '建议优化流程设计或增加资源。' },
  counters: {
    totalNodes: '节点',
    agents: '智能体节点',
    containers: '容器节点',
    completed: '已完成',
    failed: '失败',
    running: '运行中',
    skipped: '已跳过',
    stopped: '已停止',
    executions: '执行次数',
    retriedNodes: '执行多于一次的节点',
  },
  resources: {
    taskPeakCpu: '任务 CPU 峰值（所有节点合计）',
    taskPeakMemory: '任务内存峰值（所有节点合计）',
    topCpu: 'CPU 最高',
    topMemory: '内存最高',
    noSamples: '此任务没有记录资源采样。',
  },
  notes: {
    timelineTruncated: '仅显示最先启动的 {shown} 个智能体节点（共 {total} 个）。',
    failuresTruncated: '仅显示 {shown} 个失败节点及其日志（共 {total} 个）。',
    retriesTruncated: '仅显示 {shown} 个执行多于一次的节点（共 {total} 个）。',
    actionsTruncated: '仅显示前 {shown} 条操作员操作（共 {total} 条）。',
    nodesTruncated: '仅显示 {shown} 个节点（共 {total} 个）；CSV 导出包含全部节点。',
    logsShown: '最近 {shown} 条警告和错误日志。',
    noFailures: '没有失败的节点。',
    noRetries: '每个节点最多执行了一次。',
    noActions: '没有操作员对此任务进行操作。',
    noTimeline: '还没有智能体节点启动。',
    noLogs: '没有记录警告或错误日志。',
    stillRunning: '生成此报告时任务尚未结束；数据截至生成时刻。',
  },
  status: STATUS_LABELS['zh-CN'],
  nodeTypes: { container: '容器', agent: '智能体' },
  nodeKinds: { manual: '手动任务', script: '脚本任务', api_call: 'API 调用', decision: '决策节点', parallel: '并行执行' },
  logLevels: { debug: '调试', info: '信息', warn: '警告', error: '错误', critical: '严重' },
  units: { ms: '毫秒', s: '秒', min: '分', h: '小时', d: '天' },
  recoveries: { RECOVERED: '由处理器恢复', SKIPPED_BY_RULE: '被规则跳过', ESCALATED: '失败并升级告警' },
};

export const REPORT_STRINGS: Readonly<Record<ReportLanguage, ReportStrings>> = { en, 'zh-CN': zhCN };

/** Replaces `{name}` in a template with the value of that name. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}
