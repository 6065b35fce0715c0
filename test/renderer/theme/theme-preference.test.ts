import { describe, expect, it } from 'vitest';
import { otherTheme, pickTheme } from '../../../src/renderer/src/theme/theme-preference';

describe('theme preference', () => {
  it('keeps the user’s choice, else follows the system', () => {
    expect(pickTheme('light', true)).toBe('light');
    expect(pickTheme(null, true)).toBe('dark');
    expect(pickTheme('sepia', false)).toBe('light');
    expect(otherTheme('dark')).toBe('light');
  });
});
