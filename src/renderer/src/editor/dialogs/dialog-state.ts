import type { Problem } from '../../../../shared/workflow/problems';

/** The one dialog the editor shows at a time, if any. */
export type DialogState =
  | { kind: 'open' }
  | { kind: 'help' }
  | { kind: 'review' }
  | { kind: 'refused'; action: 'save' | 'start'; problems: Problem[] }
  | { kind: 'confirm'; then: 'new' | 'open' };
