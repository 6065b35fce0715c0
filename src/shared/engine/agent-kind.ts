import type { AgentKind } from './protocol';

/** The kind the Engines' catalog gives an agent load, or undefined where it lists none. */
export type AgentKindLookup = (agentLoad: string) => AgentKind | string | undefined;

/**
 * Whether an agent load runs a manual agent (one that waits for an operator's decision): as the
 * Engines' catalog says; a load the catalog does not list (or no catalog yet) is manual only
 * when it is named `manual`, as the reference catalog names it.
 */
export function isManualAgent(agentLoad: string | null, kindOf: AgentKindLookup = () => undefined): boolean {
  if (agentLoad === null) return false;
  const kind = kindOf(agentLoad);
  return kind === undefined ? agentLoad === 'manual' : kind === 'manual';
}
