import { escapeHtml } from './escape';
import { formatDateTime } from './format';
import type { RunReport } from './run-report';

const STRINGS = {
  en: { title: 'Injects', none: 'The workflow declares no injects.', head: ['Inject', 'Trigger', 'State', 'Fired at', 'Task time (s)', 'Fired by', 'Detail'], state: { pending: 'pending', fired: 'fired', failed: 'failed' }, byMoment: 'its moment' },
  'zh-CN': { title: '注入事件', none: '该工作流未声明注入事件。', head: ['注入事件', '触发方式', '状态', '触发时间', '任务时间（秒）', '触发者', '详情'], state: { pending: '待触发', fired: '已触发', failed: '失败' }, byMoment: '按计划' },
} as const;

/** The run report's injects: each of the task's master scenario events, when it fired and by whom, or that it did not. */
export function injectsSection(report: RunReport, lang: string): string {
  const injects = report.injects ?? [];
  const s = STRINGS[lang === 'zh-CN' ? 'zh-CN' : 'en'];
  const heading = `<h2>${escapeHtml(s.title)}</h2>`;
  if (injects.length === 0) return `${heading}<p class="note">${escapeHtml(s.none)}</p>`;
  const rows = injects.map((inject) =>
    [
      `${escapeHtml(inject.id)}${inject.name ? ` <span class="sub">${escapeHtml(inject.name)}</span>` : ''}`,
      escapeHtml(inject.when.type),
      escapeHtml(s.state[inject.state]),
      inject.firedAt === null ? '—' : escapeHtml(formatDateTime(inject.firedAt, report.timeZone)),
      inject.state === 'pending' || inject.taskTimeMs === null ? '—' : (inject.taskTimeMs / 1000).toFixed(1),
      inject.state === 'pending' ? '—' : escapeHtml(inject.firedBy ?? s.byMoment),
      escapeHtml(inject.detail ?? '—'),
    ]
      .map((cell) => `<td>${cell}</td>`)
      .join(''),
  );
  return `${heading}<table><thead><tr>${s.head.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>${rows.map((row) => `<tr>${row}</tr>`).join('')}</tbody></table>`;
}
