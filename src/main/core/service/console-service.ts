import type { AgentCatalogEntry } from '../../../shared/engine/protocol';
import type { EngineState } from '../../../shared/engine/engine-state';
import type { Alert, TaskHealth } from '../../../shared/api/alerts';
import type { SessionRole } from '../../../shared/api/app-status';
import type { ConsoleApi } from '../../../shared/api/contract';
import type { HtmlToPdf } from '../report/html-to-pdf';
import type { Scheduler } from '../scheduler/scheduler';
import type { Store } from '../store/store';
import { getTask } from '../tasks/task-queries';
import { environmentsApi } from './environments-api';
import { observationApi } from './observation-api';
import { settingsApi } from './settings-api';
import { taskApi } from './task-api';
import { triggersApi } from './triggers-api';
import type { TriggerService } from '../triggers/trigger-service';
import { workflowApi } from './workflow-api';

/** What the Engines look like from the service: their link states and what they can run. */
export interface EngineDirectory {
  states(): EngineState[];
  catalog(): AgentCatalogEntry[];
}

/** The alerts raised so far, and each task's health. */
export interface AlertDirectory {
  list(): Alert[];
  health(taskId: string): TaskHealth;
}

export interface ConsoleServiceDeps {
  store: Store;
  scheduler: Scheduler;
  engines: EngineDirectory;
  alerts: AlertDirectory;
  appName: string;
  version: string;
  /** Who is acting: recorded with every control (node_state_transition.operator). */
  operator: () => string;
  /** The session's role, reported to the window (dispatch enforces it). */
  role?: SessionRole;
  /** Prints run reports to PDF; without it, PDF export is refused as unavailable. */
  htmlToPdf?: HtmlToPdf | undefined;
  /** The process's trigger service, told of every change made through the API. */
  triggers?: TriggerService | undefined;
}

/** The ConsoleApi implementation every transport (IPC, WebSocket, CLI) calls into. */
export function createConsoleService(deps: ConsoleServiceDeps): ConsoleApi {
  return {
    getAppStatus: async () => ({ appName: deps.appName, version: deps.version, store: deps.store.status(), session: { operator: deps.operator(), role: deps.role ?? 'operator' } }),
    ...workflowApi(deps),
    ...taskApi(deps),
    ...observationApi(deps),
    ...settingsApi(deps),
    ...environmentsApi(deps),
    ...triggersApi(deps),
    listAlerts: async () => deps.alerts.list(),
    getTaskHealth: async (taskId) => {
      getTask(deps.store, taskId);
      return deps.alerts.health(taskId);
    },
    listEngines: async () => deps.engines.states(),
    getAgentCatalog: async () => deps.engines.catalog(),
  };
}
