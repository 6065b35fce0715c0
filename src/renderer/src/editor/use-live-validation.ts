import { useEffect, useState } from 'react';
import type { AgentCatalogEntry } from '../../../shared/engine/protocol';
import type { WorkflowDefinition } from '../../../shared/workflow/definition';
import type { Problem } from '../../../shared/workflow/problems';
import { validateWorkflow } from '../../../shared/workflow/validate';

export const VALIDATION_DELAY_MS = 250;

export interface LiveValidation {
  /** The definition the problems were found in: their paths index its nodes. */
  definition: WorkflowDefinition;
  /** The catalog agent configs were checked against. */
  agents: readonly AgentCatalogEntry[];
  problems: Problem[];
}

function validated(definition: WorkflowDefinition, agents: readonly AgentCatalogEntry[]): LiveValidation {
  return { definition, agents, problems: validateWorkflow(definition, { agents }).problems };
}

/**
 * Validates the document a moment after it stops changing, with the same validator as the
 * core, agent configs against the Engines' catalog (checked again when the catalog arrives).
 */
export function useLiveValidation(definition: WorkflowDefinition, agents: readonly AgentCatalogEntry[]): LiveValidation {
  const [result, setResult] = useState<LiveValidation>(() => validated(definition, agents));
  useEffect(() => {
    if (result.definition === definition && result.agents === agents) return undefined;
    const timer = window.setTimeout(() => setResult(validated(definition, agents)), VALIDATION_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [definition, agents, result.definition, result.agents]);
  return result;
}
