import { z } from 'zod';
import { BALANCING_STRATEGIES, engineEndpointsSchema, type BalancingStrategy, type EngineEndpoint } from '../engine/endpoints';
import type { Id } from '../ids';

/**
 * An environment (环境实例): the Engines a task made in it runs on, and how its nodes are spread
 * over them. A disabled (archived) environment stays for the tasks that name it, takes no new
 * task and starts none.
 */
export const ENVIRONMENT_STATUSES = ['active', 'disabled'] as const;
export type EnvironmentStatus = (typeof ENVIRONMENT_STATUSES)[number];

const name = z.string().trim().min(1).max(200);
const description = z.string().max(10_000);

export const environmentInputSchema = z.object({
  name,
  description: description.optional(),
  /** An endpoint's token as read back (REDACTED_TOKEN) keeps the stored token of the same URL. */
  engines: engineEndpointsSchema.min(1, 'an environment needs at least one Engine'),
  strategy: z.enum(BALANCING_STRATEGIES).optional(),
});
export type EnvironmentInput = z.input<typeof environmentInputSchema>;

/** Only the fields given change; `status: 'active'` enables a disabled environment again. */
export const environmentPatchSchema = z.object({
  name: name.optional(),
  description: description.nullable().optional(),
  engines: engineEndpointsSchema.min(1, 'an environment needs at least one Engine').optional(),
  strategy: z.enum(BALANCING_STRATEGIES).optional(),
  status: z.enum(ENVIRONMENT_STATUSES).optional(),
});
export type EnvironmentPatch = z.input<typeof environmentPatchSchema>;

export interface EnvironmentView {
  id: Id;
  name: string;
  description: string | null;
  /** Tokens never leave the core: each reads as REDACTED_TOKEN. */
  engines: EngineEndpoint[];
  strategy: BalancingStrategy;
  status: EnvironmentStatus;
  createdAt: number;
  updatedAt: number;
  /** Tasks made in this environment. */
  taskCount: number;
}
