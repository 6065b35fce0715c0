import { createContext, useContext } from 'react';

/**
 * Text typed into an inspector field that could not be applied to the document (JSON Logic that
 * does not parse): it is kept, shown again when the field returns, and listed as a problem
 * until it is fixed, so nothing the user typed is silently dropped.
 */
export interface FieldDraft {
  text: string;
  /** The node the field belongs to (a dependency's target node for a condition). */
  nodeId: string;
  /** Where the field is inside that node, e.g. ["dependencies", 0, "condition"]. */
  path: (string | number)[];
  /** The field's label and why the text is refused, in the window's language. */
  field: string;
  reason: string;
}

export interface FieldDrafts {
  get: (key: string) => FieldDraft | undefined;
  /** Undefined clears the key: the field holds an applied value again. */
  set: (key: string, draft: FieldDraft | undefined) => void;
}

const NO_DRAFTS: FieldDrafts = { get: () => undefined, set: () => undefined };

export const FieldDraftsContext = createContext<FieldDrafts>(NO_DRAFTS);

export function useFieldDrafts(): FieldDrafts {
  return useContext(FieldDraftsContext);
}
