import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate } from '../../src/main/menu';

describe('application menu', () => {
  it('has a Check for Updates item in the Help menu when the shell gives one', () => {
    const checkForUpdates = vi.fn();
    const help = applicationMenuTemplate('linux', 'Deduction Console', { checkForUpdates }).find((item) => item.role === 'help');
    const item = (help?.submenu as Array<{ label?: string; click?: () => void }>)[0]!;
    expect(item.label).toBe('Check for Updates…');
    item.click?.();
    expect(checkForUpdates).toHaveBeenCalledOnce();
  });

  it('has no Help menu without actions', () => {
    expect(applicationMenuTemplate('darwin', 'Deduction Console').some((item) => item.role === 'help')).toBe(false);
  });
});
