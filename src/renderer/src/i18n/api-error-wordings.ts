import { API_ERROR_REASONS } from '../../../shared/api/error-reasons';

type Tree = Record<string, unknown>;

/**
 * The English wordings of error reasons as i18next keys (`apiErrors.<group>.<name>`, plural
 * forms as `_one`/`_other`): they are written once, in the shared catalog the core's messages
 * come from, not again in en.json.
 */
export function apiErrorWordings(): Tree {
  const tree: Tree = {};
  for (const [key, wording] of Object.entries(API_ERROR_REASONS)) {
    const [group, name] = key.split('.') as [string, string];
    const branch = (tree[group] ??= {}) as Tree;
    if (typeof wording === 'string') branch[name] = wording;
    else {
      branch[`${name}_one`] = wording.one;
      branch[`${name}_other`] = wording.other;
    }
  }
  return tree;
}
