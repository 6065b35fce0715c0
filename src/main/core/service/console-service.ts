import type { AgentCatalogEntry } from '../../../shared/engine/protocol';
import type { EngineState } from '../../../shared/engine/engine-state';
import type { ConsoleApi } from '../../../shared/api/contract';
import type { Scheduler } from '../scheduler/scheduler';
import type { Store } from '../store/store';
import { observationApi } from './observation-api';
import { settingsApi } from './settings-api';
import { taskApi } from './task-api';
import { workflowApi } from './workflow-api';

/** What the Engines look like from the service: their link states and what they can run. */
export interface EngineDirectory {
  states(): EngineState[];
  catalog(): AgentCatalogEntry[];
}

export interface ConsoleServiceDeps {
  store: Store;
  scheduler: Scheduler;
  engines: EngineDirectory;
  appName: string;
  version: string;
  /** Who is acting: recorded with every control (node_state_transition.operator). */
  operator: () => string;
}

/** The ConsoleApi implementation every transport (IPC, WebSocket, CLI) calls into. */
export function createConsoleService(deps: ConsoleServiceDeps): ConsoleApi {
  return {
    getAppStatus: async () => ({ appName: deps.appName, version: deps.version, store: deps.store.status() }),
    ...workflowApi(deps),
    ...taskApi(deps),
    ...observationApi(deps),
    ...settingsApi(deps),
    listEngines: async () => deps.engines.states(),
    getAgentCatalog: async () => deps.engines.catalog(),
  };
}
