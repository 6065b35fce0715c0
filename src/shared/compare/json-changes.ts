import diff from 'microdiff';
import { jsonEqual } from '../workflow/json-equal';

/** One difference between two JSON values, at a path such as `forces.red` or `routes[2]`. */
export interface JsonChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** A key that reads as a name is written as one; any other (`10.0.0.1`, `a b`, "") is quoted, so that no two paths read alike. */
const NAME = /^[\p{L}_$][\p{L}\p{N}_$-]*$/u;

function pathText(path: readonly (string | number)[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : !NAME.test(part) ? `[${JSON.stringify(part)}]` : index === 0 ? part : `.${part}`))
    .join('');
}

const KINDS = { CREATE: 'added', REMOVE: 'removed', CHANGE: 'changed' } as const;

/** Where `after` differs from `before`; values that are not objects compare whole, at the path "". */
export function jsonChanges(before: unknown, after: unknown): JsonChange[] {
  const objects = typeof before === 'object' && before !== null && typeof after === 'object' && after !== null && Array.isArray(before) === Array.isArray(after);
  if (!objects) return jsonEqual(before, after) ? [] : [{ path: '', kind: 'changed', before, after }];
  return diff(before as Record<string, unknown>, after as Record<string, unknown>).map((change) => ({
    path: pathText(change.path),
    kind: KINDS[change.type],
    ...(change.type !== 'CREATE' ? { before: change.oldValue } : {}),
    ...(change.type !== 'REMOVE' ? { after: change.value } : {}),
  }));
}
