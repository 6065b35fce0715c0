import type { EngineEndpoint } from '../../../shared/engine/endpoints';
import { REDACTED_TOKEN } from '../../../shared/settings/settings';
import { isSealed, seal, unseal } from '../settings/sealed-secret';
import { secretKeyOf } from '../settings/settings-store';
import type { Store } from '../store/store';

/**
 * An environment's Engine tokens are sealed at rest with the same key as the settings' Engine
 * tokens (see settings-store.ts): a copy of the database alone holds no usable token.
 */
export function sealEndpointTokens(store: Store, endpoints: readonly EngineEndpoint[]): EngineEndpoint[] {
  if (endpoints.length === 0) return [];
  const key = secretKeyOf(store)();
  return endpoints.map((endpoint) => ({ ...endpoint, token: isSealed(endpoint.token) ? endpoint.token : seal(endpoint.token, key) }));
}

/**
 * Tokens as used. A token stored in plain text (a row written by hand) is used as it is; one
 * that cannot be opened (left out of a backup, or sealed with another key) reads as
 * REDACTED_TOKEN, which no Engine accepts: it has to be entered again.
 */
export function openEndpointTokens(store: Store, endpoints: readonly EngineEndpoint[]): EngineEndpoint[] {
  if (!endpoints.some((endpoint) => isSealed(endpoint.token))) return [...endpoints];
  const key = secretKeyOf(store)();
  return endpoints.map((endpoint) => (isSealed(endpoint.token) ? { ...endpoint, token: unseal(endpoint.token, key) ?? REDACTED_TOKEN } : endpoint));
}

export function redactEndpointTokens(endpoints: readonly EngineEndpoint[]): EngineEndpoint[] {
  return endpoints.map((endpoint) => ({ ...endpoint, token: REDACTED_TOKEN }));
}
