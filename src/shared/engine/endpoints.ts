import { z } from 'zod';
import { skillsSchema } from './skills';

/** One Engine of an environment (the JSON array in env_instance.engines). */
export const engineEndpointSchema = z.object({
  /** A name for the operator; defaults to the URL. */
  name: z.string().min(1).max(200).optional(),
  url: z
    .string()
    .max(2000)
    .regex(/^(https?|wss?):\/\/[^\s/]+/, 'must be an http, https, ws or wss URL'),
  token: z.string().min(1).max(4096),
  /** Share of nodes under the weighted strategy. */
  weight: z.int().min(1).max(1000).default(1),
  /** PEM certificate(s) to trust for https/wss, for Engines with a private CA or a self-signed certificate. */
  ca: z.string().max(100_000).optional(),
  /** Skills the console lends this Engine, added to those it advertises (so a third-party Engine can be tagged). */
  skills: skillsSchema.optional(),
});
export type EngineEndpoint = z.infer<typeof engineEndpointSchema>;
export type EngineEndpointInput = z.input<typeof engineEndpointSchema>;

export const engineEndpointsSchema = z.array(engineEndpointSchema).max(100);

/**
 * How the balancer picks among the Engines able to run a node (see placement-score.ts):
 * round_robin in turn; least_connections the lowest active/capacity; weighted the highest
 * base weight × 1/(1+active) × skill match; score the design's composite score.
 */
export const BALANCING_STRATEGIES = ['round_robin', 'least_connections', 'weighted', 'score'] as const;
export type BalancingStrategy = (typeof BALANCING_STRATEGIES)[number];
