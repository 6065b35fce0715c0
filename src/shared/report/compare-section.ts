import type { NodeComparison, Pair, RunComparison } from '../compare/run-compare';
import { formatDuration } from '../format/duration';
import type { NodeStatus, TaskStatus } from '../status';
import { escapeHtml } from './escape';
import type { ReportStrings } from './report-strings';
import type { ReportLanguage, RunReport } from './run-report';
import { REPORT_STATUS_COLORS } from './status-colors';

/** Differing nodes listed at most; the count beside says how many there are. */
export const COMPARE_SECTION_ROWS = 500;
/** Result paths named per node at most. */
const PATHS_PER_NODE = 8;

type Difference = 'onlyA' | 'onlyB' | 'type' | 'status' | 'batches' | 'slower' | 'faster' | 'onlyOneEnded' | 'result';

interface CompareWords {
  /** `{name}` and `{id}` are the other run's. */
  title: string;
  intro: string;
  run: string;
  runA: string;
  runB: string;
  /** `{differing}` of `{total}`. */
  counts: string;
  count: Record<'added' | 'removed' | 'status' | 'batches' | 'slower' | 'faster' | 'result', string>;
  variables: string;
  variablesAlike: string;
  noDifferences: string;
  /** `{shown}` and `{total}`. */
  truncated: string;
  columns: Record<'difference' | 'status' | 'attempts' | 'duration' | 'result' | 'path' | 'change' | 'before' | 'after', string>;
  differences: Record<Difference, string>;
  changes: Record<'added' | 'removed' | 'changed', string>;
  whole: string;
}

const WORDS: Record<ReportLanguage, CompareWords> = {
  en: {
    title: 'Compared with {name} (task {id})',
    intro: 'Run A is the other run, run B this one: “slower” means the node took longer in this run.',
    run: 'Run',
    runA: 'A',
    runB: 'B (this run)',
    counts: '{differing} of {total} nodes differ',
    count: { added: 'only in B', removed: 'only in A', status: 'in status', batches: 'in attempts', slower: 'slower', faster: 'faster', result: 'in result' },
    variables: 'Variables that differ',
    variablesAlike: 'The variables are alike.',
    noDifferences: 'No node differs.',
    truncated: 'The first {shown} of {total} differing nodes.',
    columns: { difference: 'Difference', status: 'Status', attempts: 'Attempts', duration: 'Duration', result: 'Result', path: 'Path', change: 'Change', before: 'In A', after: 'In B' },
    differences: { onlyA: 'only in A', onlyB: 'only in B', type: 'agent or container', status: 'status', batches: 'attempts', slower: 'slower', faster: 'faster', onlyOneEnded: 'ended in one run only', result: 'result' },
    changes: { added: 'added', removed: 'removed', changed: 'changed' },
    whole: '(the whole value)',
  },
  'zh-CN': {
    title: '与 {name}（任务 {id}）对比',
    intro: '运行 A 为另一次运行，运行 B 为本次运行：“变慢”表示该节点在本次运行中用时更长。',
    run: '运行',
    runA: 'A',
    runB: 'B（本次运行）',
    counts: '{total} 个节点中有 {differing} 个不同',
    count: { added: '仅在 B 中', removed: '仅在 A 中', status: '状态不同', batches: '尝试次数不同', slower: '变慢', faster: '变快', result: '结果不同' },
    variables: '不同的变量',
    variablesAlike: '变量相同。',
    noDifferences: '没有不同的节点。',
    truncated: '仅列出 {total} 个不同节点中的前 {shown} 个。',
    columns: { difference: '差异', status: '状态', attempts: '尝试次数', duration: '耗时', result: '结果', path: '路径', change: '变化', before: 'A 中', after: 'B 中' },
    differences: { onlyA: '仅在 A 中', onlyB: '仅在 B 中', type: '智能体或容器', status: '状态', batches: '尝试次数', slower: '变慢', faster: '变快', onlyOneEnded: '仅在一次运行中结束', result: '结果' },
    changes: { added: '新增', removed: '删除', changed: '修改' },
    whole: '（整个值）',
  },
};

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

function differences(node: NodeComparison): Difference[] {
  if (node.presence !== 'both') return [node.presence === 'a' ? 'onlyA' : 'onlyB'];
  const found: Difference[] = [];
  if (node.nodeTypes) found.push('type');
  if (node.status) found.push('status');
  if (node.batches) found.push('batches');
  if (node.duration) found.push(node.duration.verdict === 'only-one-ended' ? 'onlyOneEnded' : node.duration.verdict);
  if (node.result) found.push('result');
  return found;
}

function json(value: unknown): string {
  const text = value === undefined ? '—' : JSON.stringify(value);
  return escapeHtml(text.length > 80 ? `${text.slice(0, 79)}…` : text);
}

/**
 * The run report's comparison with another run (the request's `compareWith`): how this run
 * differs from that one, node by node, and in its variables. Nothing when none was asked for.
 */
export function renderCompareSection(report: RunReport, s: ReportStrings): string {
  const comparison: RunComparison | undefined = report.comparison;
  if (!comparison) return '';
  const w = WORDS[s.lang === 'zh-CN' ? 'zh-CN' : 'en'];
  const badge = (status: NodeStatus | TaskStatus | null) => (status === null ? s.none : `<span class="badge" style="background:${REPORT_STATUS_COLORS[status]}">${escapeHtml(s.status[status])}</span>`);
  const duration = (ms: number | null) => (ms === null ? s.none : escapeHtml(formatDuration(ms, s.units)));
  const pair = <T,>(changed: Pair<T> | undefined, show: (value: T) => string) => (changed ? `${show(changed.a)} → ${show(changed.b)}` : '');
  const label = (node: NodeComparison) => (node.name && node.name !== node.nodeId ? `${escapeHtml(node.nodeId)} <span class="sub">${escapeHtml(node.name)}</span>` : escapeHtml(node.nodeId));

  const sides = (['a', 'b'] as const)
    .map((side) => {
      const run = comparison[side];
      return `<tr><th>${escapeHtml(side === 'a' ? w.runA : w.runB)}</th><td>${escapeHtml(run.name)} <span class="sub">${escapeHtml(run.taskId)}</span></td><td>${badge(run.status)}</td><td class="num">${duration(run.durationMs)}</td></tr>`;
    })
    .join('');
  const { counts } = comparison;
  const countText = (Object.keys(w.count) as (keyof CompareWords['count'])[])
    .filter((key) => counts[key] > 0)
    .map((key) => `${counts[key]} ${w.count[key]}`)
    .join(' · ');
  const summary = `<p>${escapeHtml(fill(w.counts, { differing: counts.differing, total: comparison.nodes.length }))}${countText ? `: ${escapeHtml(countText)}` : ''}</p>`;

  const variables =
    comparison.variables.length === 0
      ? `<p class="note">${escapeHtml(w.variablesAlike)}</p>`
      : `<h3>${escapeHtml(w.variables)}</h3><table><thead><tr><th>${escapeHtml(w.columns.path)}</th><th>${escapeHtml(w.columns.change)}</th><th>${escapeHtml(w.columns.before)}</th><th>${escapeHtml(w.columns.after)}</th></tr></thead><tbody>${comparison.variables
          .map((change) => `<tr><td class="wrap"><code>${escapeHtml(change.path || w.whole)}</code></td><td class="fit">${escapeHtml(w.changes[change.kind])}</td><td class="wrap"><code>${json(change.before)}</code></td><td class="wrap"><code>${json(change.after)}</code></td></tr>`)
          .join('')}</tbody></table>`;

  const differing = comparison.nodes.filter((node) => node.differs);
  const shown = differing.slice(0, COMPARE_SECTION_ROWS);
  const rows = shown
    .map((node) => {
      const paths = node.result ? node.result.slice(0, PATHS_PER_NODE).map((change) => `<code>${escapeHtml(change.path || w.whole)}</code> ${escapeHtml(w.changes[change.kind])}`) : [];
      if (node.result && node.result.length > PATHS_PER_NODE) paths.push(`+${node.result.length - PATHS_PER_NODE}`);
      return `<tr data-node="${escapeHtml(node.nodeId)}"><td class="wrap">${label(node)}</td><td class="fit">${escapeHtml(differences(node).map((key) => w.differences[key]).join(', '))}</td><td class="fit">${pair(node.status, badge)}</td><td class="num">${pair(node.batches, String)}</td><td class="num">${node.duration ? pair(node.duration, duration) : ''}</td><td class="wrap">${paths.join('<br>')}</td></tr>`;
    })
    .join('');
  const nodes =
    differing.length === 0
      ? `<p class="note">${escapeHtml(w.noDifferences)}</p>`
      : `${differing.length > shown.length ? `<p class="note">${escapeHtml(fill(w.truncated, { shown: shown.length, total: differing.length }))}</p>` : ''}<table class="compare"><thead><tr><th class="wrap">${escapeHtml(s.fields.node)}</th><th class="fit">${escapeHtml(w.columns.difference)}</th><th class="fit">${escapeHtml(w.columns.status)}</th><th class="num">${escapeHtml(w.columns.attempts)}</th><th class="num">${escapeHtml(w.columns.duration)}</th><th class="wrap">${escapeHtml(w.columns.result)}</th></tr></thead><tbody>${rows}</tbody></table>`;

  return `<h2 class="page" id="comparison">${escapeHtml(fill(w.title, { name: comparison.a.name, id: comparison.a.taskId }))}</h2><p class="note">${escapeHtml(w.intro)}</p><table class="facts"><tbody>${sides}</tbody></table>${summary}${variables}${nodes}`;
}
