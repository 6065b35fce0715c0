import type { TaskClockView } from '../clock/clock-view';
import { formatRate, formatTaskTime } from '../clock/format-task-time';
import { escapeHtml } from './escape';

interface ClockWords {
  title: string;
  taskTime: string;
  rate: string;
  timeBase: string;
  bases: Record<TaskClockView['timeBase'], string>;
  note: string;
  head: [string, string, string, string, string];
  actions: Record<TaskClockView['changes'][number]['action'], string>;
  paused: string;
}

const WORDS: Record<'en' | 'zh-CN', ClockWords> = {
  en: {
    title: 'Exercise clock',
    taskTime: 'Task time at the end (simulation)',
    rate: 'Rate at the end',
    timeBase: 'Timers, pins and timeouts',
    bases: { wall: 'wall time', simulation: 'simulation time' },
    note: 'Times in this report are wall-clock times; task time is the simulation time the clock showed.',
    head: ['Task time', 'Change', 'Before', 'After', 'Operator'],
    actions: { pause: 'paused', resume: 'resumed', rate: 'rate', step: 'step' },
    paused: 'paused',
  },
  'zh-CN': {
    title: '推演时钟',
    taskTime: '结束时推演时间',
    rate: '结束时倍速',
    timeBase: '定时、定点与超时',
    bases: { wall: '按真实时间', simulation: '按推演时间' },
    note: '本报告中的时刻为真实时间；推演时间为推演时钟所示的模拟时间。',
    head: ['推演时间', '更改', '之前', '之后', '操作员'],
    actions: { pause: '暂停', resume: '恢复', rate: '倍速', step: '步进' },
    paused: '已暂停',
  },
};

/**
 * The run report's section on the exercise clock: where it ended, its time base and every
 * change with who made it. No section for a task that ran on real time throughout.
 */
export function clockSection(clock: TaskClockView | undefined, lang: string): string {
  if (!clock || (clock.changes.length === 0 && clock.timeBase === 'wall')) return '';
  const w = WORDS[lang === 'zh-CN' ? 'zh-CN' : 'en'];
  const reading = (simMs: number, rate: number, paused: boolean) => `${formatTaskTime(simMs)} ${formatRate(rate)}${paused ? ` ${w.paused}` : ''}`;
  const facts = [
    [w.taskTime, formatTaskTime(clock.simMs)],
    [w.rate, formatRate(clock.rate)],
    [w.timeBase, w.bases[clock.timeBase]],
  ]
    .map(([name, value]) => `<tr><th>${escapeHtml(name!)}</th><td>${escapeHtml(value!)}</td></tr>`)
    .join('');
  const rows = clock.changes
    .map((change) => {
      const action = change.action === 'step' ? `${w.actions.step} +${formatTaskTime(change.stepMs ?? 0)}` : w.actions[change.action];
      const cells = [formatTaskTime(change.taskTimeMs), action, reading(change.old.simMs, change.old.rate, change.old.paused), reading(change.new.simMs, change.new.rate, change.new.paused)];
      return `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}<td data-verbatim="">${escapeHtml(change.operator ?? '—')}</td></tr>`;
    })
    .join('');
  const table = rows === '' ? '' : `<table><thead><tr>${w.head.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
  return `<h2>${escapeHtml(w.title)}</h2><p class="meta">${escapeHtml(w.note)}</p><table class="facts"><tbody>${facts}</tbody></table>${table}`;
}
