import { useEffect, useState } from 'react';
import type { WorkflowDefinition } from '../../../shared/workflow/definition';
import type { Problem } from '../../../shared/workflow/problems';
import { validateWorkflow } from '../../../shared/workflow/validate';

export const VALIDATION_DELAY_MS = 250;

export interface LiveValidation {
  /** The definition the problems were found in: their paths index its nodes. */
  definition: WorkflowDefinition;
  problems: Problem[];
}

/** Validates the document a moment after it stops changing, with the same validator as the core. */
export function useLiveValidation(definition: WorkflowDefinition): LiveValidation {
  const [result, setResult] = useState<LiveValidation>(() => ({ definition, problems: validateWorkflow(definition).problems }));
  useEffect(() => {
    if (result.definition === definition) return undefined;
    const timer = window.setTimeout(() => setResult({ definition, problems: validateWorkflow(definition).problems }), VALIDATION_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [definition, result.definition]);
  return result;
}
