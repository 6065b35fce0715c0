import { z } from 'zod';

/**
 * Skills: tags an Engine (or an operator) advertises beyond the agent loads it offers, such as
 * `gpu` or `linux`, and a node may require. Matched exactly (case included).
 */
export const skillSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:+-]+$/, 'must be letters, digits or _ . : + - (no spaces)');

export const skillsSchema = z.array(skillSchema).max(100);

/** The required skills missing from `offered`, in the order they are required, each once. */
export function missingSkills(required: readonly string[], offered: readonly string[]): string[] {
  const have = new Set(offered);
  return [...new Set(required)].filter((skill) => !have.has(skill));
}

/** Both lists together, each skill once, in order of first appearance. */
export function mergeSkills(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
