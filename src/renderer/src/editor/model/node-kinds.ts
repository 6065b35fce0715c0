import { NODE_KIND_DEFAULTS, NODE_KINDS, type NodeKind } from '../../../../shared/status';
import type { PaletteItem } from '../palette/palette-drag';

export interface KindPaletteEntry {
  kind: NodeKind;
  /** What a drop creates: the kind's node type, and its agent load for an agent kind. */
  item: PaletteItem;
  timeoutSeconds: number;
  retries: number;
  /** The palette colour (kind-… class) of what runs it: the agent kind of its load, or a container's. */
  colour: 'manual' | 'process' | 'http' | 'sim' | 'container';
}

const COLOURS: Record<NodeKind, KindPaletteEntry['colour']> = { manual: 'manual', script: 'process', api_call: 'http', decision: 'sim', parallel: 'container' };

/** The palette's items for the five node kinds, in the design's order, with their defaults to show. */
export function kindPaletteEntries(): KindPaletteEntry[] {
  return NODE_KINDS.map((kind) => {
    const defaults = NODE_KIND_DEFAULTS[kind];
    return {
      kind,
      item: { nodeType: defaults.nodeType, kind, ...(defaults.agentLoad !== null && { agentLoad: defaults.agentLoad }) },
      timeoutSeconds: defaults.timeoutMs / 1000,
      retries: defaults.maxRetries,
      colour: COLOURS[kind],
    };
  });
}

/** The default timeout (s) and retries a node's kind gives it where it sets none; undefined without a kind. */
export function kindDefaultsOf(kind: NodeKind | undefined): { timeoutSeconds: number; retries: number } | undefined {
  if (kind === undefined) return undefined;
  const defaults = NODE_KIND_DEFAULTS[kind];
  return { timeoutSeconds: defaults.timeoutMs / 1000, retries: defaults.maxRetries };
}
