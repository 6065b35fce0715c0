import { describe, expect, it } from 'vitest';
import { errorText } from '../../src/shared/error-text';

describe('errorText', () => {
  it('says what an Error, a plain value or a broken object says', () => {
    expect(errorText(new RangeError('too deep'))).toBe('too deep');
    expect(errorText('disk full')).toBe('disk full');
    expect(errorText(undefined)).toBe('undefined');
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(errorText(hostile)).toBe('unknown error');
  });
});
