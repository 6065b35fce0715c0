import { PROBLEM_WORDINGS, SCHEMA_TYPE_WORDINGS } from '../../../shared/workflow/problem-wordings';

type Tree = Record<string, unknown>;

/**
 * The English wordings of workflow problems as i18next keys (`problemMessages.<key>`, plural
 * forms as `_one`/`_other`, and the `schemaTypes` they nest): written once, in the shared
 * catalog the problems' own messages come from, not again in en.json.
 */
export function problemWordings(): Tree {
  const messages: Tree = {};
  for (const [key, wording] of Object.entries(PROBLEM_WORDINGS)) {
    if (typeof wording === 'string') messages[key] = wording;
    else {
      const forms = wording as { one: string; other: string };
      messages[`${key}_one`] = forms.one;
      messages[`${key}_other`] = forms.other;
    }
  }
  return { problemMessages: messages, schemaTypes: { ...SCHEMA_TYPE_WORDINGS } };
}
