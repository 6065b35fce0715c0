import type { NodeType } from '../../../../shared/status';

/** What a palette item carries while dragged onto the canvas. */
export interface PaletteItem {
  nodeType: NodeType;
  agentLoad?: string | undefined;
}

export const PALETTE_MIME = 'application/x-deduction-node';

export function readPaletteItem(transfer: DataTransfer): PaletteItem | undefined {
  const raw = transfer.getData(PALETTE_MIME);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<PaletteItem>;
    if (parsed.nodeType !== 'agent' && parsed.nodeType !== 'container') return undefined;
    return { nodeType: parsed.nodeType, agentLoad: typeof parsed.agentLoad === 'string' ? parsed.agentLoad : undefined };
  } catch {
    return undefined;
  }
}
