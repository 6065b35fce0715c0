import type { AgentCatalogEntry } from '../../../shared/engine/protocol';
import type { EngineState } from '../../../shared/engine/engine-state';
import type { Alert, AlertQuery, TaskHealth } from '../../../shared/api/alerts';
import type { SessionRole } from '../../../shared/api/app-status';
import type { ConsoleApi } from '../../../shared/api/contract';
import type { BackupDirectory } from '../backups/backup-directory';
import type { HtmlToPdf } from '../report/html-to-pdf';
import type { Scheduler } from '../scheduler/scheduler';
import type { Store } from '../store/store';
import { getTask } from '../tasks/task-queries';
import { environmentsApi } from './environments-api';
import { maintenanceApi } from './maintenance-api';
import { observationApi } from './observation-api';
import { operatorsApi } from './operators-api';
import { settingsApi } from './settings-api';
import { taskApi } from './task-api';
import { liveApi } from './live-api';
import { holdApi } from './hold-api';
import { triggersApi } from './triggers-api';
import type { TriggerService } from '../triggers/trigger-service';
import { workflowApi } from './workflow-api';
import { injectsApi } from './injects-api';
import type { InjectService } from '../injects/inject-service';
import { clockApi } from '../clock/clock-api';

/** What the Engines look like from the service: their link states and what they can run. */
export interface EngineDirectory {
  states(): EngineState[];
  catalog(): AgentCatalogEntry[];
}

/** The alerts kept, what operators do with them, and each task's health. */
export interface AlertDirectory {
  list(query?: AlertQuery): Alert[];
  health(taskId: string): TaskHealth;
  acknowledge(id: string, by: string): Alert;
  resolve(id: string, by: string): Alert;
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
  /** The desktop's own user or a local CLI (no host token): counts as a supervisor of manual steps. */
  local?: boolean;
  /** Prints run reports to PDF; without it, PDF export is refused as unavailable. */
  htmlToPdf?: HtmlToPdf | undefined;
  /** The runtime's backups (with their schedule); without it, backups are made on demand only. */
  backups?: BackupDirectory | undefined;
  /** The process's trigger service, told of every change made through the API. */
  triggers?: TriggerService | undefined;
  /** The process's inject service, which fires a task's injects where this process runs it. */
  injects?: InjectService | undefined;
}

/** The ConsoleApi implementation every transport (IPC, WebSocket, CLI) calls into. */
export function createConsoleService(deps: ConsoleServiceDeps): ConsoleApi {
  return {
    getAppStatus: async () => ({ appName: deps.appName, version: deps.version, store: deps.store.status(), session: { operator: deps.operator(), role: deps.role ?? 'operator' } }),
    ...workflowApi(deps),
    ...taskApi(deps),
    ...liveApi(deps),
    ...holdApi(deps),
    ...observationApi(deps),
    ...settingsApi(deps),
    ...environmentsApi(deps),
    ...maintenanceApi(deps),
    listAlerts: async (query) => deps.alerts.list(query),
    acknowledgeAlert: async (id) => deps.alerts.acknowledge(id, deps.operator()),
    resolveAlert: async (id) => deps.alerts.resolve(id, deps.operator()),
    ...operatorsApi(deps),
    ...triggersApi(deps),
    ...injectsApi(deps),
    ...clockApi(deps),
    getTaskHealth: async (taskId) => {
      getTask(deps.store, taskId);
      return deps.alerts.health(taskId);
    },
    listEngines: async () => deps.engines.states(),
    getAgentCatalog: async () => deps.engines.catalog(),
  };
}
