import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTask } from '../../../../src/main/core/tasks/create-task';
import { ApiError } from '../../../../src/shared/api/errors';
import type { WorkflowInput } from '../../../../src/shared/workflow/definition';
import type { JsonLogic } from '../../../../src/shared/workflow/expression/logic';
import type { Store } from '../../../../src/main/core/store/store';
import { workflow } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';

/** The variables a workflow declares (its `inputs`, the IT-ops template's `variables`), checked when a task starts. */

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => store.close());

const INPUTS: WorkflowInput[] = [
  { name: 'needPatch', type: 'boolean', default: false, description: 'Patch, or only check' },
  { name: 'healthUrl', type: 'string', required: true },
  { name: 'hosts', type: 'integer', default: 3 },
];
const declaring = (variables: Record<string, JsonLogic> = {}) => workflow([{ nodeId: 'a' }], { inputs: INPUTS, variables });

function taskVariables(taskId: string): unknown {
  return JSON.parse(store.first(store.kysely.selectFrom('deduction_task').select('variables').where('id', '=', taskId))!.variables);
}

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('the task was not refused');
}

describe('declared inputs at task start', () => {
  it('fills in the default of a declared input the task leaves out', () => {
    const result = createTask(store, declaring({ hosts: 5 }), { variables: { healthUrl: 'http://h/health' } });
    expect(taskVariables(result.task_id)).toEqual({ hosts: 5, healthUrl: 'http://h/health', needPatch: false });
  });

  it('refuses a task without a required input, naming it, and writes nothing', () => {
    const error = refusal(() => createTask(store, declaring(), { variables: { needPatch: true } }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe('The workflow requires the variable "healthUrl" (string), and the task gives it no value');
    expect(Number(store.db.prepare('SELECT count(*) FROM deduction_task').pluck().get())).toBe(0);
  });

  it('refuses a variable of the wrong type, naming it and its type', () => {
    expect(refusal(() => createTask(store, declaring(), { variables: { healthUrl: 'u', hosts: 2.5 } })).message).toBe('The variable "hosts" must be of type integer, not the number 2.5');
    expect(refusal(() => createTask(store, declaring({ needPatch: 'yes' }), { variables: { healthUrl: 'u' } })).message).toBe('The variable "needPatch" must be of type boolean, not the text "yes"');
  });

  it('keeps the declared inputs, descriptions included, in the task snapshot', () => {
    const result = createTask(store, declaring(), { variables: { healthUrl: 'u' } });
    const stored = store.first(store.kysely.selectFrom('deduction_task_snapshot').select('workflow_snapshot').where('task_id', '=', result.task_id))!;
    expect(JSON.parse(stored.workflow_snapshot).inputs).toEqual(INPUTS);
  });
});
