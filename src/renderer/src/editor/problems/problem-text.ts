import type { TFunction } from 'i18next';
import type { Problem } from '../../../../shared/workflow/problems';

/**
 * A problem in the user's language: a translated title for its code, with the validator's
 * own message (which names the nodes involved) as the detail.
 */
export function problemTitle(t: TFunction, problem: Problem): string {
  return t(`problemCodes.${problem.code}`, { defaultValue: problem.code });
}

export function problemTooltip(t: TFunction, problems: readonly Problem[]): string {
  return problems.map((problem) => `${problemTitle(t, problem)}: ${problem.message}`).join('\n');
}
