import { describe, expect, it } from 'vitest';
import type { ConsoleApi } from '../../../src/shared/api/contract';
import { ApiError } from '../../../src/shared/api/errors';
import { consoleEditorServices } from '../../../src/renderer/src/api/console-editor-services';
import type { Problem } from '../../../src/shared/workflow/problems';

describe('the editor services over the ConsoleApi', () => {
  it('turns a store that refuses a workflow into an error the window words in its language', async () => {
    const problems: Problem[] = [
      { severity: 'error', code: 'DUPLICATE_NODE_ID', path: ['nodes', 1, 'nodeId'], message: 'node id "a" is used twice' },
      { severity: 'warning', code: 'UNREACHABLE_NODE', path: ['nodes', 2], message: 'never runs' },
    ];
    const api = { saveTemplate: async () => ({ ok: false, problems }) } as unknown as ConsoleApi;
    const refused = await consoleEditorServices(api)
      .saveTemplate({ templateName: 'drill', definition: { name: 'drill', nodes: [] } })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'INVALID_ARGUMENT', reason: { key: 'workflow.invalid', params: { count: 1 } }, details: { problems } });
    expect((refused as ApiError).message).toBe('The workflow is not valid: 1 error: node id "a" is used twice');
  });
});
