import type { TFunction } from 'i18next';
import type { Problem } from '../../../shared/workflow/problems';

/** A problem's code as a translated title. */
export function problemTitle(t: TFunction, problem: Problem): string {
  return t(`problemCodes.${problem.code}`, { defaultValue: problem.code });
}

/**
 * A problem's message in the window's language: the translation of its code (the wording its
 * `context` picks) filled with its params; the validator's own words where it gives no params
 * or no translation exists.
 */
export function problemMessage(t: TFunction, problem: Problem): string {
  if (problem.params === undefined) return problem.message;
  return t(`problemMessages.${problem.code}`, { ...problem.params, defaultValue: problem.message });
}

export function problemTooltip(t: TFunction, problems: readonly Problem[]): string {
  return problems.map((problem) => `${problemTitle(t, problem)}: ${problemMessage(t, problem)}`).join('\n');
}
