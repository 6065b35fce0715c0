import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../src/renderer/src/common/error-message';
import { ApiError } from '../../../src/shared/api/errors';

describe('error messages in the window', () => {
  it('shows the API’s own message, an Error’s message, or the value thrown', () => {
    expect(errorMessage(new ApiError('UNAVAILABLE', 'PDF export needs a Chromium'))).toBe('PDF export needs a Chromium');
    expect(errorMessage(new TypeError('failed to fetch'))).toBe('failed to fetch');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});
