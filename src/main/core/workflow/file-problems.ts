import type { Problem } from '../../../shared/workflow/problems';

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

export function fileError(code: string, message: string): Problem {
  return { severity: 'error', code, path: [], message };
}
