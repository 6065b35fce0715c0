import { describe, expect, it } from 'vitest';
import { fill, REPORT_STRINGS } from '../../../src/shared/report/report-strings';
import { EXECUTION_STATUSES, NODE_STATUSES, TASK_STATUSES } from '../../../src/shared/status';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key)).sort();
}

describe('REPORT_STRINGS', () => {
  it('has the same keys in English and Chinese, none empty', () => {
    expect(keys(REPORT_STRINGS['zh-CN'])).toEqual(keys(REPORT_STRINGS.en));
    for (const strings of Object.values(REPORT_STRINGS)) {
      for (const key of keys(strings)) {
        const value = key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown>)[part], strings);
        expect({ key, value: typeof value === 'string' && value.length > 0 }).toEqual({ key, value: true });
      }
    }
  });

  it('names every status a task, node or execution can have', () => {
    for (const strings of Object.values(REPORT_STRINGS)) {
      for (const status of [...TASK_STATUSES, ...NODE_STATUSES, ...EXECUTION_STATUSES]) expect(strings.status[status]).toBeTruthy();
    }
  });

  it('really is Chinese in Chinese, and the templates keep their placeholders', () => {
    const zh = REPORT_STRINGS['zh-CN'];
    for (const key of keys(zh.sections)) expect(zh.sections[key as keyof typeof zh.sections]).toMatch(/[\u4e00-\u9fff]/);
    for (const [name, template] of Object.entries(REPORT_STRINGS.en.notes)) {
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect({ name, placeholders: placeholders(zh.notes[name as keyof typeof zh.notes]) }).toEqual({ name, placeholders: placeholders(template) });
    }
  });
});

describe('fill', () => {
  it('replaces known placeholders and leaves unknown ones', () => {
    expect(fill('{shown} of {total} {other}', { shown: 3, total: '10' })).toBe('3 of 10 {other}');
  });
});
