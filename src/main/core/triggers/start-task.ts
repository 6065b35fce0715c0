import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';
import type { Id } from '../../../shared/ids';
import type { CreateTaskOptions } from '../../../shared/task/create';
import type { Scheduler } from '../scheduler/scheduler';
import type { Store } from '../store/store';
import { loadTemplate } from '../workflow/templates';

export type TaskVariables = NonNullable<CreateTaskOptions['variables']>;

export interface TriggeredStart {
  templateName: string;
  variables: TaskVariables;
  /** Recorded as the task's creator. */
  owner: string;
}

/** Makes and starts a task of a template; resolves with its id. */
export type StartTriggeredTask = (request: TriggeredStart) => Promise<Id>;

/** Starts a task of the template's latest version, with the firing's variables over the workflow's. */
export function templateStarter(store: Store, scheduler: Pick<Scheduler, 'createTask' | 'startTask'>): StartTriggeredTask {
  return async ({ templateName, variables, owner }) => {
    const template = loadTemplate(store, { name: templateName });
    if (!template) throw new ApiError('NOT_FOUND', errorReason('template.notFound', { name: templateName }));
    const created = scheduler.createTask(template.definition, { variables, createdBy: owner, templateId: template.id });
    await scheduler.startTask(created.task_id);
    return created.task_id;
  };
}
