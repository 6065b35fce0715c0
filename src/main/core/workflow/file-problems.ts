import { problem, type Problem } from '../../../shared/workflow/problems';
import type { ProblemArgs } from '../../../shared/workflow/problem-wordings';

/** Stable codes of the problems reading a workflow file reports, before validation proper. */
export const FILE_PROBLEM = {
  notFound: 'FILE_NOT_FOUND',
  notAFile: 'FILE_NOT_REGULAR',
  unreadable: 'FILE_UNREADABLE',
  tooLarge: 'FILE_TOO_LARGE',
  notUtf8: 'FILE_NOT_UTF8',
  empty: 'FILE_EMPTY',
  unknownFormat: 'FILE_UNKNOWN_FORMAT',
  jsonSyntax: 'JSON_SYNTAX',
} as const;

/** A file-level problem: it is about the input as a whole, so its path is empty. */
export function fileError<C extends string>(code: C, params: ProblemArgs<C>): Problem {
  return problem('error', code, [], params);
}
