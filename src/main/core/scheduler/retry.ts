import { backoffSchema, type Backoff, type RetryPolicy } from '../../../shared/workflow/definition';

const DEFAULT_BACKOFF: Backoff = backoffSchema.parse({});

export type RetryDecision = { retry: true; retryNumber: number; delayMs: number } | { retry: false };

/**
 * Whether a failed or timed-out attempt is tried again. `retriesUsed` counts the automatic
 * retries since the node last started afresh (first start, operator restart or rerun); the
 * delay before retry n is initialMs·factorⁿ⁻¹, capped at maxMs.
 */
export function retryDecision(policy: RetryPolicy | undefined, retriesUsed: number): RetryDecision {
  if (!policy || retriesUsed >= policy.maxRetries) return { retry: false };
  const retryNumber = retriesUsed + 1;
  return { retry: true, retryNumber, delayMs: backoffDelay(policy.backoff, retryNumber) };
}

export function backoffDelay(backoff: Partial<Backoff> | undefined, retryNumber: number): number {
  const initialMs = backoff?.initialMs ?? DEFAULT_BACKOFF.initialMs;
  const factor = backoff?.factor ?? DEFAULT_BACKOFF.factor;
  const maxMs = backoff?.maxMs ?? DEFAULT_BACKOFF.maxMs;
  return Math.min(maxMs, Math.round(initialMs * factor ** (retryNumber - 1)));
}
