import type { BalancingStrategy, EngineEndpoint } from '../../../shared/engine/endpoints';
import type { Logger } from '../../../shared/logger';
import type { ScoreWeights } from '../../../shared/settings/settings';
import { placementRecorder } from '../assignment/placements';
import { readSettings } from '../settings/settings-store';
import { environmentOfTask, readEnvironmentEngines } from '../environments/environments';
import type { Store } from '../store/store';
import { consoleSessionId } from './console-session';
import { EngineBalancer } from './engine-balancer';
import { EngineClient, type EngineClientOptions } from './engine-client';
import { TaskRoutedEngines, type EnginePool } from './task-routed-engines';

export type ClientTuning = Pick<
  EngineClientOptions,
  'commandTimeoutMs' | 'lostAfterMs' | 'reconnectDelayMs' | 'reconnectDelayMaxMs' | 'pingIntervalMs' | 'consoleName'
>;

/**
 * The Engines of one environment (env_instance): its endpoints (url, token, weight) and its
 * strategy, as a connecting EngineBalancer. Unreachable Engines do not hold the others up;
 * they join when they come up. Each Engine is named after the environment, so that the
 * console's list of Engines tells them from the default ones.
 */
export function connectEnvironment(store: Store, envInstanceId: string, options: ClientTuning & { logger?: Logger } = {}): EngineBalancer {
  const environment = readEnvironmentEngines(store, envInstanceId);
  const endpoints = environment.endpoints.map((endpoint) => ({ ...endpoint, name: `${environment.name}/${endpoint.name ?? endpoint.url}` }));
  // A session of its own per environment and version: an Engine keeps one link per session, so
  // the default Engines, each environment and an edited environment's previous connection (kept
  // for the tasks on it) never displace one another on an Engine they share; stable across
  // restarts, so the Engine hands back what it kept.
  const consoleSession = `${consoleSessionId(store)}_env${envInstanceId}_${environment.updatedAt}`;
  const scoreWeights = readSettings(store, options.logger).engines.scoreWeights;
  return connectEngines(store, endpoints, environment.strategy, { ...options, consoleSession, scoreWeights });
}

/** A balancer as an EnginePool: its port, its Engines' link states, its close. */
export function balancerPool(balancer: EngineBalancer): EnginePool {
  return { port: balancer, states: () => balancer.states(), onStates: (listener) => balancer.onState(listener), close: () => balancer.close() };
}

/**
 * The console's EnginePort: tasks made in an environment run on its Engines (connected on
 * their first start), the others on `defaults`.
 */
export function routeByEnvironment(store: Store, defaults: EnginePool, options: ClientTuning & { logger?: Logger; waitMs?: number } = {}): TaskRoutedEngines {
  const { waitMs, ...tuning } = options;
  return new TaskRoutedEngines({
    defaults,
    environmentOf: (taskId) => environmentOfTask(store, taskId),
    environment: (envId) => {
      const environment = readEnvironmentEngines(store, envId);
      return { name: environment.name, status: environment.status, version: environment.updatedAt };
    },
    connect: (envId) => balancerPool(connectEnvironment(store, envId, tuning)),
    ...(waitMs === undefined ? {} : { waitMs }),
  });
}

export function connectEngines(
  store: Store,
  endpoints: readonly EngineEndpoint[],
  strategy: BalancingStrategy,
  { consoleSession = consoleSessionId(store), scoreWeights, ...options }: ClientTuning & { logger?: Logger; consoleSession?: string; scoreWeights?: ScoreWeights } = {},
): EngineBalancer {
  const engines = endpoints.map((endpoint) => {
    const client = new EngineClient({
      ...options,
      url: endpoint.url,
      token: endpoint.token,
      name: endpoint.name ?? endpoint.url,
      consoleSession,
      store,
      ...(endpoint.ca ? { ca: endpoint.ca } : {}),
      ...(endpoint.skills ? { skills: endpoint.skills } : {}),
    });
    client.start();
    return { client, weight: endpoint.weight };
  });
  return new EngineBalancer(engines, strategy, {
    onPlaced: placementRecorder(store),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(scoreWeights ? { scoreWeights } : {}),
  });
}
