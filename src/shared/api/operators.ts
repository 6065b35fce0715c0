import { z } from 'zod';
import { skillsSchema } from '../engine/skills';

/** A person who decides manual steps: their skills, and whether they supervise (decide any step). */
export const operatorInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  skills: skillsSchema.default([]),
  supervisor: z.boolean().default(false),
});
export type OperatorInput = z.input<typeof operatorInputSchema>;

export interface OperatorView {
  name: string;
  skills: string[];
  supervisor: boolean;
  /** Manual steps assigned to them and still awaiting a decision. */
  openSteps: number;
}

/** A running manual step awaiting a decision, with who may decide it. */
export interface PendingApproval {
  taskId: string;
  taskName: string;
  nodeId: string;
  nodeName: string | null;
  batch: number;
  /** null: unassigned (anyone with the operator role may decide), or no operator had the required skills (a supervisor decides). */
  assignee: string | null;
  requiredSkills: string[];
  since: number | null;
}
