import type { ConsoleApi } from '../../../shared/api/contract';
import { templateStarter } from '../triggers/start-task';
import { createTrigger, deleteTrigger, listTriggers, setTriggerPaused, updateTrigger } from '../triggers/trigger-rows';
import { TriggerService } from '../triggers/trigger-service';
import type { ConsoleServiceDeps } from './console-service';

type TriggerMethods = Pick<ConsoleApi, 'listTriggers' | 'createTrigger' | 'updateTrigger' | 'pauseTrigger' | 'resumeTrigger' | 'deleteTrigger' | 'fireTrigger'>;

/**
 * Triggers, listed and changed by hand; the running trigger service follows each change at
 * once. A trigger made here belongs to the session's operator. Without a service (a service
 * built for one call), fireTrigger starts the task through the scheduler all the same.
 */
export function triggersApi({ store, scheduler, operator, triggers }: ConsoleServiceDeps): TriggerMethods {
  const service = () => triggers ?? new TriggerService({ store, start: templateStarter(store, scheduler) });
  const now = () => triggers?.now() ?? Date.now();
  const changed = <T>(result: T): T => {
    triggers?.changed();
    return result;
  };
  return {
    listTriggers: async (query) => listTriggers(store, query),
    createTrigger: async ({ templateName, spec }) => changed(createTrigger(store, { templateName, spec, source: 'manual', owner: operator() }, now())),
    updateTrigger: async (id, spec) => changed(updateTrigger(store, id, spec, now())),
    pauseTrigger: async (id) => changed(setTriggerPaused(store, id, true, now())),
    resumeTrigger: async (id) => changed(setTriggerPaused(store, id, false, now())),
    deleteTrigger: async (id) => changed(deleteTrigger(store, id)),
    fireTrigger: async (id, variables) => service().fire(id, variables ?? {}, 'http', operator()),
  };
}
