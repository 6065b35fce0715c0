import type { SessionRole } from '../../shared/api/app-status';
import type { ConsoleApi } from '../../shared/api/contract';
import type { BalancingStrategy, EngineEndpoint } from '../../shared/engine/endpoints';
import type { EngineState } from '../../shared/engine/engine-state';
import { consoleLogger, type Logger } from '../../shared/logger';
import { startAlertService } from './alerts/alert-service';
import { forecastForTask } from './forecast/forecast-service';
import { backupDirectory } from './backups/backup-directory';
import { BackupScheduler } from './backups/backup-scheduler';
import { applyStagedRestore } from './backups/staged-restore';
import { startEmbeddedEngine } from './engine/embedded-engine';
import type { EnginePort } from './engine/engine-port';
import { NoEngineError, waitForEngines, type EngineWaitOptions } from './engine/engine-wait';
import { connectEngines, routeByEnvironment } from './engine/env-engines';
import { attachEventIngest } from './engine/ingest-events';
import { watchOtherProcesses } from './ownership/change-watch';
import { leaseTiming, type LeaseTiming } from './ownership/lease-timing';
import { OwnedScheduler } from './ownership/owned-scheduler';
import { describeProcess, ProcessLease, type ProcessInfo } from './ownership/process-lease';
import { findShippedDir } from './paths';
import type { HtmlToPdf } from './report/html-to-pdf';
import type { Scheduler } from './scheduler/scheduler';
import { createConsoleService, type EngineDirectory } from './service/console-service';
import { withManualAssignment } from './assignment/manual-assignment';
import { EventHub } from './service/event-hub';
import { appendFeeds, taskChangeFeed } from './service/live-events';
import type { SecretKeyProvider } from './settings/secret-key';
import { readSettings, useSecretKey } from './settings/settings-store';
import { templateStarter } from './triggers/start-task';
import { TriggerService, type TriggerServiceOptions } from './triggers/trigger-service';
import { InjectService } from './injects/inject-service';
import { schedulerEffects } from './injects/scheduler-effects';
import { openStore, type Store } from './store/store';
import type { ProcessRole } from './store/tables';
import { TERMINAL_TASK_STATUSES } from '../../shared/status';
import { errorText } from '../../shared/error-text';
import { ApiError } from '../../shared/api/errors';

export interface ConsoleRuntimeOptions {
  dbFile: string;
  migrationsDir: string;
  appName: string;
  version: string;
  /** Engines to drive; overrides the settings. None configured anywhere: the embedded Engine. */
  engines?: EngineEndpoint[];
  strategy?: BalancingStrategy;
  /**
   * Remote Engines are waited for before anything runs (default: up to 15 s, no progress
   * lines); when none connects, the start fails naming each Engine and why. 0 ms: no wait.
   */
  engineWait?: Partial<EngineWaitOptions>;
  /** How long a task's first start in an environment waits for that environment's Engines (default 10 s). */
  environmentWaitMs?: number;
  /** How many times a node may lose its Engine and be dispatched again before it fails with ENGINE_LOST (default 3). */
  engineLossLimit?: number;
  /** The embedded Engine's agent catalog; the shipped catalog/ by default. */
  catalogDir?: string;
  /** How many nodes the embedded Engine runs at once. */
  embeddedCapacity?: number;
  /**
   * Pick up the tasks a previous process left running (default). A one-off `deduction run`
   * says no: it drives its own task only, even on a database another console uses.
   */
  recover?: boolean;
  /** What this process is, as other processes on the database name it ("deduction serve"). */
  processLabel?: string;
  /** Lease and watch intervals; the environment (see lease-timing.ts) or the defaults otherwise. */
  lease?: Partial<LeaseTiming>;
  logger?: Logger;
  /** Prints run reports to PDF (the shell's offscreen window, or a system Chromium). */
  htmlToPdf?: HtmlToPdf;
  /** Seals Engine tokens in the database; a key file beside it by default (the desktop app: the system keychain). */
  secretKey?: SecretKeyProvider;
  /** Scan and settle times of watched folders (tests shorten them). */
  triggers?: Pick<TriggerServiceOptions, 'scanMs' | 'settleMs' | 'clock'>;
}

/**
 * Everything the console's core runs, assembled once: the store, the Engines (the embedded
 * one when none is configured), the scheduler, the ConsoleApi service and its live event
 * streams. The Electron shell, the headless host and the CLI each start one of these and only
 * add their own face.
 */
export interface ConsoleRuntime {
  readonly store: Store;
  readonly scheduler: Scheduler;
  readonly events: EventHub;
  /** Fires the database's triggers while this process holds the scheduler role. */
  readonly triggers: TriggerService;
  /** This process's place among the processes sharing the database. */
  readonly ownership: RuntimeOwnership;
  /** The API acting as the configured operator. */
  readonly api: ConsoleApi;
  /** The API acting as a named operator (a browser session's), in that session's role. */
  /** A session's service; `local`: the caller uses this database directly (no host token) and counts as a supervisor of manual steps. */
  apiFor(operator: string, role?: SessionRole, access?: { local?: boolean }): ConsoleApi;
  engineStates(): EngineState[];
  close(): Promise<void>;
}

export interface RuntimeOwnership {
  /** scheduler: runs and recovers tasks; watcher: another process holds that role; runner: runs only its own task. */
  role(): ProcessRole;
  /** The other live process holding the scheduler role, if any. */
  schedulerHolder(): ProcessInfo | null;
  /** One sentence for the user: what this process may do on the database, and who else holds what. */
  describe(): string;
}

interface Engines extends EngineDirectory {
  port: EnginePort;
  onStates(listener: (states: EngineState[]) => void): () => void;
  close(): Promise<void>;
}

export const DEFAULT_ENGINE_WAIT_MS = 15_000;

async function startEngines(store: Store, options: ConsoleRuntimeOptions, logger: Logger): Promise<Engines> {
  const settings = readSettings(store, logger).engines;
  const endpoints = options.engines ?? (settings.mode === 'remote' ? settings.endpoints : []);
  if (endpoints.length > 0) {
    const balancer = connectEngines(store, endpoints, options.strategy ?? settings.strategy, { logger, scoreWeights: settings.scoreWeights });
    const wait = { timeoutMs: DEFAULT_ENGINE_WAIT_MS, ...options.engineWait };
    if (wait.timeoutMs > 0) {
      try {
        await waitForEngines(balancer, wait);
      } catch (error) {
        if (error instanceof NoEngineError && wait.whenNoneUp === 'continue') {
          logger.warn(error.message);
        } else {
          await balancer.close();
          throw error;
        }
      }
    }
    return {
      port: balancer,
      states: () => balancer.states(),
      catalog: () => balancer.catalog(),
      onStates: (listener) => balancer.onState(listener),
      close: () => balancer.close(),
    };
  }
  const embedded = await startEmbeddedEngine({
    store,
    logger,
    catalogDir: options.catalogDir ?? findShippedDir('catalog') ?? null,
    ...(options.embeddedCapacity === undefined ? {} : { capacity: options.embeddedCapacity }),
  });
  return {
    port: embedded.client,
    states: () => [embedded.client.state()],
    catalog: () => embedded.client.catalog(),
    onStates: (listener) => embedded.client.onState((state) => listener([state])),
    close: () => embedded.close(),
  };
}

export async function startConsoleRuntime(options: ConsoleRuntimeOptions): Promise<ConsoleRuntime> {
  const logger = options.logger ?? consoleLogger;
  if (options.dbFile !== ':memory:') {
    const restored = await applyStagedRestore(options.dbFile, options.migrationsDir);
    if (restored) logger.warn(`restored ${options.dbFile} from the backup chosen before the restart${restored.previousSavedAs ? `; the database it replaced is kept as ${restored.previousSavedAs}` : ''}`);
  }
  const store = await openStore({ file: options.dbFile, migrationsDir: options.migrationsDir, appVersion: options.version });
  useSecretKey(store, options.secretKey, logger);
  let engines: Engines;
  try {
    const defaults = await startEngines(store, options, logger);
    const routed = routeByEnvironment(store, defaults, { logger, ...(options.environmentWaitMs === undefined ? {} : { waitMs: options.environmentWaitMs }) });
    engines = { port: routed, states: () => routed.states(), catalog: () => routed.catalog(), onStates: (listener) => routed.onStates(listener), close: () => routed.close() };
  } catch (error) {
    store.close();
    throw error;
  }
  const events = new EventHub();
  const timing = leaseTiming(options.lease);
  let lease: ProcessLease;
  try {
    lease = new ProcessLease({ store, timing, command: options.processLabel ?? options.appName, wantsScheduler: options.recover !== false });
  } catch (error) {
    await engines.close();
    store.close();
    throw error;
  }
  const stopIngest = attachEventIngest(engines.port, store, logger);
  const scheduler = new OwnedScheduler(
    { store, engine: withManualAssignment(store, engines.port, logger), logger, ...(options.engineLossLimit === undefined ? {} : { engineLossLimit: options.engineLossLimit }) },
    lease,
    options.dbFile,
  );
  const changes = taskChangeFeed(events);
  const appends = appendFeeds(events);
  // Alerts are checked on every commit; their settings are read again at most once a second.
  let alertSettings = { value: readSettings(store, logger).alerts, readAt: Date.now() };
  const currentAlertSettings = () => {
    if (Date.now() - alertSettings.readAt > 1000) alertSettings = { value: readSettings(store, logger).alerts, readAt: Date.now() };
    return alertSettings.value;
  };
  const forecastFinish = (taskId: string) => forecastForTask(store, engines.catalog(), taskId, Date.now()).finish;
  const alertService = startAlertService({ store, settings: currentAlertSettings, emit: (event) => events.emit('alert', event), logger, forecastFinish });
  const alerts = alertService.monitor;
  const offChanges = scheduler.onChange((batch) => {
    changes.push(batch);
    alerts.onTaskChanges(batch);
    for (const change of batch) {
      if (change.task && TERMINAL_TASK_STATUSES.includes(change.task.status)) lease.release(change.taskId);
    }
  });
  const watch = watchOtherProcesses({
    store,
    intervalMs: timing.watchMs,
    isOwn: (taskId) => lease.owns(taskId),
    // The process that owns a task raises its alerts; the store shares them with every process.
    onTaskChanges: (batch) => changes.push(batch),
    onLogsAppended: (batch) => events.emit('logsAppended', batch),
  });
  const offAppends = engines.port.onEvents((batch) => {
    appends.push(batch);
    alerts.onEngineEvents(batch);
  });
  const offStates = engines.onStates((states) => {
    events.emit('engineStatus', states);
    alerts.onEngineStates(states);
  });
  const takeOver = async (): Promise<void> => {
    const claimed = new Set(lease.sweep());
    if (claimed.size > 0) await scheduler.recover({ only: (taskId) => claimed.has(taskId) });
  };

  let closed = false;
  let beating = false;
  const heartbeat = setInterval(() => {
    if (beating || closed) return;
    beating = true;
    void (async () => {
      const outcome = lease.heartbeat();
      if (closed) return;
      for (const taskId of outcome.lost) scheduler.forget(taskId);
      if (outcome.lost.length > 0) logger.error(`this process's heartbeat was late beyond ${timing.expiryMs} ms; tasks ${outcome.lost.join(', ')} were taken over by another process and are only watched here now`);
      if (outcome.promoted) logger.warn(`${options.dbFile}: the process that held the scheduler stopped; this console holds it now`);
      await takeOver();
    })()
      .catch((error: unknown) => logger.error(`task leases: ${errorText(error)}`))
      .finally(() => (beating = false));
  }, timing.heartbeatMs);
  heartbeat.unref();
  const ownership: RuntimeOwnership = {
    role: () => lease.role,
    schedulerHolder: () => lease.schedulerHolder(),
    describe: () => {
      const held = lease.schedulerHolder();
      if (lease.role === 'scheduler') return `this process holds the scheduler of ${options.dbFile}: it runs and recovers its tasks`;
      if (lease.role === 'runner') return `this process runs only the tasks it starts on ${options.dbFile}`;
      return `watch mode: the scheduler of ${options.dbFile} is held by ${held ? describeProcess(held, Date.now()) : 'another process'}; this console shows every task live but starts and controls none, and takes the scheduler over if that process stops`;
    },
  };
  if (lease.role === 'watcher') logger.warn(ownership.describe());
  await takeOver();

  // A one-off run (runner) never fires triggers; a watcher starts firing once it holds the scheduler.
  const startTriggered = templateStarter(store, scheduler);
  const triggers = new TriggerService({
    store,
    // A watching console would make the task and then be refused its start: refused before either.
    start: async (request) => {
      if (lease.role === 'watcher') throw new ApiError('CONFLICT', ownership.describe());
      return startTriggered(request);
    },
    logger,
    canFire: () => lease.role === 'scheduler',
    ...options.triggers,
  });
  if (options.recover !== false) await triggers.start();

  const injects = new InjectService({ store, effects: schedulerEffects(scheduler), engine: engines.port, owns: (taskId) => lease.owns(taskId), logger });
  const offInjects = scheduler.onChange((batch) => injects.changed(batch));
  await injects.start();

  // The daily backup runs in the long-lived consoles (the app, `serve`), not in a one-off `run`.
  const backupSchedule =
    options.recover !== false && !store.db.memory ? new BackupScheduler({
          store,
          settings: () => readSettings(store, logger).backups,
          logger,
          onFailure: (detail) => alerts.raise({ kind: 'backup-failed', severity: 'critical', params: { detail } }),
        }) : null;
  void backupSchedule?.start().catch((error: unknown) => logger.error(`backup schedule: ${errorText(error)}`));
  const backups = backupDirectory(store, backupSchedule, logger);

  const serviceFor = (operator: () => string, role: SessionRole, local: boolean) =>
    createConsoleService({ role, local, store, scheduler, engines, alerts, appName: options.appName, version: options.version, operator, htmlToPdf: options.htmlToPdf, backups, triggers, injects });
  const apiFor = (operator: string, role: SessionRole = 'operator', access: { local?: boolean } = {}) => serviceFor(() => operator, role, access.local ?? false);
  const configured = serviceFor(() => readSettings(store, logger).operatorName, 'operator', true);
  return {
    store,
    scheduler,
    events,
    triggers,
    ownership,
    api: configured,
    apiFor,
    engineStates: () => engines.states(),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      alertService.stop();
      backupSchedule?.close();
      await backupSchedule?.idle();
      await triggers.close();
      offInjects();
      injects.close();
      watch.close();
      offStates();
      offAppends();
      offChanges();
      changes.coalescer.close();
      appends.close();
      scheduler.close();
      stopIngest();
      await engines.close();
      lease.close();
      store.close();
    },
  };
}
