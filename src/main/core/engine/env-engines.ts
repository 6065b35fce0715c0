import { BALANCING_STRATEGIES, engineEndpointsSchema, type BalancingStrategy, type EngineEndpoint } from '../../../shared/engine/endpoints';
import type { Logger } from '../../../shared/logger';
import type { Store } from '../store/store';
import { consoleSessionId } from './console-session';
import { EngineBalancer } from './engine-balancer';
import { EngineClient, type EngineClientOptions } from './engine-client';

export type ClientTuning = Pick<
  EngineClientOptions,
  'commandTimeoutMs' | 'lostAfterMs' | 'reconnectDelayMs' | 'reconnectDelayMaxMs' | 'pingIntervalMs' | 'consoleName'
>;

/**
 * The Engines of one environment (env_instance): its endpoints (url, token, weight) and its
 * strategy, as a connecting EngineBalancer. Unreachable Engines do not hold the others up;
 * they join when they come up.
 */
export function connectEnvironment(store: Store, envInstanceId: string, options: ClientTuning & { logger?: Logger } = {}): EngineBalancer {
  const row = store.first(
    store.kysely.selectFrom('env_instance').select(['env_name', 'engines', 'strategy', 'status']).where('id', '=', envInstanceId),
  );
  if (!row) throw new Error(`environment ${envInstanceId} does not exist`);
  if (row.status !== 'active') throw new Error(`environment ${row.env_name} is disabled`);
  const parsed = engineEndpointsSchema.safeParse(JSON.parse(row.engines));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`environment ${row.env_name}: engines.${issue.path.join('.')}: ${issue.message}`);
  }
  if (parsed.data.length === 0) throw new Error(`environment ${row.env_name} lists no Engine`);
  if (!(BALANCING_STRATEGIES as readonly string[]).includes(row.strategy)) throw new Error(`environment ${row.env_name}: unknown strategy ${row.strategy}`);
  return connectEngines(store, parsed.data, row.strategy, options);
}

export function connectEngines(store: Store, endpoints: readonly EngineEndpoint[], strategy: BalancingStrategy, options: ClientTuning & { logger?: Logger } = {}): EngineBalancer {
  const consoleSession = consoleSessionId(store);
  const engines = endpoints.map((endpoint) => {
    const client = new EngineClient({
      ...options,
      url: endpoint.url,
      token: endpoint.token,
      name: endpoint.name ?? endpoint.url,
      consoleSession,
      store,
      ...(endpoint.ca ? { ca: endpoint.ca } : {}),
    });
    client.start();
    return { client, weight: endpoint.weight };
  });
  return new EngineBalancer(engines, strategy, options.logger ? { logger: options.logger } : {});
}
