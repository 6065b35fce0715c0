import { z } from 'zod';
import { NODE_ID_MAX_LENGTH } from '../workflow/definition';

/**
 * Changes to a deduction while it runs (issue 22, item 2): its variables, nodes added or
 * removed, a node rerun with an edited config. The shapes every face sends (the ConsoleApi,
 * the REST API, the CLI) are declared once, here; the scheduler checks the graph rules.
 */

const jsonObject = z.record(z.string(), z.json());
type Json = z.infer<ReturnType<typeof z.json>>;

/** Variables to set, by name; a variable not named keeps its value. */
export const variablesPatchSchema = z
  .record(z.string().min(1).max(200), z.json())
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one variable to set' })
  .refine((patch) => Object.keys(patch).length <= 200, { message: 'at most 200 variables at once' });
export type VariablesPatch = z.infer<typeof variablesPatchSchema>;

/** One variable as a change left it; `before` is absent for a variable the task did not have. */
export interface VariableChange {
  name: string;
  before?: Json;
  after: Json;
}

/**
 * Nodes to add to a running task, written as the workflow definition writes nodes (each with
 * its `dependencies`); those without a parentId go under `parentId`, or the root when that is
 * absent. A dependency on a node that has already ended is refused unless `allowEndedSources`:
 * that node will not end again, so the dependency is decided once, on how it ended.
 */
export const nodeAdditionSchema = z.object({
  parentId: z.string().min(1).max(NODE_ID_MAX_LENGTH).optional(),
  nodes: z.array(z.record(z.string(), z.unknown())).min(1).max(1000),
  allowEndedSources: z.boolean().optional(),
});
export type NodeAddition = z.infer<typeof nodeAdditionSchema>;

export interface AddNodesResult {
  /** The ids added, parents before their children. */
  added: string[];
}

export interface RemoveNodeResult {
  /** The node and everything inside it, parents first. */
  removed: string[];
}

/** A rerun of a node (and what depends on it) with, optionally, the node's config replaced. */
export const rerunOptionsSchema = z.object({ config: jsonObject.optional() });
export type RerunOptions = z.infer<typeof rerunOptionsSchema>;

export interface RerunNodeResult {
  /** How many nodes run again: the node, what depends on it, and what those hold. */
  nodes: number;
  /** Whether the node's config was replaced (the next batch resolves the new one). */
  configChanged: boolean;
}
