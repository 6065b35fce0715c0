import { NODE_KINDS, type NodeKind, type NodeType } from '../../../../shared/status';

/** What a palette item carries while dragged onto the canvas. */
export interface PaletteItem {
  nodeType: NodeType;
  agentLoad?: string | undefined;
  /** The IT-ops design's kind of the new node, if it is one of the kind items. */
  kind?: NodeKind | undefined;
}

export const PALETTE_MIME = 'application/x-deduction-node';

export function readPaletteItem(transfer: DataTransfer): PaletteItem | undefined {
  const raw = transfer.getData(PALETTE_MIME);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<PaletteItem>;
    if (parsed.nodeType !== 'agent' && parsed.nodeType !== 'container') return undefined;
    const kind = (NODE_KINDS as readonly unknown[]).includes(parsed.kind) ? parsed.kind : undefined;
    return { nodeType: parsed.nodeType, agentLoad: typeof parsed.agentLoad === 'string' ? parsed.agentLoad : undefined, ...(kind && { kind }) };
  } catch {
    return undefined;
  }
}
