import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_METHOD_NAMES, CONSOLE_METHODS } from '../../../../src/shared/api/contract';
import type { ConsoleRuntime } from '../../../../src/main/core/runtime';
import { startTestRuntime } from '../../../helpers/console-runtime';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
let runtime: ConsoleRuntime;
beforeAll(async () => {
  runtime = await startTestRuntime(tempDir());
});
afterAll(() => runtime.close());

describe('ConsoleApi contract', () => {
  it('is implemented by the service exactly: every method, nothing extra', () => {
    for (const api of [runtime.api, runtime.apiFor('someone')]) {
      expect(Object.keys(api).sort()).toEqual([...CONSOLE_METHOD_NAMES].sort());
      for (const name of CONSOLE_METHOD_NAMES) expect(typeof api[name]).toBe('function');
    }
  });

  it('declares each method as a query, a control or a remark with an argument schema', () => {
    for (const [name, spec] of Object.entries(CONSOLE_METHODS)) {
      expect({ name, kind: ['query', 'control', 'remark'].includes(spec.kind) }).toEqual({ name, kind: true });
      expect(typeof spec.args.safeParse).toBe('function');
    }
  });

  it('marks every method that changes state as a control, so viewers cannot call it', () => {
    const controls = CONSOLE_METHOD_NAMES.filter((name) => CONSOLE_METHODS[name].kind === 'control').sort();
    expect(controls).toEqual(
      [
        'acknowledgeAlert',
        'resolveAlert',
        'archiveEnvironment',
        'archiveScheme',
        'createEnvironment',
        'createScheme',
        'createTask',
        'createTrigger',
        'decideManual',
        'deleteTrigger',
        'fireTrigger',
        'fireInject',
        'pauseTask',
        'pauseTrigger',
        'rerunFrom',
        'restartNode',
        'resumeTask',
        'resumeTrigger',
        'retryFailed',
        'saveTemplate',
        'skipNode',
        'startTask',
        'stopNode',
        'stopTask',
        'updateEnvironment',
        'updateScheme',
        'updateSettings',
        'setTemplateStatus',
        'setTemplateTags',
        'archiveTemplate',
        'deleteTemplate',
        'archiveTasks',
        'unarchiveTasks',
        'deleteTasks',
        'backupNow',
        'restoreBackup',
        'saveOperator',
        'removeOperator',
        'updateTrigger',
        'setTaskVariables',
        'addNodes',
        'removeNode',
        'rerunNode',
        'setTaskClock',
        'holdNode',
        'releaseNode',
      ].sort(),
    );
  });

  it('opens to viewers only the remarks that add their own attributed note', () => {
    expect(CONSOLE_METHOD_NAMES.filter((name) => CONSOLE_METHODS[name].kind === 'remark').sort()).toEqual(['addBookmark', 'deleteBookmark']);
  });
});
