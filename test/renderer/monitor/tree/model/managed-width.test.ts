import { describe, expect, it } from 'vitest';
import { managedColumnRem, managedRem, MIN_MANAGED_REM } from '../../../../../src/renderer/src/monitor/tree/model/managed-width';

const managed = (total: number, completed: number, running = 0, failed = 0, skipped = 0) => ({ total, completed, running, failed, skipped });

describe('the Managed column width', () => {
  it('is the widest container figures, wider than the old fixed 8.5rem when a large container has every count', () => {
    const wide = managed(1200, 640, 120, 15, 425);
    expect(managedColumnRem([{}, { managedNodes: managed(3, 1) }, { managedNodes: wide }])).toBeGreaterThanOrEqual(managedRem(wide));
    expect(managedRem(wide)).toBeGreaterThan(8.5);
  });

  it('keeps room for the heading when no container has figures', () => {
    expect(managedColumnRem([{}])).toBe(MIN_MANAGED_REM);
  });
});
