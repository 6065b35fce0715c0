import { describe, expect, it } from 'vitest';
import type { TaskClockView } from '../../../src/shared/clock/clock-view';
import { clockSection } from '../../../src/shared/report/clock-section';

const clock: TaskClockView = {
  taskId: '7',
  timeBase: 'simulation',
  simMs: 100_000,
  wallMs: 20_000,
  rate: 10,
  paused: false,
  anchor: { simMs: 0, wallMs: 10_000, rate: 10, paused: false },
  startedAtMs: 10_000,
  changes: [{ action: 'rate', operator: '指挥员 <Wang>', atMs: 10_000, taskTimeMs: 0, old: { simMs: 0, wallMs: 10_000, rate: 1, paused: false }, new: { simMs: 0, wallMs: 10_000, rate: 10, paused: false } }],
};

describe('the run report clock section', () => {
  it('shows the task time reached, the rate, the time base and each change with its operator, in both languages', () => {
    const en = clockSection(clock, 'en');
    expect(en).toContain('<h2>Exercise clock</h2>');
    expect(en).toContain('T+00:01:40');
    expect(en).toContain('simulation time');
    expect(en).toContain('<td>T+00:00:00 ×1</td><td>T+00:00:00 ×10</td><td data-verbatim="">指挥员 &lt;Wang&gt;</td>');
    expect(clockSection(clock, 'zh-CN')).toContain('<h2>推演时钟</h2>');
  });

  it('is left out for a task that ran on real time throughout', () => {
    expect(clockSection({ ...clock, timeBase: 'wall', changes: [] }, 'en')).toBe('');
    expect(clockSection(undefined, 'en')).toBe('');
  });
});
