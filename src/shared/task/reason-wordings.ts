import { RULE_LABEL_SOURCE } from '../workflow/on-error';

/**
 * What the scheduler says about a task or a node, in English, written once, here: task
 * summaries (a task's errorMessage), node reasons (a node's or execution's errorMessage) and
 * the reasons of status transitions. The core builds the stored text with reasonText(code,
 * params); the CLI, logs and report keep that text. The window reads the code and params back
 * with matchReason (the same templates, inverted) and words them in its language; a stored text
 * no template matches (older rows, an agent's own words) is shown as it is.
 * Placeholders are i18next's `{{name}}`; `_one`/`_other` forms are chosen by `count`.
 */
export const REASON_WORDINGS = {
  taskCreated: 'task created',
  nodesFailed_one: '{{count}} node failed',
  nodesFailed_other: '{{count}} nodes failed',
  taskStopped: 'task stopped',
  taskStoppedBecause: 'task stopped: {{reason}}',
  taskStoppedBy: 'task stopped by {{operator}}',
  taskStoppedBecauseBy: 'task stopped: {{reason}} by {{operator}}',
  taskRefused: 'the Engine refused the task: {{code}}: {{message}}',
  taskPaused: 'task paused: no new node starts',
  taskResumed: 'task resumed',
  childrenFailed: '{{failed}} of {{children}} children failed: {{names}}',
  childrenEnded: 'all {{children}} children ended',
  containerNotRun: 'its container {{container}} {{status}} without running it',
  nothingToWaitFor: 'nothing to wait for',
  dependenciesSatisfied: 'dependencies satisfied',
  nothingToWaitForPinReached: 'nothing to wait for, pin time reached',
  dependenciesSatisfiedPinReached: 'dependencies satisfied, pin time reached',
  waitingForDependencies: 'waiting for its dependencies',
  dependenciesNoLongerSatisfied: 'its dependencies are no longer satisfied',
  pinnedUntil: 'pinned: not before {{time}}',
  started: 'started (batch {{batch}})',
  initializing: 'initializing on the Engine (batch {{batch}})',
  initialized: 'initialized on the Engine',
  attemptFailed: 'attempt {{batch}} failed ({{code}}: {{message}})',
  attemptTimedOut: 'attempt {{batch}} timed out ({{code}}: {{message}})',
  stoppedBy: 'stopped by {{operator}}',
  stoppedBecauseBy: 'stopped: {{reason}} by {{operator}}',
  skippedBy: 'skipped by {{operator}}',
  skippedByOperator: 'skipped by operator',
  skippedWithContainer: 'skipped with its container {{container}}',
  containerSkippedBy: 'its container {{container}} was skipped by {{operator}}',
  handlerNotInvoked: 'no failure called for this handler',
  handlerSkipped: 'a handler no onError rule invoked; skipped as everything else in its container ended',
  dependencySourceEnded: 'dependency on {{source}} ({{type}}) can never be satisfied: {{source}} {{status}}',
  dependencyConditionFalse: 'dependency on {{source}} ({{type}}) can never be satisfied: its condition is false',
  dependencyConditionError: 'dependency on {{source}} ({{type}}) can never be satisfied: its condition could not be evaluated: {{error}}',
  joinOneNever: 'none of its {{count}} dependencies can be satisfied (join one); last: {{what}}',
  retryScheduled: '{{what}}; retry {{retry}} of {{max}} in {{delay}} ms',
  rejectedBy: 'rejected by {{operator}}',
  rejectedWithComment: 'rejected by {{operator}}: {{comment}}',
  rejected: 'rejected: {{what}}',
  engineStopped: 'the Engine stopped it',
  engineNoCapacity: 'the Engine had no capacity ({{message}}); back in the queue',
  timedOut: 'timed out: {{message}}',
  stopped: 'stopped',
  stoppedBecause: 'stopped: {{reason}}',
  withContainer: '{{what}} (with its container {{container}})',
  stoppedWithContainerBy: 'stopped (with its container {{container}}) by {{operator}}',
  stoppedBecauseWithContainerBy: 'stopped: {{reason}} (with its container {{container}}) by {{operator}}',
  restarted: 'restarted',
  held: 'held',
  heldBecause: 'held: {{reason}}',
  released: 'released',
  releasedWithContainer: 'released with its container {{container}}',
  nodeRestarted: '{{node}} restarted',
  nodeSkipped: '{{node}} skipped',
  restartOf: 'restart of {{node}}',
  retryOfAllFailed: 'retry of all failed nodes',
  rerun: 'rerun',
  rerunFrom: 'rerun from {{node}}',
  restartedWithContainer: 'restarted with its container {{container}}',
  reopened: 'reopened: {{what}}',
  reset: 'reset: {{what}}',
  skippedByRule: '{{code}}: {{message}} (skipped by {{rule}})',
  escalatedByRule: '{{code}}: {{message}} (escalated by {{rule}})',
  recoveredByHandler: 'recovered by handler {{handler}} after {{cause}} ({{rule}})',
  ruleRetry: '{{rule}}: {{what}}; retry {{retry}} of {{max}} in {{delay}} ms',
  ruleSkipped: '{{rule}}: {{what}}; skipped',
  ruleEscalated: '{{rule}}: {{what}}; escalated',
  ruleSpent_one: "{{rule}}: {{what}}; the rule's {{count}} retry is spent",
  ruleSpent_other: "{{rule}}: {{what}}; the rule's {{count}} retries are spent",
  ruleHandlerNotAgent: '{{rule}}: {{what}}; its handler {{handler}} is not an agent that can handle it',
  ruleHandlerBusy: '{{rule}}: {{what}}; its handler {{handler}} is busy handling {{node}}',
  ruleHandlerStatus: '{{rule}}: {{what}}; its handler {{handler}} is {{status}}',
  ruleHandlerClosed: '{{rule}}: {{what}}; its handler {{handler}} is in a container that is not running',
  ruleHandlerRuns: '{{rule}}: {{what}}; handler {{handler}} runs',
  handlerInvoked: 'invoked by {{rule}} of {{node}} after {{code}}: {{message}}',
  handlerRecovered: '{{rule}}: handler {{handler}} completed; recovered',
  handlerNotRecovered: '{{rule}}: handler {{handler}} {{status}}; not recovered',
  noResultWithin: 'no result within {{ms}} ms',
  noResultInTime: 'no result within its timeout',
  agentFailed: 'the agent failed',
  engineCouldNotInit: 'the Engine could not initialize it ({{code}}: {{message}})',
  injectFired: 'inject {{inject}} fired: {{what}}',
  injectFailed: 'inject {{inject}} failed: {{detail}}',
  variablesChanged: 'variables changed: {{what}}',
  variablesChangedBecause: 'variables changed: {{what}} ({{reason}})',
  addedWhileRunning: 'added to the running task',
  nodesAdded: 'nodes added: {{names}}',
  nodesRemoved: 'nodes removed: {{names}}',
  configEdited: 'config edited for a rerun: {{names}}',
} as const;

export type ReasonKey = keyof typeof REASON_WORDINGS;
/** A wording's name without its plural suffix: what reasonText is called with. */
export type ReasonCode = ReasonKey extends infer K ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K) : never;
export type ReasonParams = Record<string, string | number>;

const fill = (template: string, params: ReasonParams) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));

/** The English text of a reason: its wording (plural form by `count`) filled with its params. */
export function reasonText(code: ReasonCode, params: ReasonParams = {}): string {
  const plural = typeof params['count'] === 'number' ? `${code}_${params['count'] === 1 ? 'one' : 'other'}` : undefined;
  const wording = (plural !== undefined && plural in REASON_WORDINGS ? REASON_WORDINGS[plural as ReasonKey] : REASON_WORDINGS[code as ReasonKey]) as string | undefined;
  return fill(wording ?? code, params);
}

interface Pattern {
  key: ReasonKey;
  names: string[];
  regex: RegExp;
  literal: number;
}

/** Params whose text has a known shape, so that a reason wrapping another is not read the wrong way round. */
const PARAM_SOURCES: Readonly<Record<string, string>> = { rule: `(${RULE_LABEL_SOURCE})` };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Most literal text first, so that "task stopped: x by y" is not read as "task stopped: {{reason}}". */
const PATTERNS: Pattern[] = (Object.entries(REASON_WORDINGS) as [ReasonKey, string][])
  .map(([key, template]) => {
    const names: string[] = [];
    const parts = template.split(/\{\{(\w+)\}\}/);
    const source = parts.map((part, at) => (at % 2 === 0 ? escape(part) : (names.push(part), PARAM_SOURCES[part] ?? '(.+?)'))).join('');
    const literal = parts.filter((_, at) => at % 2 === 0).join('').length;
    return { key, names, regex: new RegExp(`^${source}$`, 's'), literal };
  })
  .sort((a, b) => b.literal - a.literal);

/** The wording key and params a stored reason text was built from; null when no wording made it. */
export function matchReason(text: string): { key: ReasonCode; params: ReasonParams } | null {
  for (const pattern of PATTERNS) {
    const found = pattern.regex.exec(text);
    if (!found) continue;
    const params: ReasonParams = {};
    pattern.names.forEach((name, at) => {
      const value = found[at + 1]!;
      params[name] = /^\d+$/.test(value) && (name === 'count' || name === 'batch' || name === 'failed' || name === 'children' || name === 'retry' || name === 'max' || name === 'delay' || name === 'ms') ? Number(value) : value;
    });
    return { key: pattern.key.replace(/_(one|other)$/, '') as ReasonCode, params };
  }
  return null;
}

/** The same reasons in Simplified Chinese, for the window and the report; `{{status}}` is placed already worded. */
export const REASON_WORDINGS_ZH: Readonly<Record<ReasonKey, string>> = {
  taskCreated: '任务已创建',
  nodesFailed_one: '{{count}} 个节点失败',
  nodesFailed_other: '{{count}} 个节点失败',
  taskStopped: '任务已停止',
  taskStoppedBecause: '任务已停止：{{reason}}',
  taskStoppedBy: '任务已由 {{operator}} 停止',
  taskStoppedBecauseBy: '任务已由 {{operator}} 停止：{{reason}}',
  taskRefused: '引擎拒绝了此任务：{{code}}：{{message}}',
  taskPaused: '任务已暂停：不再启动新节点',
  taskResumed: '任务已恢复',
  childrenFailed: '{{children}} 个子节点中有 {{failed}} 个失败：{{names}}',
  childrenEnded: '全部 {{children}} 个子节点已结束',
  containerNotRun: '所在容器 {{container}} {{status}}，未运行此节点',
  nothingToWaitFor: '无需等待',
  dependenciesSatisfied: '依赖已满足',
  nothingToWaitForPinReached: '无需等待，已到固定时间',
  dependenciesSatisfiedPinReached: '依赖已满足，已到固定时间',
  waitingForDependencies: '等待其依赖',
  dependenciesNoLongerSatisfied: '其依赖不再满足',
  pinnedUntil: '已固定：不早于 {{time}}',
  started: '已启动（第 {{batch}} 次执行）',
  initializing: '正在引擎上初始化（第 {{batch}} 次执行）',
  initialized: '已在引擎上初始化',
  attemptFailed: '第 {{batch}} 次尝试失败（{{code}}：{{message}}）',
  attemptTimedOut: '第 {{batch}} 次尝试超时（{{code}}：{{message}}）',
  stoppedBy: '已由 {{operator}} 停止',
  stoppedBecauseBy: '已由 {{operator}} 停止：{{reason}}',
  skippedBy: '已由 {{operator}} 跳过',
  skippedByOperator: '已由操作员跳过',
  skippedWithContainer: '随所在容器 {{container}} 一起跳过',
  containerSkippedBy: '所在容器 {{container}} 已由 {{operator}} 跳过',
  handlerNotInvoked: '没有失败需要此处理节点',
  handlerSkipped: '没有 onError 规则调用此处理节点；其容器内其余节点均已结束，故跳过',
  dependencySourceEnded: '对 {{source}} 的依赖（{{type}}）永远无法满足：{{source}} {{status}}',
  dependencyConditionFalse: '对 {{source}} 的依赖（{{type}}）永远无法满足：其条件为假',
  dependencyConditionError: '对 {{source}} 的依赖（{{type}}）永远无法满足：其条件无法求值：{{error}}',
  joinOneNever: '{{count}} 个依赖均无法满足（任一依赖）；最后一个：{{what}}',
  retryScheduled: '{{what}}；{{delay}} 毫秒后第 {{retry}} 次重试（共 {{max}} 次）',
  rejectedBy: '已被 {{operator}} 驳回',
  rejectedWithComment: '已被 {{operator}} 驳回：{{comment}}',
  rejected: '已驳回：{{what}}',
  engineStopped: '引擎停止了它',
  engineNoCapacity: '引擎没有空闲容量（{{message}}）；已重新排队',
  timedOut: '已超时：{{message}}',
  stopped: '已停止',
  stoppedBecause: '已停止：{{reason}}',
  withContainer: '{{what}}（随所在容器 {{container}}）',
  stoppedWithContainerBy: '已由 {{operator}} 随所在容器 {{container}} 停止',
  stoppedBecauseWithContainerBy: '已由 {{operator}} 随所在容器 {{container}} 停止：{{reason}}',
  restarted: '已重启',
  held: '已挂起',
  heldBecause: '已挂起：{{reason}}',
  released: '已释放',
  releasedWithContainer: '已随所在容器 {{container}} 释放',
  nodeRestarted: '{{node}} 已重启',
  nodeSkipped: '{{node}} 已跳过',
  restartOf: '重启 {{node}}',
  retryOfAllFailed: '重试全部失败节点',
  rerun: '重新运行',
  rerunFrom: '从 {{node}} 重新运行',
  restartedWithContainer: '随所在容器 {{container}} 重启',
  reopened: '已重新打开：{{what}}',
  reset: '已重置：{{what}}',
  skippedByRule: '{{code}}：{{message}}（由 {{rule}} 跳过）',
  escalatedByRule: '{{code}}：{{message}}（由 {{rule}} 上报）',
  recoveredByHandler: '在 {{cause}} 之后由处理节点 {{handler}} 恢复（{{rule}}）',
  ruleRetry: '{{rule}}：{{what}}；{{delay}} 毫秒后第 {{retry}} 次重试（共 {{max}} 次）',
  ruleSkipped: '{{rule}}：{{what}}；已跳过',
  ruleEscalated: '{{rule}}：{{what}}；已上报',
  ruleSpent_one: '{{rule}}：{{what}}；该规则的 {{count}} 次重试已用完',
  ruleSpent_other: '{{rule}}：{{what}}；该规则的 {{count}} 次重试已用完',
  ruleHandlerNotAgent: '{{rule}}：{{what}}；其处理节点 {{handler}} 不是能处理它的智能体',
  ruleHandlerBusy: '{{rule}}：{{what}}；其处理节点 {{handler}} 正在处理 {{node}}',
  ruleHandlerStatus: '{{rule}}：{{what}}；其处理节点 {{handler}} 当前为{{status}}',
  ruleHandlerClosed: '{{rule}}：{{what}}；其处理节点 {{handler}} 所在的容器未在运行',
  ruleHandlerRuns: '{{rule}}：{{what}}；处理节点 {{handler}} 运行中',
  handlerInvoked: '由 {{node}} 的 {{rule}} 在 {{code}}：{{message}} 之后调用',
  handlerRecovered: '{{rule}}：处理节点 {{handler}} 已完成；已恢复',
  handlerNotRecovered: '{{rule}}：处理节点 {{handler}} {{status}}；未恢复',
  noResultWithin: '{{ms}} 毫秒内没有结果',
  noResultInTime: '超时前没有结果',
  agentFailed: '智能体失败',
  engineCouldNotInit: '引擎无法初始化它（{{code}}：{{message}}）',
  injectFired: '注入事件 {{inject}} 已触发：{{what}}',
  injectFailed: '注入事件 {{inject}} 失败：{{detail}}',
  variablesChanged: '变量已修改：{{what}}',
  variablesChangedBecause: '变量已修改：{{what}}（{{reason}}）',
  addedWhileRunning: '在任务运行中添加',
  nodesAdded: '已添加节点：{{names}}',
  nodesRemoved: '已移除节点：{{names}}',
  configEdited: '为重新运行修改了配置：{{names}}',
};

/** Dependency types as the Chinese reasons name them. */
const DEPENDENCY_TYPES_ZH: Readonly<Record<string, string>> = { finish: '结束后', success: '成功后', failure: '失败后', any: '任意' };

/**
 * The words of a node's error code where no reason template made its text: the scheduler's own
 * codes (NODE_REASON) and the Engine protocol's (NODE_ERROR_CODES, ENGINE_ERROR_CODES).
 */
export const REASON_CODE_WORDINGS: Readonly<Record<'en' | 'zh-CN', Readonly<Record<string, string>>>> = {
  en: {
    UNRESOLVED_REFERENCE: 'a reference in its config names nothing',
    DEPENDENCY_UNSATISFIED: 'its dependencies can never be satisfied',
    ACTIVATION_FALSE: 'its activation condition is false',
    LOGIC_ERROR: 'a condition could not be evaluated',
    CONTAINER_NOT_RUN: 'its container ended without running it',
    SKIPPED_BY_OPERATOR: 'skipped by an operator',
    CHILD_FAILED: 'some of its children failed',
    STOPPED_BY_OPERATOR: 'stopped by an operator',
    REJECTED: 'rejected by an operator',
    TIMEOUT: 'timed out',
    SKIPPED_BY_RULE: 'skipped by an onError rule',
    RECOVERED: 'recovered by its handler',
    ESCALATED: 'failed and escalated by an onError rule',
    HANDLER_NOT_INVOKED: 'no failure called for this handler',
    ENGINE_LOST: 'the Engine running it was lost',
    STOPPED: 'stopped by the Engine',
    EXIT_CODE: 'the program ended with a non-zero exit code',
    SPAWN_FAILED: 'the program could not be started',
    HTTP_STATUS: 'the HTTP call answered with an error status',
    HTTP_ERROR: 'the HTTP call failed',
    HTTP_TIMEOUT: 'the HTTP call timed out',
    MANUAL_DEADLINE: 'nobody decided the manual step in time',
    SIMULATED_FAILURE: 'simulated failure',
    INVALID_CONFIG: 'its config is not valid for its agent',
    CONTAINER_FAILED: 'its container failed on the Engine',
    AGENT_ERROR: 'the agent reported an error',
    COMMAND_REFUSED: "the Engine's command policy does not allow the program",
    ENV_REFUSED: 'an environment variable the Engine never lets a workflow set',
    INTERPRETER_UNAVAILABLE: "the script's interpreter is not installed on the Engine",
    DOCKER_UNAVAILABLE: "the Engine's host has no docker",
    UNSUPPORTED_AGENT: 'the Engine does not run this agent load',
    MISSING_SKILL: 'the Engine lacks a skill the node requires',
    AT_CAPACITY: 'the Engine is at capacity',
    NO_ENGINE: 'no connected Engine offers this agent load',
    INTERNAL: 'the Engine failed internally',
  },
  'zh-CN': {
    UNRESOLVED_REFERENCE: '配置中的引用未指向任何内容',
    DEPENDENCY_UNSATISFIED: '其依赖永远无法满足',
    ACTIVATION_FALSE: '其激活条件为假',
    LOGIC_ERROR: '条件无法求值',
    CONTAINER_NOT_RUN: '所在容器结束时未运行此节点',
    SKIPPED_BY_OPERATOR: '已由操作员跳过',
    CHILD_FAILED: '部分子节点失败',
    STOPPED_BY_OPERATOR: '已由操作员停止',
    REJECTED: '已被操作员驳回',
    TIMEOUT: '已超时',
    SKIPPED_BY_RULE: '已被 onError 规则跳过',
    RECOVERED: '已由处理节点恢复',
    ESCALATED: '失败并已由 onError 规则升级',
    HANDLER_NOT_INVOKED: '没有失败需要此处理节点',
    ENGINE_LOST: '运行它的引擎已失联',
    STOPPED: '已被引擎停止',
    EXIT_CODE: '程序以非零退出码结束',
    SPAWN_FAILED: '程序无法启动',
    HTTP_STATUS: 'HTTP 调用返回了错误状态',
    HTTP_ERROR: 'HTTP 调用失败',
    HTTP_TIMEOUT: 'HTTP 调用超时',
    MANUAL_DEADLINE: '人工步骤未在期限内处理',
    SIMULATED_FAILURE: '模拟失败',
    INVALID_CONFIG: '其配置不适用于该智能体',
    CONTAINER_FAILED: '所在容器在引擎上失败',
    AGENT_ERROR: '智能体报告了错误',
    COMMAND_REFUSED: '引擎的命令策略不允许该程序',
    ENV_REFUSED: '设置了引擎禁止工作流设置的环境变量',
    INTERPRETER_UNAVAILABLE: '引擎主机未安装该脚本的解释器',
    DOCKER_UNAVAILABLE: '引擎主机没有 docker',
    UNSUPPORTED_AGENT: '引擎不运行此智能体类型',
    MISSING_SKILL: '引擎缺少此节点所需的技能',
    AT_CAPACITY: '引擎已满载',
    NO_ENGINE: '没有已连接的引擎提供此智能体类型',
    INTERNAL: '引擎内部错误',
  },
};

/** "the agent's own words", placed before an Engine's or agent's message a wording could not be found for. */
export const AGENT_WORDS_LABEL: Readonly<Record<'en' | 'zh-CN', string>> = { en: 'the agent said', 'zh-CN': '智能体原话' };

/** The parts of a reason as a reader of `language` sees it: worded text, and the agent's own words when no wording covers them. */
export interface WordedReason {
  /** Null when nothing but the agent's own words can be said. */
  text: string | null;
  /** Someone else's words (an Engine's, an agent's), shown as they are. */
  agentWords: string | null;
}

/** An onError rule label's parts (on-error.ts ruleLabel): a code pattern or handler id is quoted JSON. */
const RULE_LABEL_PARTS = /^(workflow )?onError rule (\d+) \(("(?:[^"\\]|\\.)*") → (retry|skip|escalate|handler ("(?:[^"\\]|\\.)*"))\)$/s;
const RULE_ACTIONS_ZH: Readonly<Record<string, string>> = { retry: '重试', skip: '跳过', escalate: '上报', handler: '处理节点' };

/**
 * An onError rule label (`onError rule 2 ("HTTP_*" → retry)`) in `language`: the field name
 * onError, the code pattern and a handler's id stay as written; a label of another shape is
 * returned as it is.
 */
export function wordRuleLabel(language: 'en' | 'zh-CN', label: string): string {
  const parts = language === 'en' ? null : RULE_LABEL_PARTS.exec(label);
  if (!parts) return label;
  const [, workflow, number, code, action, handler] = parts as unknown as [string, string | undefined, string, string, string, string | undefined];
  const acts = handler === undefined ? RULE_ACTIONS_ZH[action] : `${RULE_ACTIONS_ZH['handler']} ${handler}`;
  return `${workflow ? '工作流级 ' : ''}onError 规则 ${number}（${code} → ${acts}）`;
}

/**
 * A stored reason worded in `language`: its template's wording when one made it; else, in
 * Chinese, the wording of its code (when known) and the stored text as someone else's words.
 * `statusLabel` words a `{{status}}` param.
 */
export function wordReason(language: 'en' | 'zh-CN', text: string, code: string | null, statusLabel: (status: string) => string): WordedReason {
  const found = matchReason(text);
  if (found) {
    const params = { ...found.params };
    if (typeof params['status'] === 'string') params['status'] = statusLabel(params['status']);
    // A reason built around another ("…; retry 1 of 3 in 500 ms") words the inner one too.
    for (const inner of ['what', 'message'] as const) {
      const text = params[inner];
      // An agent's own message stays as it is; one the scheduler wrote is worded too.
      if (typeof text === 'string' && (inner === 'what' || matchReason(text) !== null)) params[inner] = wordReason(language, text, null, statusLabel).text ?? text;
    }
    if (language === 'en') return { text: reasonText(found.key, params), agentWords: null };
    if (typeof params['rule'] === 'string') params['rule'] = wordRuleLabel(language, params['rule']);
    if (typeof params['type'] === 'string') params['type'] = DEPENDENCY_TYPES_ZH[params['type']] ?? params['type'];
    const plural = typeof params['count'] === 'number' ? `${found.key}_${params['count'] === 1 ? 'one' : 'other'}` : found.key;
    const wording = REASON_WORDINGS_ZH[(plural in REASON_WORDINGS_ZH ? plural : found.key) as ReasonKey];
    return { text: fill(wording, params), agentWords: null };
  }
  if (language === 'en') return { text, agentWords: null };
  const rule = wordRuleLabel(language, text);
  if (rule !== text) return { text: rule, agentWords: null };
  return { text: (code === null ? undefined : REASON_CODE_WORDINGS[language][code]) ?? null, agentWords: text };
}
